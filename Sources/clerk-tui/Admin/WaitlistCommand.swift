import ArgumentParser
import FrontendServer

/// `clerk-tui admin waitlist`: who is waiting to get in, and letting them in.
struct WaitlistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waitlist", abstract: "List the waitlist, or invite someone on it.",
        subcommands: [List.self, Invite.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the waitlist in the order people joined.",
            discussion: """
                Examples:
                  clerk-tui admin waitlist list
                  clerk-tui admin waitlist list --json
                """)
        @OptionGroup var options: AdminOptions
        @Flag(help: "Print JSON lines instead of a table.") var json = false

        func run() async throws {
            let entries = try await options.withAdministration { try await $0.waitlist() }
            if json { return try AdminOutput.jsonLines(entries) }
            if entries.isEmpty { return print("The waitlist is empty.") }
            AdminOutput.table(entries.map { [$0.id, $0.emailAddress, $0.status, AdminOutput.date($0.createdAt)] })
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Invite someone on the waitlist: an invitation whose link, sent to the outbox, signs them up.",
            discussion: """
                The invitee runs clerk-tui --ticket '<link>' (or pastes the link on the sign-in or sign-up card).

                Example:
                  clerk-tui admin waitlist invite jane@example.com
                """)
        @OptionGroup var options: AdminOptions
        @Argument(help: "The entry's id (wle_…) or its email address.") var entry: String

        func run() async throws {
            let invited = try await options.withAdministration { try await $0.inviteFromWaitlist(entry) }
            print("Invited \(invited.emailAddress) from the waitlist.")
            if let url = invited.invitation?.url { print("Link: \(url)") }
        }
    }
}
