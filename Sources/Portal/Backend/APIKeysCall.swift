import FrontendAPI

/// One call of the API keys pages (the spec's API Keys tag), acting for the session ``BackendCall/apiKeys(sessionID:_:)``
/// names: sent as clerk-js sends them, with the session's token as `Authorization: Bearer` and JSON bodies.
public enum APIKeysCall: Equatable, Sendable {
    /// `GET /api_keys?subject=…`: the valid keys of a user or an organization, newest first.
    case list(subject: String)
    /// `POST /api_keys`: the answer holds the new key's secret, shown once.
    case create(subject: String, name: String, description: String?, secondsUntilExpiration: Int?)
    /// `POST /api_keys/{id}/revoke`
    case revoke(id: String)

    /// Keys per page, as Clerk's API keys table loads them.
    public static let pageSize = 10
}
