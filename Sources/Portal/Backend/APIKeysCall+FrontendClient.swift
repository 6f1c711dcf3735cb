import FrontendAPI

extension APIKeysCall {
    /// Performs the call with `client` for `sessionID`: the call's one mapping to a client method.
    func perform(with client: FrontendClient, sessionID: String) async throws -> BackendResult {
        switch self {
        case .list(let subject):
            .apiKeys(try await client.apiKeys(subject: subject, limit: Self.pageSize, sessionID: sessionID))
        case .create(let subject, let name, let description, let seconds):
            .apiKey(try await client.createAPIKey(
                subject: subject, name: name, description: description, secondsUntilExpiration: seconds,
                sessionID: sessionID))
        case .revoke(let id):
            .apiKey(try await client.revokeAPIKey(id, sessionID: sessionID))
        }
    }
}
