import Foundation

/// One of a user's phone numbers (`object: "phone_number"`), possibly reserved for SMS second factor.
public struct PhoneNumber: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// E.164, e.g. `+15555550100`.
    public var phoneNumber: String
    public var reservedForSecondFactor: Bool
    public var defaultSecondFactor: Bool
    public var reserved: Bool
    public var verification: Verification?
    public var linkedTo: [IdentificationLink]
    /// Present once, right after the number is reserved for second factor.
    public var backupCodes: [String]?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, phoneNumber: String, reservedForSecondFactor: Bool = false, defaultSecondFactor: Bool = false,
        reserved: Bool = false, verification: Verification? = nil, linkedTo: [IdentificationLink] = [],
        backupCodes: [String]? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.phoneNumber = phoneNumber
        self.reservedForSecondFactor = reservedForSecondFactor
        self.defaultSecondFactor = defaultSecondFactor
        self.reserved = reserved
        self.verification = verification
        self.linkedTo = linkedTo
        self.backupCodes = backupCodes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, reserved, verification
        case phoneNumber = "phone_number"
        case reservedForSecondFactor = "reserved_for_second_factor"
        case defaultSecondFactor = "default_second_factor"
        case linkedTo = "linked_to"
        case backupCodes = "backup_codes"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        phoneNumber = try container.decode(String.self, forKey: .phoneNumber)
        reservedForSecondFactor = try container.decode(Bool.self, forKey: .reservedForSecondFactor)
        defaultSecondFactor = try container.decode(Bool.self, forKey: .defaultSecondFactor)
        reserved = try container.decode(.reserved, default: false)
        verification = try container.decodeIfPresent(Verification.self, forKey: .verification)
        linkedTo = try container.decode(.linkedTo, default: [])
        backupCodes = try container.decodeIfPresent([String].self, forKey: .backupCodes)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(.updatedAt, default: createdAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("phone_number", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(phoneNumber, forKey: .phoneNumber)
        try container.encode(reservedForSecondFactor, forKey: .reservedForSecondFactor)
        try container.encode(defaultSecondFactor, forKey: .defaultSecondFactor)
        try container.encode(reserved, forKey: .reserved)
        try container.encode(verification, forKey: .verification)
        try container.encode(linkedTo, forKey: .linkedTo)
        try container.encodeIfPresent(backupCodes, forKey: .backupCodes)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
