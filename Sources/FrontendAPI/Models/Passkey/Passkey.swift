import Foundation

/// A registered WebAuthn credential (`object: "passkey"`).
public struct Passkey: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var lastUsedAt: Date?
    /// While registering: the creation options JSON string in `nonce`.
    public var verification: Verification?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, name: String, lastUsedAt: Date? = nil, verification: Verification? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.lastUsedAt = lastUsedAt
        self.verification = verification
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, verification
        case lastUsedAt = "last_used_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        lastUsedAt = try container.decodeIfPresent(Date.self, forKey: .lastUsedAt)
        verification = try container.decodeIfPresent(Verification.self, forKey: .verification)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("passkey", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
        try container.encode(verification, forKey: .verification)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
