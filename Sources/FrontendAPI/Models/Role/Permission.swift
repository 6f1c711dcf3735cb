import Foundation

/// A permission an organization role grants (`object: "permission"`), e.g. key `org:sys_profile:manage`.
public struct Permission: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var key: String
    public var description: String
    /// `system` or `user`.
    public var type: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, name: String, key: String, description: String = "", type: String = "system", createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.key = key
        self.description = description
        self.type = type
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, key, description, type
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        key = try container.decode(String.self, forKey: .key)
        description = try container.decode(.description, default: "")
        type = try container.decode(.type, default: "system")
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("permission", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(key, forKey: .key)
        try container.encode(description, forKey: .description)
        try container.encode(type, forKey: .type)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
