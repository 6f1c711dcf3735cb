extension FrontendClient {
    /// `DELETE /v1/client/sessions`: signs every session of this device out.
    @discardableResult
    public func signOutAll() async throws -> Client? {
        try await send(Endpoint<Client?>(.delete, "/v1/client/sessions", envelope: .client))
    }

    /// `GET /v1/client/sessions/{id}`.
    public func session(_ id: String) async throws -> Session {
        try await send(Endpoint(.get, "/v1/client/sessions/\(segment(id))"))
    }

    /// Why a session is touched (`intent` of `touch`).
    public enum TouchIntent: String, Sendable {
        case focus
        case selectSession = "select_session"
        case selectOrganization = "select_org"
    }

    /// `POST /v1/client/sessions/{id}/touch`: makes the session the active one and sets its active
    /// organization (`""`: the personal account). Drops the session's cached tokens, as clerk-ios does.
    @discardableResult
    public func touchSession(
        _ id: String, activeOrganizationID: String?, intent: TouchIntent = .selectOrganization
    ) async throws -> Session {
        let session: Session = try await send(Endpoint(.post, "/v1/client/sessions/\(segment(id))/touch", body: [
            "active_organization_id": activeOrganizationID.map(FormValue.string), "intent": .string(intent.rawValue),
        ]))
        await tokenCache.removeTokens(sessionID: id)
        return session
    }

    /// `POST /v1/client/sessions/{id}/end`: ends the session (status `ended`).
    @discardableResult
    public func endSession(_ id: String) async throws -> Session {
        try await send(Endpoint(.post, "/v1/client/sessions/\(segment(id))/end"))
    }

    /// `POST /v1/client/sessions/{id}/remove`: signs the session out (status `removed`).
    @discardableResult
    public func removeSession(_ id: String) async throws -> Session {
        try await send(Endpoint(.post, "/v1/client/sessions/\(segment(id))/remove"))
    }

    /// `POST /v1/client/sessions/{id}/verify`: starts reverification at `level`
    /// (`first_factor`, `second_factor`, `multi_factor`).
    public func startReverification(sessionID: String, level: String) async throws -> SessionVerification {
        try await send(Endpoint(.post, "/v1/client/sessions/\(segment(sessionID))/verify", body: ["level": .string(level)]))
    }

    /// `POST /v1/client/sessions/{id}/verify/prepare_first_factor`.
    public func prepareReverificationFirstFactor(sessionID: String, _ parameters: PrepareFactorParameters) async throws -> SessionVerification {
        try await reverification(sessionID, "prepare_first_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sessions/{id}/verify/attempt_first_factor`.
    public func attemptReverificationFirstFactor(sessionID: String, _ parameters: AttemptFactorParameters) async throws -> SessionVerification {
        try await reverification(sessionID, "attempt_first_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sessions/{id}/verify/prepare_second_factor`.
    public func prepareReverificationSecondFactor(sessionID: String, _ parameters: PrepareFactorParameters) async throws -> SessionVerification {
        try await reverification(sessionID, "prepare_second_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sessions/{id}/verify/attempt_second_factor`.
    public func attemptReverificationSecondFactor(sessionID: String, _ parameters: AttemptFactorParameters) async throws -> SessionVerification {
        try await reverification(sessionID, "attempt_second_factor", FormEncoder().encode(parameters))
    }

    private func reverification(_ sessionID: String, _ action: String, _ body: FormFields) async throws -> SessionVerification {
        try await send(Endpoint(.post, "/v1/client/sessions/\(segment(sessionID))/verify/\(action)", body: body))
    }
}

extension Endpoint where Output == Token {
    /// `POST /v1/client/sessions/{id}/tokens[/{template}]` (bare `{object:"token", jwt}`).
    /// The default token always sends `organization_id` (empty for the personal account), as clerk-ios does.
    static func sessionToken(sessionID: String, organizationID: String?, template: String?) -> Self {
        var path = "/v1/client/sessions/\(segment(sessionID))/tokens"
        var body = FormFields()
        if let template {
            path += "/\(segment(template))"
            if let organizationID { body["organization_id"] = .string(organizationID) }
        } else {
            body["organization_id"] = .string(organizationID ?? "")
        }
        return Self(.post, path, body: body, envelope: .bare, isIdempotent: true)
    }
}

extension FrontendClient {
    /// `GET /v1/me/sessions/active`: the user's signed-in sessions on every device, with activity.
    public func activeSessions(sessionID: String? = nil) async throws -> [Session] {
        try await send(Endpoint(.get, "/v1/me/sessions/active", envelope: .bareOrWrapped, sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/sessions`: all of the user's sessions.
    public func userSessions(sessionID: String? = nil) async throws -> [Session] {
        try await send(Endpoint(.get, "/v1/me/sessions", envelope: .bareOrWrapped, sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/sessions/{id}/revoke`: signs another device's session out.
    @discardableResult
    public func revokeSession(_ id: String, sessionID: String? = nil) async throws -> Session {
        try await send(Endpoint(.post, "/v1/me/sessions/\(segment(id))/revoke", sessionScope: .me(sessionID)))
    }
}
