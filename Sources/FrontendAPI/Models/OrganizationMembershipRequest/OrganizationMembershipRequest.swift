import Foundation

/// A user's request to join an organization, for admins to accept or reject
/// (`object: "organization_membership_request"`).
public struct OrganizationMembershipRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var organizationID: String
    /// `pending`, `accepted` or `rejected`.
    public var status: String
    public var publicUserData: PublicUserData?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, organizationID: String, status: String, publicUserData: PublicUserData? = nil, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.status = status
        self.publicUserData = publicUserData
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status
        case organizationID = "organization_id"
        case publicUserData = "public_user_data"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        organizationID = try container.decode(String.self, forKey: .organizationID)
        status = try container.decode(String.self, forKey: .status)
        publicUserData = try container.decodeIfPresent(PublicUserData.self, forKey: .publicUserData)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("organization_membership_request", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(organizationID, forKey: .organizationID)
        try container.encode(status, forKey: .status)
        try container.encode(publicUserData, forKey: .publicUserData)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
