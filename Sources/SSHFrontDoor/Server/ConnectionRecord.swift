import Foundation
import NIOCore

/// What is known about one TCP connection, for its disconnect log line. Touched only on its event loop.
final class ConnectionRecord {
    let info: ConnectionInfo
    let started = ProcessInfo.processInfo.systemUptime
    var user: AuthenticatedUser?
    var term: String?
    var size: WindowSize?
    /// Why the connection ended, most specific reason first come first kept.
    private(set) var outcome: Outcome?

    init(info: ConnectionInfo) {
        self.info = info
    }

    /// Sets the outcome unless one is already recorded.
    func end(_ outcome: Outcome) {
        if self.outcome == nil { self.outcome = outcome }
    }

    var durationMilliseconds: Int {
        Int((ProcessInfo.processInfo.systemUptime - started) * 1000)
    }

    enum Outcome: String {
        case rateLimited = "rate_limited"
        case authenticationTimeout = "auth_timeout"
        case authenticationFailed = "auth_failed"
        case busy
        case noPty = "no_pty"
        case execRefused = "exec_refused"
        case idleTimeout = "idle_timeout"
        case shutdown
        case portalExited = "portal_exited"
        case clientClosed = "client_closed"
        case error
    }
}
