import Crypto
import Foundation
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// The server's ed25519 host key: read from an OpenSSH private key file, or generated on first start and
/// saved there (0600), so clients don't see "host key changed" after a restart.
public struct HostKeyFile: Sendable {
    public let path: String
    public let privateKey: NIOSSHPrivateKey
    /// `SHA256:…`, as `ssh-keygen -lf` prints it.
    public let fingerprint: String
    /// True when this start generated the key.
    public let generated: Bool

    /// Loads `path`, or generates a new key there when it does not exist.
    public static func loadOrCreate(path: String) throws(HostKeyError) -> HostKeyFile {
        let key: Curve25519.Signing.PrivateKey
        var generated = false
        if let data = FileManager.default.contents(atPath: path) {
            key = try OpenSSHKeyFormat.decode(String(decoding: data, as: UTF8.self))
        } else {
            key = Curve25519.Signing.PrivateKey()
            try write(OpenSSHKeyFormat.encode(key, comment: "clerk-tui host key"), to: path)
            generated = true
        }
        let blob = SSHWireWriter.publicKeyBlob(key)
        return HostKeyFile(path: path, privateKey: NIOSSHPrivateKey(ed25519Key: key),
                           fingerprint: KeyFingerprint.of(blob: Data(blob)), generated: generated)
    }

    private static func write(_ text: String, to path: String) throws(HostKeyError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .io("cannot create \(directory): \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw .io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

extension SSHWireWriter {
    /// The `ssh-ed25519` public key blob that fingerprints are computed over.
    static func publicKeyBlob(_ key: Curve25519.Signing.PrivateKey) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.write(string: "ssh-ed25519")
        writer.write(bytes: Array(key.publicKey.rawRepresentation))
        return writer.bytes
    }
}
