import ArgumentParser
import FrontendAPI
import FrontendServer

/// `--oauth-redirect-url`, shared by the portal and `clerk-tui ssh` (one option group type, so a value given
/// after `ssh` reaches the SSH command rather than the root command).
struct OAuthRedirectOptions: ParsableArguments {
    @Option(name: .customLong("oauth-redirect-url"),
            help: ArgumentHelp("Where social sign-in sends the browser when it is done.",
                               discussion: """
                                   Defaults to $CLERK_TUI_OAUTH_REDIRECT_URL, else, on the embedded instance and not \
                                   over SSH, its "return to your terminal" page. A Clerk instance only accepts URLs on \
                                   its allowlist (Dashboard → Native applications); without one, sign-in offers no \
                                   social providers. Over SSH the portal never opens a browser: it shows the link and \
                                   a QR code, and waits for the sign-in to finish.
                                   """))
    var oauthRedirectURL: String?

    /// The URL given on the command line or in the environment, if any.
    func explicitURL(environment: [String: String]) -> String? {
        oauthRedirectURL ?? environment["CLERK_TUI_OAUTH_REDIRECT_URL"].nonEmpty
    }

    /// Where social sign-in sends the browser in the end; nil offers no social sign-in.
    func url(for instance: Instance, environment: [String: String]) -> String? {
        if let url = explicitURL(environment: environment) { return url }
        // The embedded instance's provider pages are on this machine's loopback, out of reach of a remote user's
        // browser: over SSH they are not offered unless a URL is given.
        guard instance.kind == .local, !BrowserOpener.isRemote(environment) else { return nil }
        return instance.baseURL.absoluteString + LocalServer.oauthDonePath
    }
}
