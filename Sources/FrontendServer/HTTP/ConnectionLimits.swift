import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Counts open connections in total and per client address, and admits a new one only under both caps.
/// Refusals are logged as security events, at most one line per address every `logInterval`.
final class ConnectionLimits: Sendable {
    private struct State {
        var total = 0
        var perAddress: [String: Int] = [:]
        var refusalsToLog: [String: (count: Int, lastLogged: ContinuousClock.Instant?)] = [:]
    }

    let total: Int
    let perAddress: Int
    private let logger: Logger
    private let state = Mutex(State())
    static let logInterval: Duration = .seconds(10)

    init(_ settings: ConnectionSettings, descriptorLimit: Int = ConnectionLimits.descriptorLimit(), logger: Logger) {
        (total, perAddress) = settings.effectiveCaps(descriptorLimit: descriptorLimit)
        self.logger = logger
    }

    /// The soft `RLIMIT_NOFILE` of this process.
    static func descriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        return Int(clamping: min(limit.rlim_cur, rlim_t(Int32.max)))  // RLIM_INFINITY is the largest value
    }

    /// Takes a slot for `address`; false when either cap is reached (the caller refuses the connection). Loopback
    /// peers (127.0.0.1, ::1) count toward the total only: they are this host's own clients (the SSH front door's
    /// sessions, an embedding portal, a reverse proxy), which one per-address share would shut out of each other.
    func admit(_ address: String) -> Bool {
        let (admitted, logCount) = state.withLock { state -> (Bool, Int?) in
            let mine = state.perAddress[address, default: 0]
            guard state.total < total, mine < perAddress || Self.isLoopback(address) else {
                return (false, Self.noteRefusal(address, in: &state))
            }
            state.total += 1
            state.perAddress[address] = mine + 1
            return (true, nil)
        }
        if let logCount {
            logger.notice("security event", metadata: [
                "event": "connection_refused", "ip": "\(address)", "refused": "\(logCount)",
                "limit_total": "\(total)", "limit_per_address": "\(perAddress)",
            ])
        }
        return admitted
    }

    /// The host's own loopback address. Other 127/8 addresses keep their share: they are how the suites stand in for
    /// distinct remote clients.
    static func isLoopback(_ address: String) -> Bool {
        ["127.0.0.1", "::1", "::ffff:127.0.0.1"].contains(address)
    }

    func release(_ address: String) {
        state.withLock { state in
            state.total -= 1
            let left = state.perAddress[address, default: 1] - 1
            state.perAddress[address] = left > 0 ? left : nil
        }
    }

    /// Counts a refusal; returns how many to report when a line is due for this address.
    private static func noteRefusal(_ address: String, in state: inout State) -> Int? {
        let now = ContinuousClock.now
        var entry = state.refusalsToLog[address] ?? (0, nil)
        entry.count += 1
        guard entry.lastLogged.map({ now - $0 >= logInterval }) ?? true else {
            state.refusalsToLog[address] = entry
            return nil
        }
        state.refusalsToLog[address] = (0, now)
        if state.refusalsToLog.count > 10_000 { state.refusalsToLog = state.refusalsToLog.filter { now - ($0.value.lastLogged ?? now) < logInterval } }
        return entry.count
    }
}

/// First handler after HTTP decoding on every connection: takes a slot from `ConnectionLimits` and gives it back
/// when the connection closes; without a slot it answers `503 Service Unavailable` with `Connection: close` and
/// `Retry-After`, and closes.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private var refused = false

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let address = FAPIRequestContext.ip(of: context.channel.remoteAddress)
        guard limits.admit(address) else {
            refused = true
            var head = HTTPResponse(status: .serviceUnavailable)
            head.headerFields[.connection] = "close"
            head.headerFields[.retryAfter] = "1"
            head.headerFields[.contentLength] = "0"
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        let limits = self.limits
        context.channel.closeFuture.whenComplete { _ in limits.release(address) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A refused connection's request (if it sent one) is not served.
        guard !refused else { return }
        context.fireChannelRead(data)
    }
}
