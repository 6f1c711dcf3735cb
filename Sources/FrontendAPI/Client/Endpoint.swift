import Foundation

/// One Frontend API operation: how to build the request and how to read its response.
public struct Endpoint<Output: Sendable>: Sendable {
    /// How the response body is wrapped. Clerk's FAPI wraps resources as `{response, client}` (spec: e.g.
    /// `createSignIn`, `getUser`) except a few bare bodies (`getEnvironment`, `createSessionToken`).
    enum Envelope: Sendable {
        /// `{response: Output, client}`; a non-null `client` is applied.
        case wrapped
        /// `{response: Client|null, client}` of the `/v1/client` calls; `response` is the new client.
        case client
        /// The body is `Output` itself (`/environment`, `/tokens`, `/me/sessions/active`, well-known).
        case bare
        /// Bare per the spec, but accepted wrapped too (list endpoints whose real shape varies).
        case bareOrWrapped
    }

    var method: HTTPMethod
    /// Path below the origin, starting with `/v1/`, `/.well-known/` or `/api_keys`.
    var path: String
    var query: [(name: String, value: String)] = []
    var body: FormFields?
    /// A non-form body and its content type (multipart uploads); replaces ``body``.
    var rawBody: (data: Data, contentType: String)?
    var envelope: Envelope
    /// Adds `_clerk_session_id` (`/v1/me*`, `/v1/organizations*`): the given session, else the active one.
    var sessionScope: SessionScope = .none
    /// Whether a retry may repeat the call after an ambiguous failure.
    var isIdempotent: Bool
    /// A session token sent as `Authorization: Bearer` in place of the client token, as clerk-js sends its API keys
    /// calls (then without `_is_native`, as clerk-js does).
    var bearer: String?

    enum SessionScope: Sendable, Equatable {
        case none
        case active
        case session(String)

        /// The given session, else the active one.
        static func me(_ sessionID: String?) -> Self {
            sessionID.map(SessionScope.session) ?? .active
        }
    }

    init(
        _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: FormFields? = nil,
        envelope: Envelope = .wrapped, sessionScope: SessionScope = .none, isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.envelope = envelope
        self.sessionScope = sessionScope
        self.isIdempotent = isIdempotent ?? method.isIdempotent
    }
}

extension Endpoint {
    /// Sends `image` as the multipart field `file`, as the profile-image and organization-logo uploads take it.
    mutating func attachImage(_ image: Data, contentType: String, fileName: String) {
        let boundary = "clerk-tui-" + UUID().uuidString
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n".utf8)
        body += Data("Content-Type: \(contentType)\r\n\r\n".utf8) + image + Data("\r\n--\(boundary)--\r\n".utf8)
        rawBody = (body, "multipart/form-data; boundary=\(boundary)")
    }
}

/// Escapes one path segment (an id or template name) so it cannot change the path.
func segment(_ value: String) -> String {
    FormURLEncoding.escape(value).replacingOccurrences(of: "/", with: "%2F").replacingOccurrences(of: "?", with: "%3F")
}
