import Foundation

/// A domain attached to an organization for automatic invitations/suggestions
/// (`object: "organization_domain"`).
public struct OrganizationDomain: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var organizationID: String
    /// The domain name, e.g. `example.com`.
    public var name: String
    /// `manual_invitation`, `automatic_invitation` or `automatic_suggestion`.
    public var enrollmentMode: String
    public var affiliationEmailAddress: String?
    public var verification: DomainVerification?
    public var totalPendingInvitations: Int
    public var totalPendingSuggestions: Int
    public var publicOrganizationData: PublicOrganizationData?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, organizationID: String, name: String, enrollmentMode: String,
        affiliationEmailAddress: String? = nil, verification: DomainVerification? = nil,
        totalPendingInvitations: Int = 0, totalPendingSuggestions: Int = 0,
        publicOrganizationData: PublicOrganizationData? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.enrollmentMode = enrollmentMode
        self.affiliationEmailAddress = affiliationEmailAddress
        self.verification = verification
        self.totalPendingInvitations = totalPendingInvitations
        self.totalPendingSuggestions = totalPendingSuggestions
        self.publicOrganizationData = publicOrganizationData
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, verification
        case organizationID = "organization_id"
        case enrollmentMode = "enrollment_mode"
        case affiliationEmailAddress = "affiliation_email_address"
        case totalPendingInvitations = "total_pending_invitations"
        case totalPendingSuggestions = "total_pending_suggestions"
        case publicOrganizationData = "public_organization_data"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        organizationID = try container.decode(String.self, forKey: .organizationID)
        name = try container.decode(String.self, forKey: .name)
        enrollmentMode = try container.decode(String.self, forKey: .enrollmentMode)
        affiliationEmailAddress = try container.decodeIfPresent(String.self, forKey: .affiliationEmailAddress)
        verification = try container.decodeIfPresent(DomainVerification.self, forKey: .verification)
        totalPendingInvitations = try container.decode(.totalPendingInvitations, default: 0)
        totalPendingSuggestions = try container.decode(.totalPendingSuggestions, default: 0)
        publicOrganizationData = try container.decodeIfPresent(
            PublicOrganizationData.self, forKey: .publicOrganizationData)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("organization_domain", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(organizationID, forKey: .organizationID)
        try container.encode(name, forKey: .name)
        try container.encode(enrollmentMode, forKey: .enrollmentMode)
        try container.encode(affiliationEmailAddress, forKey: .affiliationEmailAddress)
        try container.encode(verification, forKey: .verification)
        try container.encode(totalPendingInvitations, forKey: .totalPendingInvitations)
        try container.encode(totalPendingSuggestions, forKey: .totalPendingSuggestions)
        try container.encode(publicOrganizationData, forKey: .publicOrganizationData)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }

    /// Affiliation-email verification of the domain: `{status, strategy, attempts, expire_at}`.
    public struct DomainVerification: Codable, Sendable, Equatable {
        public var status: VerificationStatus
        public var strategy: Strategy
        public var attempts: Int?
        public var expireAt: Date?

        public init(status: VerificationStatus, strategy: Strategy, attempts: Int? = nil, expireAt: Date? = nil) {
            self.status = status
            self.strategy = strategy
            self.attempts = attempts
            self.expireAt = expireAt
        }

        enum CodingKeys: String, CodingKey {
            case status, strategy, attempts
            case expireAt = "expire_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(strategy, forKey: .strategy)
            try container.encode(attempts, forKey: .attempts)
            try container.encode(expireAt, forKey: .expireAt)
        }
    }
}
