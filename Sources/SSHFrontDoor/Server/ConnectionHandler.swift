import NIOCore

/// Sits in front of the SSH handler of one TCP connection: logs connect and disconnect, and closes
/// connections that have not authenticated in time.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Any

    private let record: ConnectionRecord
    private let server: FrontDoorContext
    private var authenticationTimer: Scheduled<Void>?

    init(record: ConnectionRecord, server: FrontDoorContext) {
        self.record = record
        self.server = server
    }

    func channelActive(context: ChannelHandlerContext) {
        server.configuration.log.record("connect", [
            "ip": .string(record.info.remoteIP), "port": .int(record.info.remotePort),
        ])
        let seconds = Int64(server.configuration.authenticationTimeout)
        authenticationTimer = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(seconds)) {
            guard self.record.user == nil else { return }
            self.record.end(.authenticationTimeout)
            context.close(promise: nil)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        authenticationTimer?.cancel()
        record.end(record.user == nil ? .authenticationFailed : .clientClosed)
        var fields: [String: LogValue] = [
            "ip": .string(record.info.remoteIP), "port": .int(record.info.remotePort),
            "duration_ms": .int(record.durationMilliseconds), "outcome": .string(record.outcome?.rawValue ?? "unknown"),
        ]
        if let user = record.user {
            fields["user"] = .string(String(user.username.prefix(64)))
            if let fingerprint = user.keyFingerprint { fields["key"] = .string(fingerprint) }
        }
        if let term = record.term { fields["term"] = .string(String(term.prefix(64))) }
        if let size = record.size { fields["size"] = .string("\(size.columns)x\(size.rows)") }
        server.configuration.log.record("disconnect", fields)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Protocol errors (a port scanner, a client that gave up) end the connection quietly.
        record.end(record.user == nil ? .authenticationFailed : .error)
        context.close(promise: nil)
    }
}
