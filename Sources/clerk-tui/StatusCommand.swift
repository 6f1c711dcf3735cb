import ArgumentParser
import Foundation
import FrontendAPI

/// `clerk-tui status`: the instance, who is signed in, the active session and organization.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the instance and who is signed in.",
        discussion: """
            Examples:
              clerk-tui status
              clerk-tui status --json | jq .active_organization_id
            """)

    @OptionGroup var instance: InstanceOptions
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        let report = try await withConnection(instance) { client in
            StatusReport(instance: client.instance, client: try await client.refreshClient())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}

/// What `status` shows; never includes tokens.
struct StatusReport: Encodable {
    struct SessionSummary: Encodable {
        var id: String
        var status: String
        var userID: String?
        var identifier: String?
        var name: String?
        var activeOrganizationID: String?
        /// The active organization as the user's membership names it: name, slug and role.
        var activeOrganization: OrganizationSummary?
        var isActive: Bool
        /// The plans and features of the session token (`pla`, `fea`); nil without Clerk Billing.
        var billing: BillingSummary?

        enum CodingKeys: String, CodingKey {
            case id, status, identifier, name
            case userID = "user_id"
            case activeOrganizationID = "active_organization_id"
            case activeOrganization = "active_organization"
            case isActive = "is_active"
            case billing
        }

        /// Writes every key, `null` included, so scripts can rely on the shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(status, forKey: .status)
            try container.encode(userID, forKey: .userID)
            try container.encode(identifier, forKey: .identifier)
            try container.encode(name, forKey: .name)
            try container.encode(activeOrganizationID, forKey: .activeOrganizationID)
            try container.encode(activeOrganization, forKey: .activeOrganization)
            try container.encode(isActive, forKey: .isActive)
            try container.encode(billing, forKey: .billing)
        }
    }

    /// Clerk Billing as the session token has it: the user's plan and features, and the active organization's.
    struct BillingSummary: Encodable {
        struct Payer: Encodable {
            var plan: String?
            var features: [String]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(plan, forKey: .plan)
                try container.encode(features, forKey: .features)
            }

            enum CodingKeys: String, CodingKey { case plan, features }
        }

        var user: Payer
        var organization: Payer?

        /// The `u:` and `o:` entries of `pla` and `fea`; nil when the token has no plan.
        init?(_ token: SessionJWT) {
            guard !token.plans.isEmpty else { return nil }
            func payer(_ prefix: String) -> Payer {
                Payer(plan: SessionJWT.billingEntries(token.plans, prefix: prefix).first,
                      features: SessionJWT.billingEntries(token.features, prefix: prefix))
            }
            user = payer("u:")
            let organization = payer("o:")
            self.organization = organization.plan == nil ? nil : organization
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(user, forKey: .user)
            try container.encode(organization, forKey: .organization)
        }

        enum CodingKeys: String, CodingKey { case user, organization }

        /// `, plan pro` and `, organization plan team`.
        var text: String {
            (user.plan.map { ", plan \($0)" } ?? "") + (organization?.plan.map { ", organization plan \($0)" } ?? "")
        }
    }

    struct OrganizationSummary: Encodable {
        var id: String
        var name: String
        var slug: String?
        var role: String

        init(_ membership: OrganizationMembership) {
            id = membership.organization.id
            name = membership.organization.name
            slug = membership.organization.slug
            role = membership.role
        }

        /// `Acme Inc (acme-inc) as org:admin`.
        var text: String { name + (slug.map { " (\($0))" } ?? "") + " as \(role)" }
    }

    var frontendAPI: String
    var instanceType: String
    var signedIn: Bool
    var activeSessionID: String?
    var activeOrganizationID: String?
    /// How this client last signed in (`password`, `passkey`, `oauth_google`, …).
    var lastAuthenticationStrategy: String?
    var sessions: [SessionSummary]

    enum CodingKeys: String, CodingKey {
        case sessions
        case frontendAPI = "frontend_api"
        case instanceType = "instance_type"
        case signedIn = "signed_in"
        case activeSessionID = "active_session_id"
        case activeOrganizationID = "active_organization_id"
        case lastAuthenticationStrategy = "last_authentication_strategy"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(frontendAPI, forKey: .frontendAPI)
        try container.encode(instanceType, forKey: .instanceType)
        try container.encode(signedIn, forKey: .signedIn)
        try container.encode(activeSessionID, forKey: .activeSessionID)
        try container.encode(activeOrganizationID, forKey: .activeOrganizationID)
        try container.encode(lastAuthenticationStrategy, forKey: .lastAuthenticationStrategy)
        try container.encode(sessions, forKey: .sessions)
    }

    init(instance: Instance, client: Client?) {
        frontendAPI = instance.baseURL.absoluteString
        instanceType = switch instance.kind {
        case .development: "development"
        case .production: "production"
        case .local: "local"
        }
        let signedIn = (client?.sessions ?? []).filter { $0.status == .active || $0.status == .pending }
        let active = client?.lastActiveSession.flatMap { session in signedIn.contains { $0.id == session.id } ? session : nil }
        self.signedIn = active != nil
        activeSessionID = active?.id
        activeOrganizationID = active?.lastActiveOrganizationID
        lastAuthenticationStrategy = client?.lastAuthenticationStrategy
        sessions = signedIn.map { session in
            let name = [session.user?.firstName, session.user?.lastName].compactMap { $0 }.joined(separator: " ")
            return SessionSummary(
                id: session.id, status: session.status.rawValue, userID: session.user?.id,
                identifier: session.publicUserData?.identifier, name: name.isEmpty ? nil : name,
                activeOrganizationID: session.lastActiveOrganizationID,
                activeOrganization: session.user?.organizationMemberships?
                    .first { $0.organization.id == session.lastActiveOrganizationID }.map(OrganizationSummary.init),
                isActive: session.id == active?.id,
                billing: session.lastActiveToken.flatMap { SessionJWT($0.jwt) }.flatMap(BillingSummary.init))
        }
    }

    var text: String {
        var lines = ["Instance: \(frontendAPI) (\(instanceType))"]
        guard !sessions.isEmpty else {
            lines.append("Signed out")
            return lines.joined(separator: "\n")
        }
        for session in sessions {
            let who = [session.identifier, session.name.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            let marker = session.isActive ? "*" : " "
            let organization =
                session.activeOrganization.map { ", organization \($0.text)" }
                ?? session.activeOrganizationID.map { ", organization \($0)" } ?? ", personal account"
            let plans = session.billing?.text ?? ""
            lines.append("\(marker) \(who.isEmpty ? session.userID ?? "unknown user" : who) — \(session.id)\(organization)\(plans)")
        }
        return lines.joined(separator: "\n")
    }
}
