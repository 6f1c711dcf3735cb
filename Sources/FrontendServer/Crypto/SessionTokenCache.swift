import FrontendAPI
import Synchronization

/// Session tokens minted in the last few seconds, reused as the `last_active_token` of client and session payloads
/// so that rendering a client does not cost an RSA signature each time.
///
/// A token is reused only for exactly the same claims apart from `iat`/`nbf`/`exp`/`jti` (same key, session, user,
/// origin, organization membership with its slug, role and permissions, factor ages and status), and only while it
/// is younger than `window`, so a reused token always has at least `lifetime - window` left. Callers still decide per request whether the session may have a
/// token at all; the cache never outlives that check. The token endpoint always mints afresh.
final class SessionTokenCache: Sendable {
    struct Key: Hashable {
        let keyID: String
        let issuer: String
        let sessionID: String
        let userID: String
        let authorizedParty: String?
        /// The active organization as the token claims it: a role change makes a different key.
        let organization: OrganizationClaim?
        let factorAges: [Int]
        let status: SessionStatus
        /// The plans and features the token grants: a checkout makes a different key.
        var billing: BillingClaim? = nil
    }

    private struct Entry {
        let key: Key
        let token: String
        let issuedAt: Int64
    }

    /// Seconds a minted token may be handed out again: a twelfth of the lifetime, at most 5 s (55 s of a 60 s token
    /// remain).
    let window: Int64
    private let entries = Mutex<[String: Entry]>([:])
    private static let pruneAbove = 4096

    init(tokenLifetime: Double) {
        window = min(5, Int64(tokenLifetime / 12))
    }

    /// A token for `key` issued at most `window` seconds before `now` (and not after it).
    func token(for key: Key, now: Int64) -> String? {
        guard window > 0 else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[key.sessionID], entry.key == key,
                  entry.issuedAt <= now, now - entry.issuedAt < window else { return nil }
            return entry.token
        }
    }

    /// Remembers a token just minted with `key` at `issuedAt`.
    func store(_ token: String, for key: Key, issuedAt: Int64) {
        guard window > 0 else { return }
        entries.withLock { entries in
            if entries.count >= Self.pruneAbove {
                entries = entries.filter { issuedAt - $0.value.issuedAt < window && $0.value.issuedAt <= issuedAt }
                if entries.count >= Self.pruneAbove { entries.removeAll(keepingCapacity: true) }
            }
            entries[key.sessionID] = Entry(key: key, token: token, issuedAt: issuedAt)
        }
    }
}
