import Foundation

/// The claims of a session JWT the client acts on. The signature is not checked: the client only
/// decides when to refresh; the backend verifies.
public struct SessionJWT: Sendable, Equatable {
    public let raw: String
    public let sessionID: String?
    public let organizationID: String?
    public let issuedAt: Date?
    public let expiresAt: Date?
    /// Header `oiat`: when the session minter first issued the token's origin (fresher wins).
    public let originIssuedAt: Date?
    /// Clerk Billing's `pla`: the user's plan as `u:<slug>`, then the active organization's as `o:<slug>`.
    public let plans: [String]
    /// Clerk Billing's `fea`: the features of those plans, `u:` and `o:` prefixed like the plans.
    public let features: [String]

    /// Decodes `jwt`, or returns nil when it is not three base64url segments with JSON header and payload.
    public init?(_ jwt: String) {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[2].isEmpty,
              let header = Self.object(parts[0]), let payload = Self.object(parts[1])
        else { return nil }
        raw = jwt
        sessionID = payload["sid"] as? String
        let organization = payload["o"] as? [String: Any]
        organizationID = (payload["org_id"] as? String) ?? (organization?["id"] as? String)
        issuedAt = Self.date(payload["iat"])
        expiresAt = Self.date(payload["exp"])
        originIssuedAt = Self.date(header["oiat"])
        plans = Self.list(payload["pla"])
        features = Self.list(payload["fea"])
    }

    /// The slug after `prefix` (`u:` or `o:`) in a billing claim.
    public static func billingEntries(_ entries: [String], prefix: String) -> [String] {
        entries.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Whether the token is still valid `buffer` from `now`.
    public func isFresh(buffer: Duration, now: Date = Date()) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) > Double(buffer.components.seconds)
    }

    /// Whether `self` is newer than `other`: larger `oiat`, then larger `iat` (clerk-ios `TokenFreshness`).
    func isFresher(than other: SessionJWT) -> Bool {
        let mine = (originIssuedAt ?? .distantPast, issuedAt ?? .distantPast)
        let theirs = (other.originIssuedAt ?? .distantPast, other.issuedAt ?? .distantPast)
        return mine >= theirs
    }

    private static func object(_ segment: Substring) -> [String: Any]? {
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// A comma-separated claim as its entries.
    private static func list(_ value: Any?) -> [String] {
        (value as? String)?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
    }

    private static func date(_ value: Any?) -> Date? {
        (value as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
    }
}
