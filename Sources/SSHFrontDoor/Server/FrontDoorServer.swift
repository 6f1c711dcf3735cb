import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// The SSH server of `clerk-tui ssh`: accepts connections, authenticates them, and gives each session
/// channel a ``SessionHandler``. Port and agent forwarding, X11 and subsystems are refused.
public final class FrontDoorServer: Sendable {
    private let context: FrontDoorContext
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel

    /// The bound port (useful with port 0).
    public var port: Int { channel.localAddress?.port ?? 0 }

    private init(context: FrontDoorContext, group: MultiThreadedEventLoopGroup, channel: Channel) {
        self.context = context
        self.group = group
        self.channel = channel
    }

    /// Binds and starts accepting.
    public static func start(_ configuration: FrontDoorConfiguration) async throws -> FrontDoorServer {
        let context = FrontDoorContext(configuration: configuration)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            // Half-open connections (a client that vanished without a FIN) are reaped by TCP keepalive:
            // probes after 60 s of silence, every 15 s, four unanswered ones close the connection.
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .childChannelOption(Self.tcpOption(TCP_KEEPIDLE), value: 60)
            .childChannelOption(Self.tcpOption(TCP_KEEPINTVL), value: 15)
            .childChannelOption(Self.tcpOption(TCP_KEEPCNT), value: 4)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.initializeConnection(channel, context: context)
                }
            }
        do {
            let channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
            return FrontDoorServer(context: context, group: group, channel: channel)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func tcpOption(_ name: Int32) -> ChannelOptions.Types.SocketOption {
        ChannelOptions.Types.SocketOption(level: .tcp, name: NIOBSDSocket.Option(rawValue: name))
    }

    private static func initializeConnection(_ channel: Channel, context: FrontDoorContext) throws {
        let remote = channel.remoteAddress
        let local = channel.localAddress
        let info = ConnectionInfo(remoteIP: remote?.ipAddress ?? "unknown", remotePort: remote?.port ?? 0,
                                  localIP: local?.ipAddress ?? "unknown", localPort: local?.port ?? 0)
        let record = ConnectionRecord(info: info)
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(ConnectionHandler(record: record, server: context))
        guard context.rateLimiter.allow(info.remoteIP) else {
            record.end(.rateLimited)
            // Lines before the version string are allowed (RFC 4253 §4.2); most clients show them.
            var buffer = channel.allocator.buffer(capacity: 80)
            buffer.writeString("Too many connections from your address. Try again in a minute.\r\n")
            channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        let configuration = context.configuration
        let authentication = FrontDoorAuthDelegate(allowlist: configuration.authorizedKeys, onSuccess: { user in
            record.user = user
        }, onFailure: { username, method in
            configuration.log.record("auth_failure", [
                "ip": .string(info.remoteIP), "port": .int(info.remotePort), "user": .string(String(username.prefix(64))),
                "method": .string(method),
            ])
        })
        var server = SSHServerConfiguration(
            hostKeys: [configuration.hostKey.privateKey], userAuthDelegate: authentication,
            globalRequestDelegate: RefuseForwarding())
        // No banner: swift-nio-ssh sends one only with the authentication's success, too late to tell a visitor
        // without a key what to do at the password prompt (the README does).
        server.maxAuthAttempts = 10
        try pipeline.addHandler(NIOSSHHandler(
            role: .server(server), allocator: channel.allocator,
            inboundChildChannelInitializer: { child, type in
                guard case .session = type else {
                    return child.eventLoop.makeFailedFuture(FrontDoorError.channelTypeRefused)
                }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(SessionHandler(server: context, record: record))
                }
            }))
    }

    /// Live sessions.
    public var sessionCount: Int { context.sessions.count }

    /// Tells every session the server is shutting down, closes them, waits up to the grace period for their
    /// children to go, kills what is left, and stops listening.
    public func shutDown() async {
        try? await channel.close()
        context.sessions.shutDownAll()
        let deadline = ContinuousClock.now + .seconds(context.configuration.shutdownGrace + 1)
        while ChildReaper.shared.pending > 0 || context.sessions.count > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        try? await group.shutdownGracefully()
    }

    /// Waits until the listening socket closes.
    public func waitUntilClosed() async {
        try? await channel.closeFuture.get()
    }
}

/// Refuses `tcpip-forward` (remote port forwarding); swift-nio-ssh's default refuses too, this makes it explicit.
struct RefuseForwarding: GlobalRequestDelegate {
    func tcpForwardingRequest(
        _: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        promise.fail(FrontDoorError.forwardingRefused)
    }
}

enum FrontDoorError: Error {
    case channelTypeRefused
    case forwardingRefused
}
