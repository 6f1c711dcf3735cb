import Foundation

/// One of a user's email addresses (`object: "email_address"`).
public struct EmailAddress: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var emailAddress: String
    public var verification: Verification?
    public var linkedTo: [IdentificationLink]
    public var reserved: Bool
    /// Whether the domain matches an active enterprise connection.
    public var matchesSSOConnection: Bool?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, emailAddress: String, verification: Verification? = nil, linkedTo: [IdentificationLink] = [],
        reserved: Bool = false, matchesSSOConnection: Bool? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.emailAddress = emailAddress
        self.verification = verification
        self.linkedTo = linkedTo
        self.reserved = reserved
        self.matchesSSOConnection = matchesSSOConnection
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, verification, reserved
        case emailAddress = "email_address"
        case linkedTo = "linked_to"
        case matchesSSOConnection = "matches_sso_connection"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        emailAddress = try container.decode(String.self, forKey: .emailAddress)
        verification = try container.decodeIfPresent(Verification.self, forKey: .verification)
        linkedTo = try container.decode(.linkedTo, default: [])
        reserved = try container.decode(.reserved, default: false)
        matchesSSOConnection = try container.decodeIfPresent(Bool.self, forKey: .matchesSSOConnection)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(.updatedAt, default: createdAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("email_address", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(emailAddress, forKey: .emailAddress)
        try container.encode(verification, forKey: .verification)
        try container.encode(linkedTo, forKey: .linkedTo)
        try container.encode(reserved, forKey: .reserved)
        try container.encodeIfPresent(matchesSSOConnection, forKey: .matchesSSOConnection)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
