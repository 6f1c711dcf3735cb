import Foundation

/// Limits and policy for ``CurlTransport``.
public struct TransportOptions: Sendable, Equatable {
    /// Time allowed to open a connection (DNS, TCP and TLS).
    public var connectTimeout: Duration
    /// Time allowed for a whole request, connection included.
    public var totalTimeout: Duration
    /// Allows plain `http` to hosts other than loopback (`--insecure-http`).
    public var allowsInsecureHTTP: Bool
    /// Sent as `User-Agent`.
    public var userAgent: String

    public init(
        connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(30),
        allowsInsecureHTTP: Bool = false, userAgent: String = "clerk-tui"
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.allowsInsecureHTTP = allowsInsecureHTTP
        self.userAgent = userAgent
    }

    /// Checks `url` against the transport policy: `https` anywhere, `http` only for loopback hosts unless
    /// ``allowsInsecureHTTP``.
    public func validate(_ url: URL) throws(TransportError) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw TransportError(.invalidURL, "The URL \(url.absoluteString) has no scheme or host.")
        }
        switch scheme {
        case "https":
            return
        case "http" where allowsInsecureHTTP || Self.isLoopback(host):
            return
        case "http":
            throw TransportError(.insecureURL, "Refusing plain http to \(host); use https or --insecure-http.")
        default:
            throw TransportError(.invalidURL, "Unsupported URL scheme \(scheme).")
        }
    }

    /// Whether `host` names this machine: `localhost`, `127.0.0.0/8` or `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
