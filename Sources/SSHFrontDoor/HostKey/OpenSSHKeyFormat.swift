import Crypto
import Foundation

/// Reads and writes unencrypted ed25519 private keys in OpenSSH's `openssh-key-v1` format, the format of
/// `ssh-keygen -t ed25519 -N ''` (swift-nio-ssh has no parser for it: apple/swift-nio-ssh#66).
enum OpenSSHKeyFormat {
    private static let armorBegin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let armorEnd = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1".utf8) + [0]
    private static let keyType = "ssh-ed25519"

    /// The PEM-armoured text of `key`.
    static func encode(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicBytes = Array(key.publicKey.rawRepresentation)
        var publicBlob = SSHWireWriter()
        publicBlob.write(string: keyType)
        publicBlob.write(bytes: publicBytes)

        var secret = SSHWireWriter()
        let check = UInt32.random(in: .min ... .max)
        secret.write(check)
        secret.write(check)
        secret.write(string: keyType)
        secret.write(bytes: publicBytes)
        secret.write(bytes: Array(key.rawRepresentation) + publicBytes)
        secret.write(string: comment)
        var pad: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.bytes.append(pad)
            pad += 1
        }

        var body = SSHWireWriter()
        body.bytes = magic
        body.write(string: "none")
        body.write(string: "none")
        body.write(string: "")
        body.write(UInt32(1))
        body.write(bytes: publicBlob.bytes)
        body.write(bytes: secret.bytes)

        let base64 = Data(body.bytes).base64EncodedString()
        var lines = [armorBegin]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append(armorEnd)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key in `text`; throws for anything but an unencrypted ed25519 OpenSSH key.
    static func decode(_ text: String) throws(HostKeyError) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: armorBegin), let end = lines.firstIndex(of: armorEnd), begin < end,
              let data = Data(base64Encoded: lines[(begin + 1)..<end].joined())
        else { throw .notOpenSSHFormat }
        var reader = SSHWireReader(Array(data))
        guard reader.readBytes(count: magic.count) == magic else { throw .notOpenSSHFormat }
        guard let cipher = reader.readString(), let kdf = reader.readString(), reader.readBlob() != nil,
              let count = reader.readUInt32()
        else { throw .malformed }
        guard cipher == "none", kdf == "none" else { throw .encrypted }
        guard count == 1, reader.readBlob() != nil, let secretBytes = reader.readBlob() else { throw .malformed }
        var secret = SSHWireReader(secretBytes)
        guard let first = secret.readUInt32(), let second = secret.readUInt32(), first == second else {
            throw .malformed
        }
        guard let type = secret.readString() else { throw .malformed }
        guard type == keyType else { throw .unsupportedType(type) }
        guard secret.readBlob()?.count == 32, let pair = secret.readBlob(), pair.count == 64,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: pair.prefix(32))
        else { throw .malformed }
        guard Array(key.publicKey.rawRepresentation) == Array(pair.suffix(32)) else { throw .malformed }
        return key
    }
}

/// Why a host key file could not be used.
public enum HostKeyError: Error, CustomStringConvertible, Equatable {
    case notOpenSSHFormat
    case malformed
    case encrypted
    case unsupportedType(String)
    case io(String)

    public var description: String {
        switch self {
        case .notOpenSSHFormat: "not an OpenSSH private key (expected -----BEGIN OPENSSH PRIVATE KEY-----)"
        case .malformed: "the OpenSSH private key is malformed"
        case .encrypted: "the host key is passphrase-protected; use a key without a passphrase"
        case .unsupportedType(let type): "host keys must be ed25519, not \(type)"
        case .io(let message): message
        }
    }
}
