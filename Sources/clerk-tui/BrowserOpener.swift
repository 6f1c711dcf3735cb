import Foundation

/// Opens URLs in the user's browser with `xdg-open`, only where that makes sense: a local graphical
/// session, never over SSH (the browser would open on the server, not in front of the user).
struct BrowserOpener: Sendable {
    /// Nil when no browser may be opened: over SSH, or with no display to open it on.
    init?(environment: [String: String]) {
        let hasDisplay = ["DISPLAY", "WAYLAND_DISPLAY"].contains { environment[$0]?.isEmpty == false }
        guard !Self.isRemote(environment), hasDisplay else { return nil }
    }

    /// The person is on another machine (an SSH login, or a session of `clerk-tui ssh`): this machine's browser and
    /// its loopback addresses are out of their reach.
    static func isRemote(_ environment: [String: String]) -> Bool {
        ["SSH_CONNECTION", "SSH_TTY", "CLERK_TUI_REMOTE"].contains { environment[$0]?.isEmpty == false }
    }

    func open(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
