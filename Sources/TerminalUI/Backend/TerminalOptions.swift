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
    /// The mkstemp(3) template (ending in `XXXXXX`) of the unlinked file that holds stderr while the UI
    /// owns the screen; name it after the application so a leftover one says whose it is.
    public var standardErrorTemplate: String

    /// The template used when the application names none.
    public static let defaultStandardErrorTemplate = "/tmp/terminalui-stderr-XXXXXX"

    public init(theme: Theme, colorLevel: ColorLevel? = nil, mouse: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                standardErrorTemplate: String = TerminalOptions.defaultStandardErrorTemplate) {
        self.theme = theme
        self.colorLevel = colorLevel
        self.mouse = mouse
        self.environment = environment
        self.standardErrorTemplate = standardErrorTemplate
    }
}
