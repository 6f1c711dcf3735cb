import Foundation

/// A user's membership in an organization (`object: "organization_membership"`).
public struct OrganizationMembership: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// Role key, e.g. `org:admin`.
    public var role: String
    /// Human-readable role name, e.g. `Admin`.
    public var roleName: String
    /// Permission keys, e.g. `org:sys_memberships:manage`.
    public var permissions: [String]?
    public var publicMetadata: JSONObject
    public var organization: Organization
    public var publicUserData: PublicUserData?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, role: String, roleName: String, permissions: [String]? = nil, publicMetadata: JSONObject = [:],
        organization: Organization, publicUserData: PublicUserData? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.role = role
        self.roleName = roleName
        self.permissions = permissions
        self.publicMetadata = publicMetadata
        self.organization = organization
        self.publicUserData = publicUserData
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, role, permissions, organization
        case roleName = "role_name"
        case publicMetadata = "public_metadata"
        case publicUserData = "public_user_data"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        role = try container.decode(String.self, forKey: .role)
        roleName = try container.decode(String.self, forKey: .roleName)
        permissions = try container.decodeIfPresent([String].self, forKey: .permissions)
        publicMetadata = try container.decode(JSONObject.self, forKey: .publicMetadata)
        organization = try container.decode(Organization.self, forKey: .organization)
        publicUserData = try container.decodeIfPresent(PublicUserData.self, forKey: .publicUserData)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("organization_membership", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(role, forKey: .role)
        try container.encode(roleName, forKey: .roleName)
        try container.encode(permissions, forKey: .permissions)
        try container.encode(publicMetadata, forKey: .publicMetadata)
        try container.encode(organization, forKey: .organization)
        try container.encode(publicUserData, forKey: .publicUserData)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
