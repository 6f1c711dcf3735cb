import ArgumentParser
import FrontendAPI

/// `clerk-tui token`: prints a fresh session JWT of the active session and nothing else, so that
/// `curl -H "Authorization: Bearer $(clerk-tui token)"` works.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Print a session token (JWT) for the active session.",
        discussion: """
            Examples:
              curl -H "Authorization: Bearer $(clerk-tui token)" https://api.example.com/me
              clerk-tui token --organization org_2abc…
              clerk-tui token --template supabase
            """)

    @OptionGroup var instance: InstanceOptions
    @Option(help: "Name of a JWT template to use instead of the default session token.")
    var template: String?
    @Option(help: "Organization ID (org_…) the token is for; defaults to the session's active organization.")
    var organization: String?

    func run() async throws {
        let jwt = try await withConnection(instance) { client -> String? in
            try await client.refreshClient()
            return try await client.getToken(organizationID: organization, template: template)
        }
        guard let jwt else {
            printError("You are signed out. Sign in with `clerk-tui` first.")
            throw ExitCode.failure
        }
        print(jwt)
    }
}
