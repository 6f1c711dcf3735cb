/// Connected accounts (OAuth / enterprise SSO) of the signed-in user.
extension FrontendClient {
    /// `POST /v1/me/external_accounts`: starts connecting `strategy` (e.g. `oauth_google`); open the
    /// verification's `external_verification_redirect_url` to finish.
    public func createExternalAccount(
        strategy: Strategy, redirectURL: String? = nil, actionCompleteRedirectURL: String? = nil,
        additionalScopes: [String]? = nil, enterpriseConnectionID: String? = nil, sessionID: String? = nil
    ) async throws -> ExternalAccount {
        try await send(Endpoint(.post, "/v1/me/external_accounts", body: [
            "strategy": .string(strategy.rawValue), "redirect_url": redirectURL.map(FormValue.string),
            "action_complete_redirect_url": actionCompleteRedirectURL.map(FormValue.string),
            "additional_scope": additionalScopes.map(FormValue.strings),
            "enterprise_connection_id": enterpriseConnectionID.map(FormValue.string),
        ], sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/me/external_accounts/{id}/reauthorize`.
    public func reauthorizeExternalAccount(
        _ id: String, redirectURL: String, additionalScopes: [String]? = nil,
        actionCompleteRedirectURL: String? = nil, sessionID: String? = nil
    ) async throws -> ExternalAccount {
        try await send(Endpoint(.patch, "/v1/me/external_accounts/\(segment(id))/reauthorize", body: [
            "redirect_url": .string(redirectURL), "additional_scope": additionalScopes.map(FormValue.strings),
            "action_complete_redirect_url": actionCompleteRedirectURL.map(FormValue.string),
        ], sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/external_accounts/{id}`: disconnects the account.
    @discardableResult
    public func deleteExternalAccount(_ id: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me/external_accounts/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/external_accounts/{id}/tokens`: revokes the provider tokens.
    public func revokeExternalAccountTokens(_ id: String, sessionID: String? = nil) async throws -> User {
        try await send(Endpoint(.delete, "/v1/me/external_accounts/\(segment(id))/tokens", sessionScope: .me(sessionID)))
    }
}
