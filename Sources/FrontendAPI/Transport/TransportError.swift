/// A failure to get any HTTP response: the request may or may not have reached the server.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarsely, for retry decisions and messages.
    public enum Kind: Sendable, Equatable {
        /// The URL is malformed or uses a scheme the transport refuses.
        case invalidURL
        /// Plain `http` to a host that is not loopback, without explicit permission.
        case insecureURL
        /// No connection could be opened (DNS failure, refused, unreachable). Nothing was sent.
        case cannotConnect
        /// The connection failed after the request may have been sent (reset, closed, empty reply).
        case connectionLost
        /// The connect or total timeout elapsed.
        case timedOut
        /// TLS handshake or certificate verification failed.
        case tls
        /// Anything else libcurl reports.
        case other
    }

    public var kind: Kind
    /// libcurl's explanation (never includes request data).
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
