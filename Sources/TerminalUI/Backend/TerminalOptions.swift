import Foundation

/// How to open the terminal and colour the UI.
public struct TerminalOptions: Sendable {
    public var theme: Theme
    /// Forces a colour level (e.g. from `--color`); nil detects it from terminfo and `NO_COLOR`.
    public var colorLevel: ColorLevel?
    /// Mouse capture, off by default because it takes text selection away from the user.
    public var mouse: Bool
    /// The session environment (`TERM`, `NO_COLOR`); over SSH this is the client's, not the server's.
    public var environment: [String: String]

    public init(theme: Theme, colorLevel: ColorLevel? = nil, mouse: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.theme = theme
        self.colorLevel = colorLevel
        self.mouse = mouse
        self.environment = environment
    }
}
