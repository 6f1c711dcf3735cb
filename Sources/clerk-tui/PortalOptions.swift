import ArgumentParser
import Foundation
import TerminalUI

/// How the portal is shown: full screen or plain line prompts, theme, colour level, mouse.
struct PortalOptions: ParsableArguments {
    /// Names the theme when `--theme` does not.
    static let themeVariable = "CLERK_TUI_THEME"
    /// User themes live in `$XDG_DATA_HOME/clerk-tui/themes` (default `~/.local/share/clerk-tui/themes`).
    static let themeApplication = "clerk-tui"
    /// Where stderr goes while the full-screen UI owns the terminal (replayed when it ends).
    static let standardErrorTemplate = "/tmp/clerk-tui-stderr-XXXXXX"

    @Flag(help: "Ask with plain line prompts instead of the full-screen UI (also chosen by TERM=dumb, ACCESSIBLE=1, or no terminal).")
    var plain = false

    @Option(help: "Theme name (default, dark, high-contrast, shades-of-purple, neobrutalism) or path to a .toml file. Defaults to $CLERK_TUI_THEME.")
    var theme: String?

    @Option(help: "Colour level: mono, 8, 16, 256 or truecolor (default: detected from the terminal; NO_COLOR honoured).")
    var color: String?

    @Flag(help: "Capture the mouse (off by default: it prevents selecting text).")
    var mouse = false

    /// The terminal options, or a validation error naming the bad theme or colour level.
    func terminalOptions(environment: [String: String]) throws -> TerminalOptions {
        var level: ColorLevel?
        if let color {
            guard let parsed = ColorLevel(name: color) else { throw ValidationError("unknown colour level \"\(color)\"") }
            level = parsed
        }
        let chosenTheme: Theme
        do {
            chosenTheme = try ThemeCatalog(application: Self.themeApplication, environment: environment)
                .load(option: theme, variable: Self.themeVariable, environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
        return TerminalOptions(theme: chosenTheme, colorLevel: level, mouse: mouse, environment: environment,
                               standardErrorTemplate: Self.standardErrorTemplate)
    }

    func interfaceMode(environment: [String: String]) -> InterfaceMode {
        InterfaceMode.detect(plainRequested: plain, environment: environment)
    }
}
