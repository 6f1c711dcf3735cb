import ArgumentParser
import FrontendServer

/// `clerk-tui admin invitations`: invite people to the application (how a restricted instance lets them in).
struct InvitationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitations", abstract: "Invite someone to the application, list or revoke invitations.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Invite an email address: its link, sent to the outbox, signs the invitee up.",
            discussion: """
                The invitee runs clerk-tui --ticket '<link>' (or pastes the link on the sign-in or sign-up card); \
                the address needs no code. The invitation lasts 30 days and works once.

                Example:
                  clerk-tui admin invitations create jane@example.com
                """)
        @OptionGroup var options: AdminOptions
        @Argument(help: "The email address to invite.") var email: String

        func run() async throws {
            let invitation = try await options.withAdministration { try await $0.createInvitation(email: email) }
            print("Invited \(invitation.emailAddress) (\(invitation.id)).")
            if let url = invitation.url { print("Link: \(url)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the invitations, newest first, with the link of pending ones.",
            discussion: """
                Examples:
                  clerk-tui admin invitations list
                  clerk-tui admin invitations list --json
                """)
        @OptionGroup var options: AdminOptions
        @Flag(help: "Print JSON lines instead of a table.") var json = false

        func run() async throws {
            let invitations = try await options.withAdministration { try await $0.invitations() }
            if json { return try AdminOutput.jsonLines(invitations) }
            if invitations.isEmpty { return print("There are no invitations.") }
            AdminOutput.table(invitations.map { [$0.id, $0.emailAddress, $0.status, AdminOutput.date($0.createdAt), $0.url ?? ""] })
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a pending invitation: its link stops working at once.",
            discussion: "Example:\n  clerk-tui admin invitations revoke jane@example.com")
        @OptionGroup var options: AdminOptions
        @Argument(help: "The invitation's id (inv_…) or its email address.") var invitation: String

        func run() async throws {
            let revoked = try await options.withAdministration { try await $0.revokeInvitation(invitation) }
            print("Revoked the invitation of \(revoked.emailAddress) (\(revoked.id)).")
        }
    }
}
