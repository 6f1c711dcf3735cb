import Foundation

/// The waitlist, and API keys as clerk-js's `APIKeys` module calls them: at `/api_keys` (no `/v1`), with JSON bodies
/// and the session's token as `Authorization: Bearer` instead of the client token.
extension FrontendClient {
    /// `POST /v1/waitlist`: joins the waitlist (the entry already there when the address is on it).
    public func joinWaitlist(emailAddress: String) async throws -> WaitlistEntry {
        try await send(Endpoint(.post, "/v1/waitlist", body: ["email_address": .string(emailAddress)], envelope: .bare))
    }

    /// `GET /api_keys`: a page of `subject`'s keys, newest first; revoked and expired ones only with `includeInvalid`.
    public func apiKeys(
        subject: String, query: String? = nil, limit: Int = 10, offset: Int = 0, includeInvalid: Bool = false,
        sessionID: String? = nil
    ) async throws -> PaginatedList<APIKey> {
        var parameters: [(name: String, value: String)] = [
            ("subject", subject), ("limit", String(limit)), ("offset", String(offset)),
            ("include_invalid", includeInvalid ? "true" : "false"),
        ]
        if let query { parameters.append(("query", query)) }
        return try await send(try await apiKeysEndpoint(.get, "/api_keys", query: parameters, sessionID: sessionID))
    }

    /// `POST /api_keys`: a new key for `subject`; the answer holds its secret, shown nowhere else.
    public func createAPIKey(
        subject: String, name: String, description: String? = nil, secondsUntilExpiration: Int? = nil,
        sessionID: String? = nil
    ) async throws -> APIKey {
        var body: [String: JSONValue] = ["type": .string("api_key"), "name": .string(name), "subject": .string(subject)]
        if let description { body["description"] = .string(description) }
        if let secondsUntilExpiration { body["seconds_until_expiration"] = .int(Int64(secondsUntilExpiration)) }
        return try await send(try await apiKeysEndpoint(.post, "/api_keys", json: .object(body), sessionID: sessionID))
    }

    /// `POST /api_keys/{id}/revoke`.
    public func revokeAPIKey(_ id: String, reason: String? = nil, sessionID: String? = nil) async throws -> APIKey {
        let body: JSONValue = .object(reason.map { ["revocation_reason": .string($0)] } ?? [:])
        return try await send(try await apiKeysEndpoint(.post, "/api_keys/\(segment(id))/revoke", json: body, sessionID: sessionID))
    }

    private func apiKeysEndpoint<Output>(
        _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], json: JSONValue? = nil,
        sessionID: String?
    ) async throws -> Endpoint<Output> {
        guard let token = try await getToken(sessionID: sessionID) else {
            throw ResponseError(status: 401, reason: "no valid session token for the API keys call")
        }
        var endpoint = Endpoint<Output>(method, path, query: query, envelope: .bare)
        endpoint.bearer = token
        if let json { endpoint.rawBody = (try FAPIJSON.encode(json), "application/json") }
        return endpoint
    }
}
