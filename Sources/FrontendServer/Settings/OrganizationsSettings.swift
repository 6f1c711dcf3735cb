import Foundation

/// Organizations as configured on the Clerk Dashboard's Organizations pages: whether they exist, membership limits,
/// the creator and default roles, roles and their permissions, slugs, verified domains and forced selection.
public struct OrganizationsSettings: Sendable, Equatable {
    public var enabled = false
    /// Members per organization, pending invitations included; 0 is unlimited.
    public var maxAllowedMemberships = 5
    /// The role an organization's creator gets.
    public var creatorRole = OrganizationRoleDefinition.adminKey
    /// The role invitations are pre-filled with and verified-domain enrollment assigns.
    public var defaultRole = OrganizationRoleDefinition.memberKey
    /// Whether admins (`org:sys_profile:delete`) may delete their organization through the Frontend API.
    public var adminDeleteEnabled = true
    /// Hides slugs in Clerk's components; organizations still get one, derived from the name.
    public var slugDisabled = false
    /// Signed-in users must pick an organization: a session without one is `pending` with the
    /// `choose-organization` task, and there is no personal account to switch to.
    public var forceOrganizationSelection = false
    /// `user_settings.actions.create_organization`: users may create organizations.
    public var createOrganization = true
    /// Organizations one user may create; 0 is unlimited.
    public var createOrganizationsLimit = 0
    public var domains = OrganizationDomainsSettings()
    /// Where invitation links lead, with `__clerk_ticket` and `__clerk_status` added (Clerk: the redirect URL given when
    /// inviting, else the Account Portal's sign-in or sign-up page). Nil: this server's development page
    /// `/v1/dev_invitation`, which tells the invitee to continue in clerk-tui.
    public var invitationRedirectURL: String? = nil
    /// Clerk's two default roles, plus any configured; a configured role with a default's key replaces it.
    public var roles: [OrganizationRoleDefinition] = OrganizationRoleDefinition.defaults
    /// Custom permissions (`org:<feature>:<permission>`) that roles may grant besides the system ones.
    public var customPermissions: [OrganizationPermissionDefinition] = []

    public init() {}

    /// `user_settings.actions.create_organization` and the user's `create_organization_enabled`.
    public var userMayCreate: Bool { enabled && createOrganization }

    /// The role with `key`, if configured.
    public func role(_ key: String) -> OrganizationRoleDefinition? { roles.first { $0.key == key } }
}

/// Verified domains: whether organizations may add them, and which enrollment modes they may choose.
public struct OrganizationDomainsSettings: Sendable, Equatable {
    public var enabled = false
    public var enrollmentModes: [OrganizationEnrollmentMode] = []
    public init() {}
}

/// How users whose verified email matches an organization's verified domain may join it.
public enum OrganizationEnrollmentMode: String, Sendable, Codable, CaseIterable {
    /// No automatic enrollment: members are only invited by hand.
    case manualInvitation = "manual_invitation"
    /// Matching users get a pending invitation with the default role.
    case automaticInvitation = "automatic_invitation"
    /// Matching users get a suggestion to request to join, which an admin approves.
    case automaticSuggestion = "automatic_suggestion"
}

/// One organization role: its key (`org:admin`), display name, description and the permission keys it grants.
public struct OrganizationRoleDefinition: Sendable, Equatable {
    public var key: String
    public var name: String
    public var description: String
    public var permissions: [String]

    public init(key: String, name: String, description: String = "", permissions: [String]) {
        self.key = key
        self.name = name
        self.description = description
        self.permissions = permissions
    }

    public static let adminKey = "org:admin"
    public static let memberKey = "org:member"

    /// Clerk's default roles: Admin holds every system permission; Member reads members and billing.
    public static let defaults = [
        OrganizationRoleDefinition(key: adminKey, name: "Admin", description: "Role with elevated permissions",
                                   permissions: OrganizationPermissionCatalog.system.map(\.key)),
        OrganizationRoleDefinition(key: memberKey, name: "Member", description: "Role with limited permissions",
                                   permissions: [OrganizationPermissionCatalog.membershipsRead, OrganizationPermissionCatalog.billingRead]),
    ]
}

/// A permission a role may grant: a system one (`org:sys_*`) or a custom one (`org:<feature>:<permission>`).
public struct OrganizationPermissionDefinition: Sendable, Equatable {
    public var key: String
    public var name: String
    public var description: String

    public init(key: String, name: String, description: String = "") {
        self.key = key
        self.name = name
        self.description = description
    }

    /// The feature of a custom permission key (`invoices` of `org:invoices:create`).
    public var feature: String { String(key.split(separator: ":").dropFirst().first ?? "") }
    /// The permission name of a key (`create` of `org:invoices:create`).
    public var action: String { String(key.split(separator: ":").last ?? "") }
}

