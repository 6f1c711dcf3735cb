import Crypto
import Foundation

/// Per-instance secrets kept as 0600 files in the data directory: the JWT signing key and the pepper that keys
/// password pre-hashing and code digests. Created on first start, reused after.
struct InstanceSecrets: Sendable {
    let signingKey: RSASigningKey
    let keyID: String
    let pepper: SymmetricKey

    static func loadOrCreate(in directory: URL) throws -> InstanceSecrets {
        let keyFile = directory.appendingPathComponent("jwt-signing-key.pem")
        let pepperFile = directory.appendingPathComponent("instance-pepper")
        let key: RSASigningKey
        if let pem = try? String(contentsOf: keyFile, encoding: .utf8) {
            key = try RSASigningKey.load(pem: pem)
        } else {
            key = try RSASigningKey.generate()
            try writeSecret(Data(try key.pem().utf8), to: keyFile)
        }
        let pepperBytes: Data
        if let text = try? String(contentsOf: pepperFile, encoding: .utf8),
           let decoded = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), decoded.count >= 32 {
            pepperBytes = decoded
        } else {
            pepperBytes = Data(RandomToken.bytes(32))
            try writeSecret(Data(pepperBytes.base64EncodedString().utf8), to: pepperFile)
        }
        let modulus = try key.publicComponents().modulus
        let kid = "ins_" + SHA256.hash(data: modulus).prefix(16).map { String(format: "%02x", $0) }.joined()
        return InstanceSecrets(signingKey: key, keyID: kid, pepper: SymmetricKey(data: pepperBytes))
    }

    /// Writes `data` readable by the owner only, replacing nothing that exists.
    private static func writeSecret(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// HMAC-SHA-256 of `text` under the pepper, as hex: how codes, tokens and backup codes are stored.
    func digest(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: pepper).map { String(format: "%02x", $0) }.joined()
    }
}
