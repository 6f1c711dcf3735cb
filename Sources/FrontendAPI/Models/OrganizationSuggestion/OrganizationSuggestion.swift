import Foundation

/// A suggestion to join an organization whose verified domain matches the user's email
/// (`object: "organization_suggestion"`).
public struct OrganizationSuggestion: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var publicOrganizationData: PublicOrganizationData?
    /// `pending` or `accepted`.
    public var status: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, publicOrganizationData: PublicOrganizationData? = nil, status: String, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.publicOrganizationData = publicOrganizationData
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status
        case publicOrganizationData = "public_organization_data"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        publicOrganizationData = try container.decodeIfPresent(
            PublicOrganizationData.self, forKey: .publicOrganizationData)
        status = try container.decode(String.self, forKey: .status)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("organization_suggestion", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(publicOrganizationData, forKey: .publicOrganizationData)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
