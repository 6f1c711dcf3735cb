import Hummingbird
import NIOCore

/// Request context of the local FAPI: Hummingbird's core storage plus the peer address for per-IP limits.
public struct FAPIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address as seen on the socket.
    public let remoteIP: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
