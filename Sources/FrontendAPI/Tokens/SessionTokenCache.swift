import Foundation

/// Identifies one cached session token: the session, the organization it was minted for (nil: personal
/// account) and the JWT template (nil: the default session token).
public struct SessionTokenKey: Hashable, Sendable {
    public var sessionID: String
    public var organizationID: String?
    public var template: String?

    public init(sessionID: String, organizationID: String?, template: String?) {
        self.sessionID = sessionID
        self.organizationID = organizationID?.isEmpty == true ? nil : organizationID
        self.template = template
    }
}

/// Session tokens per ``SessionTokenKey``, seeded from each session's `last_active_token`, with one
/// in-flight fetch per key.
actor SessionTokenCache {
    private var tokens: [SessionTokenKey: SessionJWT] = [:]
    private var inFlight: [SessionTokenKey: Task<SessionJWT, any Error>] = [:]

    func token(for key: SessionTokenKey) -> SessionJWT? {
        tokens[key]
    }

    /// Keeps `token` unless a fresher one is already cached.
    func store(_ token: SessionJWT, for key: SessionTokenKey) {
        if let existing = tokens[key], !token.isFresher(than: existing) { return }
        tokens[key] = token
    }

    func removeTokens(sessionID: String) {
        tokens = tokens.filter { $0.key.sessionID != sessionID }
    }

    /// Forgets sessions that are no longer signed in and adopts each session's `last_active_token`
    /// when it belongs to that session and its active organization.
    func seed(from client: Client?) {
        let signedIn = (client?.sessions ?? []).filter { $0.status == .active || $0.status == .pending }
        let ids = Set(signedIn.map(\.id))
        tokens = tokens.filter { ids.contains($0.key.sessionID) }
        for session in signedIn {
            guard let jwt = session.lastActiveToken.flatMap({ SessionJWT($0.jwt) }), jwt.sessionID == session.id
            else { continue }
            let key = SessionTokenKey(
                sessionID: session.id, organizationID: session.lastActiveOrganizationID, template: nil)
            guard jwt.organizationID == key.organizationID else { continue }
            store(jwt, for: key)
        }
    }

    /// Joins the fetch already running for `key`, or starts `fetch`.
    func deduplicated(
        _ key: SessionTokenKey, fetch: @escaping @Sendable () async throws -> SessionJWT
    ) async throws -> SessionJWT {
        if let running = inFlight[key] { return try await running.value }
        let task = Task { try await fetch() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let token = try await task.value
        store(token, for: key)
        return token
    }
}
