import Crypto
import Foundation

/// Per-instance secrets kept as 0600 files in the data directory: the data key, the JWT signing key (sealed with the
/// data key) and the pepper that keys password pre-hashing and code digests. Created on first start, reused after.
struct InstanceSecrets: Sendable {
    let signingKey: RSASigningKey
    let keyID: String
    let pepper: SymmetricKey
    let dataKey: DataKey

    static func loadOrCreate(in directory: URL, dataKey configuredDataKey: String? = nil) throws -> InstanceSecrets {
        let dataKey = try DataKey.loadOrCreate(in: directory, configured: configuredDataKey)
        let key = try loadSigningKey(in: directory, dataKey: dataKey)
        let pepperFile = directory.appendingPathComponent("instance-pepper")
        let pepperBytes: Data
        if let text = try? String(contentsOf: pepperFile, encoding: .utf8),
           let decoded = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), decoded.count >= 32 {
            pepperBytes = decoded
        } else {
            pepperBytes = Data(RandomToken.bytes(32))
            try SecretFile.write(Data(pepperBytes.base64EncodedString().utf8), to: pepperFile)
        }
        return InstanceSecrets(signingKey: key, keyID: try keyID(of: key), pepper: SymmetricKey(data: pepperBytes),
                               dataKey: dataKey)
    }

    /// A `kid` derived from the public modulus, so it stays the same across restarts.
    static func keyID(of key: RSASigningKey) throws -> String {
        "ins_" + SHA256.hash(data: try key.publicComponents().modulus).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads the sealed signing key, upgrading a plaintext PEM left by an older version; creates one on first start.
    private static func loadSigningKey(in directory: URL, dataKey: DataKey) throws -> RSASigningKey {
        let sealedFile = directory.appendingPathComponent("jwt-signing-key.sealed")
        let plainFile = directory.appendingPathComponent("jwt-signing-key.pem")
        let context = "jwt-signing-key"
        if let sealed = try? String(contentsOf: sealedFile, encoding: .utf8) {
            return try RSASigningKey.load(pem: try dataKey.open(sealed, context: context))
        }
        let key = try (try? String(contentsOf: plainFile, encoding: .utf8)).map(RSASigningKey.load(pem:)) ?? RSASigningKey.generate()
        try SecretFile.write(Data(try dataKey.seal(try key.pem(), context: context).utf8), to: sealedFile)
        try? FileManager.default.removeItem(at: plainFile)
        return key
    }

    /// HMAC-SHA-256 of `text` under the pepper, as hex: how codes, tokens and backup codes are stored.
    func digest(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: pepper).map { String(format: "%02x", $0) }.joined()
    }
}
