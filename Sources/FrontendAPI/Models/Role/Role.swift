import Foundation

/// An organization role (`object: "role"`), e.g. key `org:admin`, name `Admin`.
public struct Role: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var key: String
    public var description: String
    /// Whether a creator of an organization may be given this role.
    public var isCreatorEligible: Bool
    public var permissions: [Permission]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, name: String, key: String, description: String = "", isCreatorEligible: Bool = false,
        permissions: [Permission] = [], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.key = key
        self.description = description
        self.isCreatorEligible = isCreatorEligible
        self.permissions = permissions
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, key, description, permissions
        case isCreatorEligible = "is_creator_eligible"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        key = try container.decode(String.self, forKey: .key)
        description = try container.decode(.description, default: "")
        isCreatorEligible = try container.decode(.isCreatorEligible, default: false)
        permissions = try container.decode(.permissions, default: [])
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("role", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(key, forKey: .key)
        try container.encode(description, forKey: .description)
        try container.encode(isCreatorEligible, forKey: .isCreatorEligible)
        try container.encode(permissions, forKey: .permissions)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
