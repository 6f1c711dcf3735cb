import ArgumentParser
import Foundation
import FrontendAPI
import Portal
import Screens
import TerminalUI

/// The `clerk-tui` command: Clerk's account portal in the terminal, and the tools around it.
@main
struct ClerkTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clerk-tui",
        abstract: "Clerk's account portal in the terminal.",
        discussion: """
            With no subcommand, opens the portal. With no instance configured it runs against the \
            embedded local Frontend API, which needs no Clerk account and no network.

            Examples:
              clerk-tui                                   # the portal on the embedded instance
              clerk-tui --publishable-key pk_test_…       # against a Clerk instance
              clerk-tui --frontend-api http://127.0.0.1:4000 --plain
              clerk-tui --ticket 'https://…?__clerk_ticket=…'   # accept an invitation
              clerk-tui --generate-completion-script bash > /etc/bash_completion.d/clerk-tui
            """,
        version: "\(version) (commit \(BuildInfo.commit))",
        subcommands: [
            ServeCommand.self, OutboxCommand.self, TokenCommand.self, StatusCommand.self, SwitchCommand.self,
            SignOutCommand.self, AdminCommand.self, SSHCommand.self, RotateSigningKeyCommand.self, UIGalleryCommand.self,
        ]
    )

    /// The release this source is; `--version` adds the commit it was built from.
    static let version = "0.5.0"

    @OptionGroup var instance: InstanceOptions
    @OptionGroup var display: PortalOptions
    @OptionGroup var oauth: OAuthRedirectOptions
    @OptionGroup var passkeys: AuthenticatorOptions
    @Option(help: "Accept an invitation, to the application or to an organization: its ticket, or the whole link.")
    var ticket: String?

    /// Opens the portal: full screen on a capable terminal, plain prompts otherwise.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // The cached view decodes on another core while the theme loads and the instance connects.
        let stateDirectory = instance.stateDirectory(environment: environment)
        let cachedView = Task.detached(priority: .userInitiated) {
            stateDirectory.flatMap { FileViewCache(directory: $0).load() }
        }
        let terminal = try display.terminalOptions(environment: environment)
        let authenticator = try passkeys.make(environment: environment)
        let connection = try await instance.connect()
        connection.client.startTokenRefresh()
        let backend = Backend.frontend(connection.client) { await AuthenticatorOptions.perform($0, with: authenticator) }
        let openURL = BrowserOpener(environment: environment).map { opener in { @Sendable url in opener.open(url) } }
        let cached = connection.client.cachedView(await cachedView.value)
        do {
            try await runPortal(
                backend: backend, openURL: openURL,
                oauthRedirectURL: oauth.url(for: connection.client.instance, environment: environment),
                terminal: terminal, environment: environment, cached: cached)
            await connection.close()
        } catch {
            await connection.close()
            throw error
        }
    }

    /// `--ticket`: a ticket as given, or the one an invitation link carries.
    private var invitationTicket: String? {
        ticket.map { SignInMachine.ticket(inLink: $0) ?? $0 }
    }

    private func runPortal(
        backend: Backend, openURL: (@Sendable (String) -> Void)?, oauthRedirectURL: String?,
        terminal: TerminalOptions, environment: [String: String], cached: CachedView?
    ) async throws {
        // Served by `clerk-tui ssh`, paths would name the server's disk: no file reads or writes then.
        let localFiles = environment["CLERK_TUI_REMOTE"]?.isEmpty != false
        let keepSignedIn = environment["CLERK_TUI_KEEP_SIGNED_IN_FILE"].flatMap { path in
            path.isEmpty ? nil : KeepSignedIn(path: path, isOn: FileManager.default.fileExists(atPath: path))
        }
        if display.interfaceMode(environment: environment) == .fullScreen {
            do {
                let portal = PortalScreen(
                    backend: backend, oauthRedirectURL: oauthRedirectURL, openURL: openURL, localFiles: localFiles,
                    keepSignedIn: keepSignedIn, ticket: invitationTicket,
                    passkeyAccess: passkeys.access(environment: environment), cached: cached)
                _ = try await Program.run(ScreenStack(root: portal), options: terminal)
                return
            } catch TerminalError.noTerminfo(let tried) {
                printError("clerk-tui: no terminal description for \(tried.joined(separator: ", ")); using plain prompts")
            } catch TerminalError.terminated(let signal) {
                throw ExitCode(128 + signal)
            }
        }
        var plain = PlainPortal(
            backend: backend, prompter: PlainPrompter(), oauthRedirectURL: oauthRedirectURL, openURL: openURL,
            localFiles: localFiles, keepSignedIn: keepSignedIn, ticket: invitationTicket,
            passkeyAccess: passkeys.access(environment: environment))
        do {
            try await plain.run()
        } catch {
            // Input ended (Ctrl-D, closed pipe): leave quietly, as a shell prompt does.
        }
    }
}
