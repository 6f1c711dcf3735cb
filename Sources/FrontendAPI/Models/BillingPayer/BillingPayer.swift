import Foundation

/// Who pays (`object: "commerce_payer"`): a user (`user_id`, name and email set) or an organization
/// (`organization_id`, `organization_name` set). Ids start with `cpayer_`.
public struct BillingPayer: Codable, Sendable, Equatable {
    public var id: String
    public var instanceID: String
    public var userID: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var organizationID: String?
    public var organizationName: String?
    public var imageURL: String?
    public var creditsBalance: BillingMoney?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(
        id: String, instanceID: String, userID: String? = nil, firstName: String? = nil, lastName: String? = nil,
        email: String? = nil, organizationID: String? = nil, organizationName: String? = nil, imageURL: String? = nil,
        creditsBalance: BillingMoney? = nil, createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.instanceID = instanceID
        self.userID = userID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.imageURL = imageURL
        self.creditsBalance = creditsBalance
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, email
        case instanceID = "instance_id", userID = "user_id", firstName = "first_name", lastName = "last_name"
        case organizationID = "organization_id", organizationName = "organization_name", imageURL = "image_url"
        case creditsBalance = "credits_balance", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        instanceID = try c.decode(.instanceID, default: "")
        userID = try c.decodeIfPresent(String.self, forKey: .userID)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        organizationID = try c.decodeIfPresent(String.self, forKey: .organizationID)
        organizationName = try c.decodeIfPresent(String.self, forKey: .organizationName)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        creditsBalance = try c.decodeIfPresent(BillingMoney.self, forKey: .creditsBalance)
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(Date.self, forKey: .updatedAt)
    }

    /// The user's fields are written for user payers and the organization's for organization payers; the two ids always.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_payer", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(instanceID, forKey: .instanceID)
        try c.encode(userID, forKey: .userID)
        try c.encode(organizationID, forKey: .organizationID)
        if userID != nil {
            try c.encode(firstName, forKey: .firstName)
            try c.encode(lastName, forKey: .lastName)
            try c.encode(email, forKey: .email)
        }
        if organizationID != nil { try c.encode(organizationName, forKey: .organizationName) }
        try c.encodeIfPresent(imageURL, forKey: .imageURL)
        try c.encodeIfPresent(creditsBalance, forKey: .creditsBalance)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(updatedAt, forKey: .updatedAt)
    }
}