/// Clerk's system permissions, which power the Frontend API's own checks.
public enum OrganizationPermissionCatalog {
    public static let profileManage = "org:sys_profile:manage"
    public static let profileDelete = "org:sys_profile:delete"
    public static let membershipsRead = "org:sys_memberships:read"
    public static let membershipsManage = "org:sys_memberships:manage"
    public static let domainsRead = "org:sys_domains:read"
    public static let domainsManage = "org:sys_domains:manage"
    public static let billingRead = "org:sys_billing:read"
    public static let billingManage = "org:sys_billing:manage"
    public static let apiKeysRead = "org:sys_api_keys:read"
    public static let apiKeysManage = "org:sys_api_keys:manage"

    public static let system = [
        OrganizationPermissionDefinition(key: profileManage, name: "Manage organization", description: "Permission to manage an organization."),
        OrganizationPermissionDefinition(key: profileDelete, name: "Delete organization", description: "Permission to delete an organization."),
        OrganizationPermissionDefinition(key: membershipsRead, name: "Read members", description: "Permission to read the members of an organization."),
        OrganizationPermissionDefinition(key: membershipsManage, name: "Manage members", description: "Permission to manage the members of an organization."),
        OrganizationPermissionDefinition(key: domainsRead, name: "Read domains", description: "Permission to read the domains of an organization."),
        OrganizationPermissionDefinition(key: domainsManage, name: "Manage domains", description: "Permission to manage the domains of an organization."),
        OrganizationPermissionDefinition(key: billingRead, name: "Read billing", description: "Permission to read the billing of an organization."),
        OrganizationPermissionDefinition(key: billingManage, name: "Manage billing", description: "Permission to manage the billing of an organization."),
        OrganizationPermissionDefinition(key: apiKeysRead, name: "Read API keys", description: "Permission to read the API keys of an organization."),
        OrganizationPermissionDefinition(key: apiKeysManage, name: "Manage API keys", description: "Permission to manage the API keys of an organization."),
    ]

    /// What the creator role must grant, and what at least one member of every organization must keep
    /// (Clerk's "Creator role" rules): manage and read members, delete the organization.
    public static let minimumRequired: Set<String> = [membershipsManage, membershipsRead, profileDelete]

    public static func isSystem(_ key: String) -> Bool { key.hasPrefix("org:sys_") }
}

extension OrganizationsSettings {
    /// Every permission a role may grant: the system ones, then the custom ones.
    public var allPermissions: [OrganizationPermissionDefinition] { OrganizationPermissionCatalog.system + customPermissions }

    /// Rejects roles, permissions and role references that Clerk's Dashboard would not accept.
    func validate() throws {
        func fail(_ message: String) -> SettingsFile.Invalid { SettingsFile.Invalid(description: "organizations: " + message) }
        guard maxAllowedMemberships >= 0 else { throw fail("max_allowed_memberships must be 0 (unlimited) or more") }
        guard createOrganizationsLimit >= 0 else { throw fail("create_organizations_limit must be 0 (unlimited) or more") }
        guard enabled || !forceOrganizationSelection else {
            throw fail("force_organization_selection cannot be enabled when organizations are disabled")
        }
        for permission in customPermissions {
            let parts = permission.key.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "org", !parts[1].hasPrefix("sys_"), parts.dropFirst().allSatisfy(Self.isKeyPart) else {
                throw fail("permission \(permission.key) must look like org:<feature>:<permission>")
            }
        }
        let known = Set(allPermissions.map(\.key))
        guard known.count == allPermissions.count else { throw fail("permission keys must be unique") }
        guard Set(roles.map(\.key)).count == roles.count else { throw fail("role keys must be unique") }
        for role in roles {
            guard role.key.hasPrefix("org:"), Self.isKeyPart(role.key.dropFirst(4)) else { throw fail("role \(role.key) must look like org:<name>") }
            if let unknown = role.permissions.first(where: { !known.contains($0) }) {
                throw fail("role \(role.key) grants unknown permission \(unknown)")
            }
        }
        guard let creator = role(creatorRole) else { throw fail("creator_role \(creatorRole) is not a role") }
        guard OrganizationPermissionCatalog.minimumRequired.isSubset(of: creator.permissions) else {
            throw fail("creator_role must grant \(OrganizationPermissionCatalog.minimumRequired.sorted().joined(separator: ", "))")
        }
        guard role(defaultRole) != nil else { throw fail("default_role \(defaultRole) is not a role") }
        if let url = invitationRedirectURL {
            guard let parsed = URLComponents(string: url), parsed.scheme != nil, parsed.fragment == nil else {
                throw fail("invitation_redirect_url must be an absolute URL without a fragment")
            }
        }
    }

    private static func isKeyPart(_ part: Substring) -> Bool {
        !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}
