import COpenSSL
import Crypto
import Foundation

/// Per-instance secrets kept as 0600 files in the data directory: the data key, the JWT signing keys (sealed with the
/// data key) and the pepper that keys password pre-hashing and code digests. Created on first start, reused after.
struct InstanceSecrets: Sendable {
    let signingKeys: SigningKeyRing
    /// The instance's public id (in the environment's ids and billing objects), kept in `instance-id`.
    let instanceID: String
    let pepper: SymmetricKey
    let dataKey: DataKey

    static func loadOrCreate(in directory: URL, dataKey configuredDataKey: String? = nil,
                             tokenLifetime: TimeInterval = 60, now: Int64) throws -> InstanceSecrets {
        // Before OpenSSL's first use: no cleanup at exit, which would free its locks under a thread still inside it
        // (a key being generated, a command's last task).
        clerk_openssl_skip_atexit_cleanup()
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
        return InstanceSecrets(signingKeys: ring, instanceID: try instanceID(in: directory, ring: ring, now: now),
                               pepper: SymmetricKey(data: pepperBytes), dataKey: dataKey)
    }

    /// The id kept in `instance-id`. An instance from before that file keeps the one it had, the `kid` of its signing
    /// key; a new one gets a random id, as its first key is still being generated.
    private static func instanceID(in directory: URL, ring: SigningKeyRing, now: Int64) throws -> String {
        let file = directory.appendingPathComponent("instance-id")
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if id.hasPrefix("ins_") && id.count > 4 { return id }
        }
        let id = ring.hasKey ? try ring.signer(at: now).keyID : "ins_" + RandomToken.bytes(16).hexString
        try SecretFile.replace(Data(id.utf8), at: file)
        return id
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
