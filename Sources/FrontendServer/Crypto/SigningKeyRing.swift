import Foundation
import Synchronization

/// The instance's JWT signing keys, sealed at rest in one file, with rotation that never breaks verification:
/// a new key is published in the JWKS `publishLead` before it signs anything, and a replaced key stays published
/// `retireLag` after its last signature (token lifetime plus clock skew, at least 60 s + skew).
///
/// On an instance's first start the first key is generated on a thread of its own (an RSA key takes a large part of
/// a second), so the server answers at once; whatever needs a key (a token, the JWKS, a rotation) waits for it.
final class SigningKeyRing: Sendable {
    struct Entry: Sendable {
        let signer: SessionTokenSigner
        /// Epoch ms from which this key signs.
        let activeFrom: Int64
        /// Epoch ms after which it leaves the JWKS; nil while current.
        var retireAt: Int64?
    }

    /// How long clocks may disagree; keys are published and kept this much longer than strictly needed.
    static let skew: Int64 = 30_000
    static let publishLead: Int64 = 60_000 + skew

    private let entries: Mutex<[Entry]>
    private let file: URL
    private let dataKey: DataKey
    private let retireLag: Int64
    /// The first key while it is being generated; nil when the keys were loaded.
    private let firstKey: PendingKey?

    private init(entries: [Entry], file: URL, dataKey: DataKey, tokenLifetime: TimeInterval, firstKey: PendingKey? = nil) {
        self.entries = Mutex(entries)
        self.file = file
        self.dataKey = dataKey
        retireLag = max(60_000, Int64(tokenLifetime * 1000)) + Self.skew
        self.firstKey = firstKey
    }

    /// Whether the ring holds a key already (false only while the first start generates one).
    var hasKey: Bool { entries.withLock { !$0.isEmpty } }

    /// Loads the ring, upgrading a single key left by an older version (sealed or plaintext PEM); on first start,
    /// starts generating a key and returns at once.
    static func load(in directory: URL, dataKey: DataKey, tokenLifetime: TimeInterval) throws -> SigningKeyRing {
        let file = directory.appendingPathComponent("jwt-keys.sealed")
        if let sealed = try? String(contentsOf: file, encoding: .utf8) {
            let stored = try JSONDecoder().decode([StoredKey].self, from: Data(try dataKey.open(sealed, context: "jwt-keys").utf8))
            let entries = try stored.map { Entry(signer: try signer(RSASigningKey.load(pem: $0.pem)), activeFrom: $0.activeFrom, retireAt: $0.retireAt) }
            guard !entries.isEmpty else { throw DataKey.Failure(description: "the signing key file holds no key") }
            return SigningKeyRing(entries: entries, file: file, dataKey: dataKey, tokenLifetime: tokenLifetime)
        }
        let legacySealed = directory.appendingPathComponent("jwt-signing-key.sealed")
        let legacyPlain = directory.appendingPathComponent("jwt-signing-key.pem")
        let key: RSASigningKey
        if let sealed = try? String(contentsOf: legacySealed, encoding: .utf8) {
            key = try RSASigningKey.load(pem: try dataKey.open(sealed, context: "jwt-signing-key"))
        } else if let pem = try? String(contentsOf: legacyPlain, encoding: .utf8) {
            key = try RSASigningKey.load(pem: pem)
        } else {
            return generatingFirstKey(file: file, dataKey: dataKey, tokenLifetime: tokenLifetime)
        }
        let ring = SigningKeyRing(entries: [], file: file, dataKey: dataKey, tokenLifetime: tokenLifetime)
        try ring.adopt(key)
        try? FileManager.default.removeItem(at: legacySealed)
        try? FileManager.default.removeItem(at: legacyPlain)
        return ring
    }

