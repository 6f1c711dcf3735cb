/// Organization feature configuration (`organization_settings`).
public struct OrganizationSettings: Codable, Sendable, Equatable {
    public var enabled: Bool
    /// `0` means unlimited.
    public var maxAllowedMemberships: Int
    /// Whether admins may delete their organization.
    public var adminDeleteEnabled: Bool
    public var domains: Domains
    public var slugDisabled: Bool
    /// Role key given to an organization's creator, e.g. `org:admin`.
    public var creatorRole: String
    /// Whether signed-in users must pick an organization (session task `choose-organization`). Not in the spec.
    public var forceOrganizationSelection: Bool?

    /// Organizations switched off.
    public static let disabled = OrganizationSettings(enabled: false)

    public init(
        enabled: Bool, maxAllowedMemberships: Int = 5, adminDeleteEnabled: Bool = true, domains: Domains = Domains(),
        slugDisabled: Bool = false, creatorRole: String = "org:admin", forceOrganizationSelection: Bool? = nil
    ) {
        self.enabled = enabled
        self.maxAllowedMemberships = maxAllowedMemberships
        self.adminDeleteEnabled = adminDeleteEnabled
        self.domains = domains
        self.slugDisabled = slugDisabled
        self.creatorRole = creatorRole
        self.forceOrganizationSelection = forceOrganizationSelection
    }

    enum CodingKeys: String, CodingKey {
        case enabled, actions, domains, slug
        case maxAllowedMemberships = "max_allowed_memberships"
        case creatorRole = "creator_role"
        case forceOrganizationSelection = "force_organization_selection"
    }

    enum ActionsKeys: String, CodingKey { case adminDelete = "admin_delete" }
    enum SlugKeys: String, CodingKey { case disabled }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = OrganizationSettings.disabled
        enabled = try c.decode(.enabled, default: false)
        maxAllowedMemberships = try c.decode(.maxAllowedMemberships, default: fallback.maxAllowedMemberships)
        if c.contains(.actions), try !c.decodeNil(forKey: .actions) {
            let actions = try c.nestedContainer(keyedBy: ActionsKeys.self, forKey: .actions)
            adminDeleteEnabled = try actions.decode(.adminDelete, default: fallback.adminDeleteEnabled)
        } else {
            adminDeleteEnabled = fallback.adminDeleteEnabled
        }
        domains = try c.decode(.domains, default: Domains())
        if c.contains(.slug), try !c.decodeNil(forKey: .slug) {
            slugDisabled = try c.nestedContainer(keyedBy: SlugKeys.self, forKey: .slug).decode(.disabled, default: false)
        } else {
            slugDisabled = false
        }
        creatorRole = try c.decode(.creatorRole, default: fallback.creatorRole)
        forceOrganizationSelection = try c.decodeIfPresent(Bool.self, forKey: .forceOrganizationSelection)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(maxAllowedMemberships, forKey: .maxAllowedMemberships)
        var actions = c.nestedContainer(keyedBy: ActionsKeys.self, forKey: .actions)
        try actions.encode(adminDeleteEnabled, forKey: .adminDelete)
        try c.encode(domains, forKey: .domains)
        var slug = c.nestedContainer(keyedBy: SlugKeys.self, forKey: .slug)
        try slug.encode(slugDisabled, forKey: .disabled)
        try c.encode(creatorRole, forKey: .creatorRole)
        try c.encodeIfPresent(forceOrganizationSelection, forKey: .forceOrganizationSelection)
    }

    /// Verified-domain enrollment (`domains`).
    public struct Domains: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// `manual_invitation`, `automatic_invitation`, `automatic_suggestion`.
        public var enrollmentModes: [String]
        public var defaultRole: String

        public init(enabled: Bool = false, enrollmentModes: [String] = [], defaultRole: String = "org:member") {
            self.enabled = enabled
            self.enrollmentModes = enrollmentModes
            self.defaultRole = defaultRole
        }

        enum CodingKeys: String, CodingKey {
            case enabled
            case enrollmentModes = "enrollment_modes"
            case defaultRole = "default_role"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try c.decode(.enabled, default: false)
            enrollmentModes = try c.decode(.enrollmentModes, default: [])
            defaultRole = try c.decode(.defaultRole, default: "org:member")
        }
    }
}
