import ArgumentParser
import FrontendAPI

/// `clerk-tui sign-out`: signs the active session out, or every session with `--all`.
struct SignOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-out", abstract: "Sign out of the active session.",
        discussion: """
            Examples:
              clerk-tui sign-out
              clerk-tui sign-out --all --frontend-api http://127.0.0.1:4000
            """)

    @OptionGroup var instance: InstanceOptions
    @Flag(help: "Sign out of every session on this device.") var all = false

    func run() async throws {
        let message = try await withConnection(instance) { client -> String in
            let current = try await client.refreshClient()
            let signedIn = (current?.sessions ?? []).filter { $0.status == .active || $0.status == .pending }
            guard let active = current?.lastActiveSession, signedIn.contains(where: { $0.id == active.id }) else {
                return "You are already signed out."
            }
            if all || signedIn.count == 1 {
                // clerk-js signs out with DELETE /v1/client/sessions when it is the only session.
                try await client.signOutAll()
                return signedIn.count == 1 ? "Signed out." : "Signed out of \(signedIn.count) sessions."
            }
            try await client.removeSession(active.id)
            return "Signed out."
        }
        print(message)
    }
}
