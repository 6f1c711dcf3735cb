import ArgumentParser

/// The `clerk-tui` command: Clerk's account portal in the terminal, and the tools around it.
@main
struct ClerkTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clerk-tui",
        abstract: "Clerk's account portal in the terminal.",
        discussion: """
            With no subcommand, opens the portal. With no instance configured it runs against the \
            embedded local Frontend API, which needs no Clerk account and no network.
            """,
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, OutboxCommand.self, TokenCommand.self, StatusCommand.self, SignOutCommand.self,
            UIGalleryCommand.self, SSHCommand.self,
        ]
    )
}
