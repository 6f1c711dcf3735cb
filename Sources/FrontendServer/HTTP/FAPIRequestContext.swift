import Hummingbird
import NIOCore

/// Request context of the local FAPI: Hummingbird's core storage plus the peer address for per-IP limits.
public struct FAPIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's socket address, formatted only when a route asks for its IP (most never do).
    public let remoteAddress: SocketAddress?

    /// The client's IP address as seen on the socket.
    public var remoteIP: String { Self.ip(of: remoteAddress) }

    /// How a peer's address is written in limits and logs.
    static func ip(of address: SocketAddress?) -> String { address?.ipAddress ?? "unknown" }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
