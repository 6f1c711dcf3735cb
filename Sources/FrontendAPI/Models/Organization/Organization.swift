import Foundation

/// An organization (`object: "organization"`). Ids start with `org_`.
public struct Organization: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var slug: String?
    public var imageURL: String?
    public var hasImage: Bool
    public var membersCount: Int?
    public var pendingInvitationsCount: Int?
    /// `0` means unlimited.
    public var maxAllowedMemberships: Int
    public var adminDeleteEnabled: Bool
    public var publicMetadata: JSONObject
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, name: String, slug: String? = nil, imageURL: String? = nil, hasImage: Bool = false,
        membersCount: Int? = nil, pendingInvitationsCount: Int? = nil, maxAllowedMemberships: Int,
        adminDeleteEnabled: Bool, publicMetadata: JSONObject = [:], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.imageURL = imageURL
        self.hasImage = hasImage
        self.membersCount = membersCount
        self.pendingInvitationsCount = pendingInvitationsCount
        self.maxAllowedMemberships = maxAllowedMemberships
        self.adminDeleteEnabled = adminDeleteEnabled
        self.publicMetadata = publicMetadata
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, slug
        case imageURL = "image_url"
        case hasImage = "has_image"
        case membersCount = "members_count"
        case pendingInvitationsCount = "pending_invitations_count"
        case maxAllowedMemberships = "max_allowed_memberships"
        case adminDeleteEnabled = "admin_delete_enabled"
        case publicMetadata = "public_metadata"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        slug = try container.decodeIfPresent(String.self, forKey: .slug)
        imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
        hasImage = try container.decode(.hasImage, default: false)
        membersCount = try container.decodeIfPresent(Int.self, forKey: .membersCount)
        pendingInvitationsCount = try container.decodeIfPresent(Int.self, forKey: .pendingInvitationsCount)
        maxAllowedMemberships = try container.decode(Int.self, forKey: .maxAllowedMemberships)
        adminDeleteEnabled = try container.decode(Bool.self, forKey: .adminDeleteEnabled)
        publicMetadata = try container.decode(.publicMetadata, default: [:])
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("organization", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(slug ?? "", forKey: .slug)
        try container.encodeIfPresent(imageURL, forKey: .imageURL)
        try container.encode(hasImage, forKey: .hasImage)
        try container.encodeIfPresent(membersCount, forKey: .membersCount)
        try container.encodeIfPresent(pendingInvitationsCount, forKey: .pendingInvitationsCount)
        try container.encode(maxAllowedMemberships, forKey: .maxAllowedMemberships)
        try container.encode(adminDeleteEnabled, forKey: .adminDeleteEnabled)
        try container.encode(publicMetadata, forKey: .publicMetadata)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
