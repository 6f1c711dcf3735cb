import Foundation

/// An invitation to join an organization (`object: "organization_invitation"`). In the user's own list
/// (`/v1/me/organization_invitations`) it carries `publicOrganizationData`.
public struct OrganizationInvitation: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var emailAddress: String
    public var role: String
    public var roleName: String
    public var organizationID: String?
    public var publicOrganizationData: PublicOrganizationData?
    public var status: OrganizationInvitationStatus?
    public var publicMetadata: JSONObject
    public var url: String?
    public var expiresAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, emailAddress: String, role: String, roleName: String, organizationID: String? = nil,
        publicOrganizationData: PublicOrganizationData? = nil, status: OrganizationInvitationStatus? = nil,
        publicMetadata: JSONObject = [:], url: String? = nil, expiresAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.emailAddress = emailAddress
        self.role = role
        self.roleName = roleName
        self.organizationID = organizationID
        self.publicOrganizationData = publicOrganizationData
        self.status = status
        self.publicMetadata = publicMetadata
        self.url = url
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, role, status, url
        case emailAddress = "email_address"
        case roleName = "role_name"
        case organizationID = "organization_id"
        case publicOrganizationData = "public_organization_data"
        case publicMetadata = "public_metadata"
        case expiresAt = "expires_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        emailAddress = try container.decode(String.self, forKey: .emailAddress)
        role = try container.decode(String.self, forKey: .role)
        roleName = try container.decode(.roleName, default: role)
        organizationID = try container.decodeIfPresent(String.self, forKey: .organizationID)
        publicOrganizationData = try container.decodeIfPresent(
            PublicOrganizationData.self, forKey: .publicOrganizationData)
        status = try container.decodeIfPresent(OrganizationInvitationStatus.self, forKey: .status)
        publicMetadata = try container.decode(.publicMetadata, default: [:])
        url = try container.decodeIfPresent(String.self, forKey: .url)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("organization_invitation", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(emailAddress, forKey: .emailAddress)
        try container.encode(role, forKey: .role)
        try container.encode(roleName, forKey: .roleName)
        try container.encodeIfPresent(organizationID, forKey: .organizationID)
        try container.encodeIfPresent(publicOrganizationData, forKey: .publicOrganizationData)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encode(publicMetadata, forKey: .publicMetadata)
        try container.encode(url, forKey: .url)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
