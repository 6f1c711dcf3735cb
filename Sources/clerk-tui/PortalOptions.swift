import ArgumentParser
import Foundation
import FrontendAPI
import FrontendServer
import TerminalUI

/// How the portal is shown: full screen or plain line prompts, theme, colour level, mouse.
struct PortalOptions: ParsableArguments {
    @Flag(help: "Ask with plain line prompts instead of the full-screen UI (also chosen by TERM=dumb, ACCESSIBLE=1, or no terminal).")
    var plain = false

    @Option(help: "Theme name (default, dark, high-contrast, shades-of-purple, neobrutalism) or path to a .toml file. Defaults to $CLERK_TUI_THEME.")
    var theme: String?

    @Option(help: "Colour level: mono, 8, 16, 256 or truecolor (default: detected from the terminal; NO_COLOR honoured).")
    var color: String?

    @Flag(help: "Capture the mouse (off by default: it prevents selecting text).")
    var mouse = false

    @Option(name: .customLong("oauth-redirect-url"),
            help: ArgumentHelp("Where social sign-in sends the browser when it is done.",
                               discussion: """
                                   Defaults to $CLERK_TUI_OAUTH_REDIRECT_URL, else, on the embedded instance, its \
                                   "return to your terminal" page. A Clerk instance only accepts URLs on its allowlist \
                                   (Dashboard → Native applications); without one, sign-in offers no social providers.
                                   """))
    var oauthRedirectURL: String?

    /// Where social sign-in sends the browser in the end; nil offers no social sign-in.
    func oauthRedirectURL(for instance: Instance, environment: [String: String]) -> String? {
        if let url = oauthRedirectURL ?? environment["CLERK_TUI_OAUTH_REDIRECT_URL"].nonEmpty { return url }
        // The embedded instance's provider pages are on this machine's loopback, out of reach of a remote user's
        // browser: over SSH they are not offered unless a URL is given.
        guard instance.kind == .local, !BrowserOpener.isRemote(environment) else { return nil }
        return instance.baseURL.absoluteString + LocalServer.oauthDonePath
    }

    /// The terminal options, or a validation error naming the bad theme or colour level.
    func terminalOptions(environment: [String: String]) throws -> TerminalOptions {
        var level: ColorLevel?
        if let color {
            guard let parsed = ColorLevel(name: color) else { throw ValidationError("unknown colour level \"\(color)\"") }
            level = parsed
        }
        let chosenTheme: Theme
        do {
            chosenTheme = try ThemeCatalog(environment: environment).load(option: theme, environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
        return TerminalOptions(theme: chosenTheme, colorLevel: level, mouse: mouse, environment: environment)
    }

    func interfaceMode(environment: [String: String]) -> InterfaceMode {
        InterfaceMode.detect(plainRequested: plain, environment: environment)
    }
}
