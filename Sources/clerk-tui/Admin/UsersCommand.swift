import ArgumentParser
import FrontendServer

/// `clerk-tui admin users`: list users; lock, unlock, ban one; mark a password compromised.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "List users, lock, unlock or ban one, or mark a password compromised.",
        subcommands: [List.self, Lock.self, Unlock.self, Ban.self, MarkCompromised.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the users, oldest first.",
            discussion: """
                Examples:
                  clerk-tui admin users list
                  clerk-tui admin users list --json
                """)

        @OptionGroup var options: AdminOptions
        @Flag(help: "Print JSON lines instead of a table.") var json = false

        func run() async throws {
            let users = try await options.withAdministration { try await $0.users() }
            if json { return try AdminOutput.jsonLines(users) }
            if users.isEmpty { return print("There are no users yet.") }
            AdminOutput.table(users.map { user in
                [user.id, user.identifier, user.status.rawValue, user.passwordCompromised ? "password compromised" : "",
                 AdminOutput.date(user.createdAt)]
            })
        }
    }

    /// What every user action takes: who.
    struct Target: ParsableArguments {
        @OptionGroup var options: AdminOptions
        @Argument(help: "The user: their id (user_…), an email address, a phone number or a username.")
        var user: String
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lock",
            abstract: "Lock a user until unlocked: every sign-in answers user_locked and their sessions get no tokens.",
            discussion: "Example:\n  clerk-tui admin users lock jane@example.com")
        @OptionGroup var target: Target

        func run() async throws {
            let user = try await target.options.withAdministration { try await $0.lock(target.user) }
            print("Locked \(user.identifier) (\(user.id)).")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock",
            abstract: "Lift a lock, the operator's or one that failed attempts set.",
            discussion: "Example:\n  clerk-tui admin users unlock jane@example.com")
        @OptionGroup var target: Target

        func run() async throws {
            let user = try await target.options.withAdministration { try await $0.unlock(target.user) }
            print("Unlocked \(user.identifier) (\(user.id)).")
        }
    }

    struct Ban: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ban",
            abstract: "Ban a user: their sessions end now and every sign-in answers user_banned.",
            discussion: "Example:\n  clerk-tui admin users ban user_2abc…")
        @OptionGroup var target: Target

        func run() async throws {
            let user = try await target.options.withAdministration { try await $0.ban(target.user) }
            print("Banned \(user.identifier) (\(user.id)); their sessions have ended.")
        }
    }

    struct MarkCompromised: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark-compromised",
            abstract: "Mark a user's password compromised: they must sign in another way and reset it.",
            discussion: """
                Signing in with the password answers form_password_compromised; every session of the user is pending \
                with the reset-password task until they choose a new password.

                Example:
                  clerk-tui admin users mark-compromised jane@example.com
                """)
        @OptionGroup var target: Target

        func run() async throws {
            let user = try await target.options.withAdministration { try await $0.markPasswordCompromised(target.user) }
            print("Marked the password of \(user.identifier) (\(user.id)) compromised.")
        }
    }
}
