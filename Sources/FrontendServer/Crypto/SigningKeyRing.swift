import Foundation
import Synchronization

/// The instance's JWT signing keys, sealed at rest in one file (SQLite store) or one `instance_secrets` row (shared
/// store), with rotation that never breaks verification: a new key is published in the JWKS `publishLead` before it
/// signs anything, and a replaced key stays published `retireLag` after its last signature (token lifetime plus
/// clock skew, at least 60 s + skew). On a shared store every node reloads the row at least every `reloadInterval`,
/// well within `publishLead`, so each one publishes a rotated key before any node signs with it.
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
    static let reloadInterval: Duration = .seconds(10)
    private static let context = "jwt-keys"

    /// Where the sealed ring lives.
    enum Home: Sendable {
        case file(URL)
        case database(Database)
    }

    private let entries: Mutex<[Entry]>
    /// The sealed row the entries came from (shared store), so that reloading an unchanged ring costs no parsing.
    private let lastLoaded = Mutex<String?>(nil)
    private let home: Home
    private let dataKey: DataKey
    private let retireLag: Int64
    /// The first key while it is being generated; nil when the keys were loaded.
    private let firstKey: PendingKey?

    private init(entries: [Entry], home: Home, dataKey: DataKey, tokenLifetime: TimeInterval, firstKey: PendingKey? = nil) {
        self.entries = Mutex(entries)
        self.home = home
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
            return SigningKeyRing(entries: try unseal(sealed, with: dataKey), home: .file(file), dataKey: dataKey,
                                  tokenLifetime: tokenLifetime)
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
        let ring = SigningKeyRing(entries: [], home: .file(file), dataKey: dataKey, tokenLifetime: tokenLifetime)
        try ring.adopt(key)
        try? FileManager.default.removeItem(at: legacySealed)
        try? FileManager.default.removeItem(at: legacyPlain)
        return ring
    }

    /// The ring of a shared store, created by whichever node starts first (a node of a team deployment may take the
    /// moment an RSA key needs before it answers).
    static func load(from database: Database, dataKey: DataKey, tokenLifetime: TimeInterval) async throws -> SigningKeyRing {
        var sealed = try await SharedSecrets.sealed(context, in: database)
        if sealed == nil {
            let initial = try seal([Entry(signer: try signer(RSASigningKey.generate()), activeFrom: 0, retireAt: nil)], with: dataKey)
            sealed = try await SharedSecrets.createOnce(context, sealed: initial, in: database)
        }
        let ring = SigningKeyRing(entries: try unseal(sealed!, with: dataKey), home: .database(database), dataKey: dataKey,
                                  tokenLifetime: tokenLifetime)
        ring.lastLoaded.withLock { $0 = sealed }
        return ring
    }

    /// Whether a shared store holds a ring already, that is, whether an instance was ever started on it.
    static func isStored(in database: Database) async throws -> Bool {
        try await SharedSecrets.exists(context, in: database)
    }

    /// Takes up what another node rotated (shared store only); an unchanged row changes nothing.
    func reload() async throws {
        guard case .database(let database) = home, let sealed = try await SharedSecrets.sealed(Self.context, in: database),
              lastLoaded.withLock({ $0 }) != sealed else { return }
        let stored = try Self.unseal(sealed, with: dataKey)
        entries.withLock { $0 = stored }
        lastLoaded.withLock { $0 = sealed }
    }

    /// A ring whose first key is generated on a thread of its own (off every event loop and the portal's UI).
    private static func generatingFirstKey(file: URL, dataKey: DataKey, tokenLifetime: TimeInterval) -> SigningKeyRing {
        let pending = PendingKey()
        let ring = SigningKeyRing(entries: [], home: .file(file), dataKey: dataKey, tokenLifetime: tokenLifetime,
                                  firstKey: pending)
        let thread = Thread {
            pending.finish(Result { try ring.adopt(try RSASigningKey.generate()) })
        }
        thread.name = "clerk-tui.signing-key"
        thread.start()
        return ring
    }

    /// Makes `key` the only key of a ring kept in a file, signing from the start, and persists it, unless another
    /// process on the same data directory (a `clerk-tui admin` beside a server still making its first key) wrote a
    /// first key meanwhile: then that one is the instance's, in this process too.
    private func adopt(_ key: RSASigningKey) throws {
        guard case .file(let file) = home else { return }
        let entry = Entry(signer: try Self.signer(key), activeFrom: 0, retireAt: nil)
        if try SecretFile.createOnce(Data(try Self.seal([entry], with: dataKey).utf8), at: file) {
            entries.withLock { $0 = [entry] }
            return
        }
        let stored = try Self.unseal(try String(contentsOf: file, encoding: .utf8), with: dataKey)
        entries.withLock { $0 = stored }
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
    /// that. Keys whose grace has passed are dropped. Returns the new key's `kid`. On a shared store the rotation
    /// applies to the ring as stored (another node may have rotated since this one last reloaded).
    @discardableResult
    func rotate(now: Int64) async throws -> String {
        try waitForKey()
        let fresh = try Self.signer(try RSASigningKey.generate())
        switch home {
        case .file(let file):
            let updated = entries.withLock { entries -> [Entry] in
                entries = rotated(entries, adding: fresh, now: now)
                return entries
            }
            try SecretFile.replace(Data(try Self.seal(updated, with: dataKey).utf8), at: file)
        case .database(let database):
            let dataKey = dataKey
            let updated = try await SharedSecrets.update(Self.context, in: database) { sealed in
                let current = try sealed.map { try Self.unseal($0, with: dataKey) } ?? self.entries.withLock { $0 }
                let updated = self.rotated(current, adding: fresh, now: now)
                return (try Self.seal(updated, with: dataKey), updated)
            }
            entries.withLock { $0 = updated }
        }
        return fresh.keyID
    }

    private func rotated(_ entries: [Entry], adding fresh: SessionTokenSigner, now: Int64) -> [Entry] {
        let activeFrom = now + Self.publishLead
        var kept = entries.filter { ($0.retireAt ?? .max) > now }
        for index in kept.indices where kept[index].retireAt == nil || kept[index].retireAt! > activeFrom + retireLag {
            kept[index].retireAt = activeFrom + retireLag
        }
        kept.append(Entry(signer: fresh, activeFrom: activeFrom, retireAt: nil))
        return kept
    }

    private static func seal(_ entries: [Entry], with dataKey: DataKey) throws -> String {
        let stored = try entries.map { StoredKey(pem: try $0.signer.key.pem(), activeFrom: $0.activeFrom, retireAt: $0.retireAt) }
        return try dataKey.seal(String(decoding: try JSONEncoder().encode(stored), as: UTF8.self), context: context)
    }

    private static func unseal(_ sealed: String, with dataKey: DataKey) throws -> [Entry] {
        let stored = try JSONDecoder().decode([StoredKey].self, from: Data(try dataKey.open(sealed, context: context).utf8))
        let entries = try stored.map { Entry(signer: try signer(RSASigningKey.load(pem: $0.pem)), activeFrom: $0.activeFrom, retireAt: $0.retireAt) }
        guard !entries.isEmpty else { throw DataKey.Failure(description: "the stored signing-key ring holds no key") }
        return entries
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
