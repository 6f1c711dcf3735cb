import Foundation

/// Everything `clerk-tui ssh` decides before it listens.
public struct FrontDoorConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var hostKey: HostKeyFile
    /// Concurrent portal sessions; more are told the server is busy.
    public var maxSessions: Int
    /// Seconds without input before a session is closed; nil: never.
    public var idleTimeout: Int?
    /// Seconds a connection may take to authenticate.
    public var authenticationTimeout: Int
    /// New connections per minute from one IP (also the burst).
    public var connectionsPerMinute: Int
    /// Only these keys may connect; nil: anyone.
    public var authorizedKeys: AuthorizedKeys?
    /// The program run on each session's pty.
    public var child: ChildCommand
    public var sessionState: SessionStateStore
    /// Seconds sessions get to end on shutdown before their children are killed.
    public var shutdownGrace: Int
    /// Called with each discarded session's state directory before it is removed (signs its client out).
    public var sessionDiscarded: @Sendable (URL) async -> Void
    public var log: ConnectionLog

    public init(
        host: String, port: Int, hostKey: HostKeyFile, maxSessions: Int, idleTimeout: Int?,
        authenticationTimeout: Int = 30, connectionsPerMinute: Int = 60, authorizedKeys: AuthorizedKeys?,
        child: ChildCommand, sessionState: SessionStateStore, shutdownGrace: Int = 5,
        sessionDiscarded: @escaping @Sendable (URL) async -> Void = { _ in }, log: ConnectionLog = ConnectionLog()
    ) {
        self.host = host
        self.port = port
        self.hostKey = hostKey
        self.maxSessions = maxSessions
        self.idleTimeout = idleTimeout
        self.authenticationTimeout = authenticationTimeout
        self.connectionsPerMinute = connectionsPerMinute
        self.authorizedKeys = authorizedKeys
        self.child = child
        self.sessionState = sessionState
        self.shutdownGrace = shutdownGrace
        self.sessionDiscarded = sessionDiscarded
        self.log = log
    }
}

/// The program each session runs: an absolute path, its arguments, and the environment it starts from
/// (the session adds TERM, LANG, the remote markers and its state directory).
public struct ChildCommand: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]

    public init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}