    /// A ring whose first key is generated on a thread of its own (off every event loop and the portal's UI).
    private static func generatingFirstKey(file: URL, dataKey: DataKey, tokenLifetime: TimeInterval) -> SigningKeyRing {
        let pending = PendingKey()
        let ring = SigningKeyRing(entries: [], file: file, dataKey: dataKey, tokenLifetime: tokenLifetime, firstKey: pending)
        let thread = Thread {
            pending.finish(Result { try ring.adopt(try RSASigningKey.generate()) })
        }
        thread.name = "clerk-tui.signing-key"
        thread.start()
        return ring
    }

    /// Makes `key` the ring's only key, signing from the start, and persists it.
    private func adopt(_ key: RSASigningKey) throws {
        let entry = Entry(signer: try Self.signer(key), activeFrom: 0, retireAt: nil)
        try persist([entry])
        entries.withLock { $0 = [entry] }
    }

    /// Returns once the ring holds a key; throws when generating the first one failed.
    private func waitForKey() throws {
        try firstKey?.wait()
    }

    private static func signer(_ key: RSASigningKey) throws -> SessionTokenSigner {
        SessionTokenSigner(key: key, keyID: try InstanceSecrets.keyID(of: key))
    }

    /// The key that signs at `now`: the newest one already active.
    func signer(at now: Int64) throws -> SessionTokenSigner {
        try waitForKey()
        return entries.withLock { entries in
            (entries.last { $0.activeFrom <= now } ?? entries[0]).signer
        }
    }

    /// The published key `keyID` names at `now`, to verify a token this instance signed.
    func signer(keyID: String, at now: Int64) -> SessionTokenSigner? {
        entries.withLock { entries in
            entries.first { $0.signer.keyID == keyID && ($0.retireAt ?? .max) > now }?.signer
        }
    }

    /// Every key a verifier may meet at `now`: the signing one, one about to sign, and retired ones still in grace.
    func jwks(at now: Int64) throws -> JSONWebKeySet {
        try waitForKey()
        let published = entries.withLock { $0.filter { ($0.retireAt ?? .max) > now } }
        return JSONWebKeySet(keys: try published.flatMap { try $0.signer.jwks().keys })
    }

    /// Adds a fresh key that starts signing `publishLead` from now; the keys it replaces retire `retireLag` after
    /// that. Keys whose grace has passed are dropped. Returns the new key's `kid`.
    @discardableResult
    func rotate(now: Int64) throws -> String {
        try waitForKey()
        let fresh = try Self.signer(try RSASigningKey.generate())
        let activeFrom = now + Self.publishLead
        let updated = entries.withLock { entries -> [Entry] in
            var kept = entries.filter { ($0.retireAt ?? .max) > now }
            for index in kept.indices where kept[index].retireAt == nil || kept[index].retireAt! > activeFrom + retireLag {
                kept[index].retireAt = activeFrom + retireLag
            }
            kept.append(Entry(signer: fresh, activeFrom: activeFrom, retireAt: nil))
            entries = kept
            return kept
        }
        try persist(updated)
        return fresh.keyID
    }

    private func persist(_ entries: [Entry]) throws {
        let stored = try entries.map { StoredKey(pem: try $0.signer.key.pem(), activeFrom: $0.activeFrom, retireAt: $0.retireAt) }
        let json = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
        try SecretFile.replace(Data(try dataKey.seal(json, context: "jwt-keys").utf8), at: file)
    }

    private struct StoredKey: Codable {
        let pem: String
        let activeFrom: Int64
        let retireAt: Int64?
    }
}

/// A key being generated: waiters block until it is there (the first token of a new instance, moments after start).
private final class PendingKey: Sendable {
    private let done = DispatchGroup()
    private let outcome = Mutex<Result<Void, any Error>?>(nil)

    init() {
        done.enter()
    }

    func finish(_ result: Result<Void, any Error>) {
        outcome.withLock { $0 = result }
        done.leave()
    }

    func wait() throws {
        done.wait()
        try outcome.withLock { $0 }?.get()
    }
}
