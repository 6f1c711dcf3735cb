import COpenSSL
import Crypto
import Foundation

/// Per-instance secrets: the data key, the JWT signing keys (sealed with the data key) and the pepper that keys
/// password pre-hashing and code digests. Created on first start, reused after: as 0600 files in the data directory
/// on the SQLite store, as sealed `instance_secrets` rows on a shared store (whose nodes must all be given the
/// data key, so that none needs its own disk).
struct InstanceSecrets: Sendable {
    let signingKeys: SigningKeyRing
    /// The instance's public id (in the environment's ids and billing objects), kept in `instance-id`.
    let instanceID: String
    let pepper: SymmetricKey
    let dataKey: DataKey
    /// HMAC-SHA-256 already keyed with the pepper: each digest copies it instead of keying a new one.
    private let pepperedHMAC: HMAC<SHA256>

    init(signingKeys: SigningKeyRing, instanceID: String, pepper: SymmetricKey, dataKey: DataKey) {
        self.signingKeys = signingKeys
        self.instanceID = instanceID
        self.pepper = pepper
        self.dataKey = dataKey
        pepperedHMAC = HMAC(key: pepper)
    }

    static func loadOrCreate(in directory: URL, database: Database, dataKey configuredDataKey: String? = nil,
                             tokenLifetime: TimeInterval = 60, now: Int64) async throws -> InstanceSecrets {
        // Before OpenSSL's first use: no cleanup at exit, which would free its locks under a thread still inside it
        // (a key being generated, a command's last task).
        clerk_openssl_skip_atexit_cleanup()
        guard database.isShared else {
            return try loadOrCreate(in: directory, dataKey: configuredDataKey, tokenLifetime: tokenLifetime, now: now)
        }
        guard let configuredDataKey else {
            throw DataKey.Failure(description: "a PostgreSQL store needs the data key that every node shares: set "
                                  + "CLERK_TUI_DATA_KEY (32 random bytes, base64)")
        }
        let dataKey = try DataKey.loadOrCreate(in: directory, configured: configuredDataKey)
        let ring = try await SigningKeyRing.load(from: database, dataKey: dataKey, tokenLifetime: tokenLifetime)
        let pepper = try await sharedValue("pepper", dataKey: dataKey, in: database) {
            Data(RandomToken.bytes(32)).base64EncodedString()
        }
        guard let pepperBytes = Data(base64Encoded: pepper), pepperBytes.count >= 32 else {
            throw DataKey.Failure(description: "the stored pepper is damaged")
        }
        let instanceID = try await sharedValue("instance-id", dataKey: dataKey, in: database) {
            "ins_" + RandomToken.bytes(16).hexString
        }
        return InstanceSecrets(signingKeys: ring, instanceID: instanceID, pepper: SymmetricKey(data: pepperBytes),
                               dataKey: dataKey)
    }

    /// The value named `name` in the shared store, after storing `fresh()` if there was none (of nodes starting
    /// together, the first one's wins).
    private static func sharedValue(_ name: String, dataKey: DataKey, in database: Database,
                                    fresh: () -> String) async throws -> String {
        let sealed = try await SharedSecrets.createOnce(name, sealed: try dataKey.seal(fresh(), context: name), in: database)
        return try dataKey.open(sealed, context: name)
    }

    private static func loadOrCreate(in directory: URL, dataKey configuredDataKey: String?, tokenLifetime: TimeInterval,
                                     now: Int64) throws -> InstanceSecrets {
        let dataKey = try DataKey.loadOrCreate(in: directory, configured: configuredDataKey)
        let ring = try SigningKeyRing.load(in: directory, dataKey: dataKey, tokenLifetime: tokenLifetime)
        guard let pepperBytes = try SecretFile.randomSecret(at: directory.appendingPathComponent("instance-pepper")),
              pepperBytes.count >= 32 else {
            throw DataKey.Failure(description: "the pepper file is damaged")
        }
        return InstanceSecrets(signingKeys: ring, instanceID: try instanceID(in: directory, ring: ring, now: now),
                               pepper: SymmetricKey(data: pepperBytes), dataKey: dataKey)
    }

    /// The id kept in `instance-id`. An instance from before that file keeps the one it had, the `kid` of its signing
    /// key; a new one gets a random id, as its first key is still being generated.
    private static func instanceID(in directory: URL, ring: SigningKeyRing, now: Int64) throws -> String {
        let file = directory.appendingPathComponent("instance-id")
        let fresh = { Data((ring.hasKey ? try ring.signer(at: now).keyID : "ins_" + RandomToken.bytes(16).hexString).utf8) }
        let stored = String(decoding: try SecretFile.readOrCreate(file, fresh: fresh), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if stored.hasPrefix("ins_") && stored.count > 4 { return stored }
        let id = String(decoding: try fresh(), as: UTF8.self)
        try SecretFile.replace(Data(id.utf8), at: file)
        return id
    }

    /// A `kid` derived from the public modulus, so it stays the same across restarts.
    static func keyID(of key: RSASigningKey) throws -> String {
        "ins_" + SHA256.hash(data: try key.publicComponents().modulus).prefix(16).hexString
    }

    /// HMAC-SHA-256 of `text` under the pepper, as hex: how codes, tokens and backup codes are stored.
    func digest(_ text: String) -> String {
        var hmac = pepperedHMAC
        var text = text
        text.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return hmac.finalize().hexString
    }
}

extension Sequence<UInt8> {
    /// Lower-case hex, two digits a byte (without `String(format:)`, which is slow on Linux).
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
