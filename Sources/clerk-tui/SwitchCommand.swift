import ArgumentParser
import FrontendAPI

/// `clerk-tui switch`: makes an organization (by id or slug), or the personal account, the active session's active
/// organization, as the OrganizationSwitcher does.
struct SwitchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch", abstract: "Switch the active organization.",
        discussion: """
            Examples:
              clerk-tui switch acme-inc        # by slug
              clerk-tui switch org_2abc…       # by id
              clerk-tui switch personal        # the personal account
            """)

    @OptionGroup var instance: InstanceOptions
    @Argument(help: "The organization's id (org_…) or slug, or `personal` for the personal account.")
    var organization: String

    func run() async throws {
        let message = try await withConnection(instance) { client -> String? in
            let current = try await client.refreshClient()
            guard let session = current?.lastActiveSession, [.active, .pending].contains(session.status) else { return nil }
            let target = try await resolve(organization, client: client, session: session)
            try await client.touchSession(session.id, activeOrganizationID: target?.id ?? "", intent: .selectOrganization)
            return target.map { "Switched to \($0.label)." } ?? "Switched to your personal account."
        }
        guard let message else {
            printError("You are signed out. Sign in with `clerk-tui` first.")
            throw ExitCode.failure
        }
        print(message)
    }

    /// The organization `name` names among the user's memberships, and how to name it; nil for the personal account.
    /// An id the user is not a member of is sent as is, so the server answers with Clerk's error.
    private func resolve(_ name: String, client: FrontendClient, session: Session) async throws
        -> (id: String, label: String)?
    {
        if name == "personal" { return nil }
        var offset = 0
        while true {
            let page = try await client.organizationMemberships(offset: offset, limit: 50, sessionID: session.id)
            if let match = page.data.first(where: { $0.organization.id == name || $0.organization.slug == name }) {
                let organization = match.organization
                return (organization.id, organization.name + (organization.slug.map { " (\($0))" } ?? ""))
            }
            offset += page.data.count
            if page.data.isEmpty || offset >= page.totalCount { break }
        }
        guard name.hasPrefix("org_") else {
            printError("No organization of yours has the id or slug \(name).")
            throw ExitCode.failure
        }
        return (name, name)
    }
}
