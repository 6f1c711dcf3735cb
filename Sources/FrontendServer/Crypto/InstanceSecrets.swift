import Crypto
import Foundation

/// Per-instance secrets kept as 0600 files in the data directory: the data key, the JWT signing keys (sealed with the
/// data key) and the pepper that keys password pre-hashing and code digests. Created on first start, reused after.
struct InstanceSecrets: Sendable {
    let signingKeys: SigningKeyRing
    /// The instance's public id: the `kid` of the key that signed when this process started.
    let keyID: String
    let pepper: SymmetricKey
    let dataKey: DataKey

    static func loadOrCreate(in directory: URL, dataKey configuredDataKey: String? = nil,
                             tokenLifetime: TimeInterval = 60, now: Int64) throws -> InstanceSecrets {
        let dataKey = try DataKey.loadOrCreate(in: directory, configured: configuredDataKey)
        let ring = try SigningKeyRing.load(in: directory, dataKey: dataKey, tokenLifetime: tokenLifetime)
        let pepperFile = directory.appendingPathComponent("instance-pepper")
        let pepperBytes: Data
        if let text = try? String(contentsOf: pepperFile, encoding: .utf8),
           let decoded = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), decoded.count >= 32 {
            pepperBytes = decoded
        } else {
            pepperBytes = Data(RandomToken.bytes(32))
            try SecretFile.write(Data(pepperBytes.base64EncodedString().utf8), to: pepperFile)
        }
        return InstanceSecrets(signingKeys: ring, keyID: ring.signer(at: now).keyID, pepper: SymmetricKey(data: pepperBytes),
                               dataKey: dataKey)
    }

    /// A `kid` derived from the public modulus, so it stays the same across restarts.
    static func keyID(of key: RSASigningKey) throws -> String {
        "ins_" + SHA256.hash(data: try key.publicComponents().modulus).prefix(16).hexString
    }

    /// HMAC-SHA-256 of `text` under the pepper, as hex: how codes, tokens and backup codes are stored.
    func digest(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: pepper).hexString
    }
}

extension Sequence<UInt8> {
    /// Lower-case hex, two digits a byte (without `String(format:)`, which is slow on Linux).
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
