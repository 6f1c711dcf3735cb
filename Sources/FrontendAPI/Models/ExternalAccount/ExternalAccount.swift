import Foundation

/// A connected OAuth account (`object: "external_account"`).
public struct ExternalAccount: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var identificationID: String
    /// The provider without prefix, e.g. `google` (older payloads: `oauth_google`).
    public var provider: String
    public var providerUserID: String
    /// Space-separated OAuth scopes.
    public var approvedScopes: String
    public var emailAddress: String
    public var emailAddressVerified: Bool?
    public var firstName: String
    public var lastName: String
    public var imageURL: String?
    public var username: String?
    public var phoneNumber: String?
    public var label: String?
    public var publicMetadata: JSONObject
    public var verification: Verification?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, identificationID: String, provider: String, providerUserID: String, approvedScopes: String = "",
        emailAddress: String, emailAddressVerified: Bool? = nil, firstName: String = "", lastName: String = "",
        imageURL: String? = nil, username: String? = nil, phoneNumber: String? = nil, label: String? = nil,
        publicMetadata: JSONObject = [:], verification: Verification? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.identificationID = identificationID
        self.provider = provider
        self.providerUserID = providerUserID
        self.approvedScopes = approvedScopes
        self.emailAddress = emailAddress
        self.emailAddressVerified = emailAddressVerified
        self.firstName = firstName
        self.lastName = lastName
        self.imageURL = imageURL
        self.username = username
        self.phoneNumber = phoneNumber
        self.label = label
        self.publicMetadata = publicMetadata
        self.verification = verification
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, provider, username, label, verification
        case identificationID = "identification_id"
        case providerUserID = "provider_user_id"
        case approvedScopes = "approved_scopes"
        case emailAddress = "email_address"
        case emailAddressVerified = "email_address_verified"
        case firstName = "first_name"
        case lastName = "last_name"
        case imageURL = "image_url"
        case phoneNumber = "phone_number"
        case publicMetadata = "public_metadata"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        identificationID = try container.decode(String.self, forKey: .identificationID)
        provider = try container.decode(String.self, forKey: .provider)
        providerUserID = try container.decode(String.self, forKey: .providerUserID)
        approvedScopes = try container.decode(String.self, forKey: .approvedScopes)
        emailAddress = try container.decode(String.self, forKey: .emailAddress)
        emailAddressVerified = try container.decodeIfPresent(Bool.self, forKey: .emailAddressVerified)
        firstName = try container.decode(.firstName, default: "")
        lastName = try container.decode(.lastName, default: "")
        imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        phoneNumber = try container.decodeIfPresent(String.self, forKey: .phoneNumber)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        publicMetadata = try container.decode(JSONObject.self, forKey: .publicMetadata)
        verification = try container.decodeIfPresent(Verification.self, forKey: .verification)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(.updatedAt, default: createdAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("external_account", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(identificationID, forKey: .identificationID)
        try container.encode(provider, forKey: .provider)
        try container.encode(providerUserID, forKey: .providerUserID)
        try container.encode(approvedScopes, forKey: .approvedScopes)
        try container.encode(emailAddress, forKey: .emailAddress)
        try container.encode(emailAddressVerified, forKey: .emailAddressVerified)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(imageURL, forKey: .imageURL)
        try container.encode(username, forKey: .username)
        try container.encode(phoneNumber, forKey: .phoneNumber)
        try container.encode(label, forKey: .label)
        try container.encode(publicMetadata, forKey: .publicMetadata)
        try container.encode(verification, forKey: .verification)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
