/// What a session is told before it is closed. Each is one line; the escape prefix leaves the alternate
/// screen and shows the cursor so the line is readable after a full-screen child.
enum SessionMessage {
    static let restoreTerminal = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m"

    static let needsTerminal =
        "clerk-tui needs an interactive terminal. Connect with ssh -t, without a command."
    static let commandsRefused =
        "This server only runs the Clerk account portal and does not run commands. Connect without a command."
    static let subsystemRefused = "This server does not offer subsystems such as sftp."
    static let busy = "The server is busy. Try again in a few minutes."
    static let shuttingDown = "The server is shutting down. Please reconnect in a moment."
    static let cannotStart = "The account portal could not be started. Try again later."

    static func idle(seconds: Int) -> String {
        "Session closed after \(seconds) seconds without input."
    }
}
