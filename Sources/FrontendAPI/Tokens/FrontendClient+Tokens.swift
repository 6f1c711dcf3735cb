import Foundation

extension FrontendClient {
    /// A cached token is reused only while it has more than this left (clerk-ios default).
    public static let tokenExpirationBuffer: Duration = .seconds(10)

    /// A session JWT for `sessionID` (default: the active session), or nil when that session is not
    /// signed in.
    ///
    /// - Parameters:
    ///   - organizationID: the organization the token is for; nil means the session's active
    ///     organization, `""` the personal account.
    ///   - template: a JWT template name; nil for the default session token.
    ///   - skipCache: always fetch a new token.
    public func getToken(
        sessionID: String? = nil, organizationID: String? = nil, template: String? = nil, skipCache: Bool = false
    ) async throws -> String? {
        let client = await state.client
        guard let session = client?.sessions.first(where: { $0.id == (sessionID ?? client?.lastActiveSessionID) }),
              session.status == .active || session.status == .pending
        else { return nil }
        let organization = organizationID ?? session.lastActiveOrganizationID
        let key = SessionTokenKey(sessionID: session.id, organizationID: organization, template: template)
        if !skipCache, let cached = await tokenCache.token(for: key), cached.isFresh(buffer: Self.tokenExpirationBuffer) {
            return cached.raw
        }
        let endpoint = Endpoint<Token>.sessionToken(
            sessionID: session.id, organizationID: key.organizationID, template: template)
        if skipCache {
            let token = try await fetchToken(endpoint)
            await tokenCache.store(token, for: key)
            return token.raw
        }
        return try await tokenCache.deduplicated(key) { try await self.fetchToken(endpoint) }.raw
    }

    private func fetchToken(_ endpoint: Endpoint<Token>) async throws -> SessionJWT {
        let token = try await send(endpoint)
        guard let jwt = SessionJWT(token.jwt) else {
            throw ResponseError(status: 200, reason: "the session token is not a JWT")
        }
        return jwt
    }
}
