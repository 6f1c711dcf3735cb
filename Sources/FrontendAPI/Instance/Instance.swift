import Foundation

/// The Frontend API a client talks to, and the key its local state is filed under.
public struct Instance: Sendable, Equatable {
    /// Where the instance lives.
    public enum Kind: Sendable, Equatable {
        case development
        case production
        /// The embedded local server.
        case local
    }

    /// The FAPI origin, without the `/v1` prefix.
    public let baseURL: URL
    public let kind: Kind
    /// Names the per-instance state directory: the FAPI host (with a non-default port appended) for
    /// remote instances, `local` for the embedded one.
    public let stateKey: String

    /// The instance a publishable key points to.
    public init(publishableKey: PublishableKey) {
        baseURL = publishableKey.frontendAPIURL
        kind = publishableKey.isProduction ? .production : .development
        stateKey = publishableKey.frontendAPIHost.lowercased()
    }

    /// An instance given by its Frontend API URL (`https://clerk.example.com`; a bare host means https).
    public init(frontendAPI value: String) throws(InstanceError) {
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = value.contains("://") ? value : "https://\(value)"
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil
        else { throw .invalidFrontendAPIURL(value) }
        // Accept a trailing /v1 as written in dashboards; the client adds it itself.
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/v1") { path.removeLast(3) }
        components.path = path
        guard let url = components.url else { throw .invalidFrontendAPIURL(value) }
        baseURL = url
        kind = host.hasPrefix("clerk.") && !host.hasSuffix(".accounts.dev") ? .production : .development
        stateKey = components.port.map { "\(host.lowercased())_\($0)" } ?? host.lowercased()
    }

    /// Where the embedded instance's state is filed, whatever port its server has.
    public static let localStateKey = "local"

    /// The embedded local server at `baseURL`.
    public static func local(baseURL: URL) -> Instance {
        Instance(baseURL: baseURL, kind: .local, stateKey: localStateKey)
    }

    private init(baseURL: URL, kind: Kind, stateKey: String) {
        self.baseURL = baseURL
        self.kind = kind
        self.stateKey = stateKey
    }
}
