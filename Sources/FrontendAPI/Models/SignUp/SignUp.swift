import Foundation

/// A sign-up attempt (`object: "sign_up_attempt"`, ids `sua_…`).
public struct SignUp: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var status: SignUpStatus
    public var requiredFields: [SignUpField]
    public var optionalFields: [SignUpField]
    public var missingFields: [SignUpField]
    public var unverifiedFields: [SignUpField]
    public var verifications: SignUpVerifications
    public var username: String?
    public var emailAddress: String?
    public var phoneNumber: String?
    public var web3Wallet: String?
    public var passwordEnabled: Bool
    public var firstName: String?
    public var lastName: String?
    public var unsafeMetadata: JSONObject?
    public var publicMetadata: JSONObject?
    public var customAction: Bool
    public var externalID: String?
    public var createdSessionID: String?
    public var createdUserID: String?
    public var abandonAt: Date
    public var legalAcceptedAt: Date?

    public init(
        id: String, status: SignUpStatus, requiredFields: [SignUpField] = [], optionalFields: [SignUpField] = [],
        missingFields: [SignUpField] = [], unverifiedFields: [SignUpField] = [],
        verifications: SignUpVerifications = SignUpVerifications(), username: String? = nil,
        emailAddress: String? = nil, phoneNumber: String? = nil, web3Wallet: String? = nil,
        passwordEnabled: Bool = false, firstName: String? = nil, lastName: String? = nil,
        unsafeMetadata: JSONObject? = nil, publicMetadata: JSONObject? = nil, customAction: Bool = false,
        externalID: String? = nil, createdSessionID: String? = nil, createdUserID: String? = nil, abandonAt: Date,
        legalAcceptedAt: Date? = nil
    ) {
        self.id = id
        self.status = status
        self.requiredFields = requiredFields
        self.optionalFields = optionalFields
        self.missingFields = missingFields
        self.unverifiedFields = unverifiedFields
        self.verifications = verifications
        self.username = username
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
        self.web3Wallet = web3Wallet
        self.passwordEnabled = passwordEnabled
        self.firstName = firstName
        self.lastName = lastName
        self.unsafeMetadata = unsafeMetadata
        self.publicMetadata = publicMetadata
        self.customAction = customAction
        self.externalID = externalID
        self.createdSessionID = createdSessionID
        self.createdUserID = createdUserID
        self.abandonAt = abandonAt
        self.legalAcceptedAt = legalAcceptedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status, verifications, username
        case requiredFields = "required_fields"
        case optionalFields = "optional_fields"
        case missingFields = "missing_fields"
        case unverifiedFields = "unverified_fields"
        case emailAddress = "email_address"
        case phoneNumber = "phone_number"
        case web3Wallet = "web3_wallet"
        case passwordEnabled = "password_enabled"
        case firstName = "first_name"
        case lastName = "last_name"
        case unsafeMetadata = "unsafe_metadata"
        case publicMetadata = "public_metadata"
        case customAction = "custom_action"
        case externalID = "external_id"
        case createdSessionID = "created_session_id"
        case createdUserID = "created_user_id"
        case abandonAt = "abandon_at"
        case legalAcceptedAt = "legal_accepted_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = try c.decode(SignUpStatus.self, forKey: .status)
        requiredFields = try c.decode([SignUpField].self, forKey: .requiredFields)
        optionalFields = try c.decode([SignUpField].self, forKey: .optionalFields)
        missingFields = try c.decode([SignUpField].self, forKey: .missingFields)
        unverifiedFields = try c.decode([SignUpField].self, forKey: .unverifiedFields)
        verifications = try c.decode(SignUpVerifications.self, forKey: .verifications)
        username = try c.decodeIfPresent(String.self, forKey: .username)
        emailAddress = try c.decodeIfPresent(String.self, forKey: .emailAddress)
        phoneNumber = try c.decodeIfPresent(String.self, forKey: .phoneNumber)
        web3Wallet = try c.decodeIfPresent(String.self, forKey: .web3Wallet)
        passwordEnabled = try c.decode(Bool.self, forKey: .passwordEnabled)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        unsafeMetadata = try c.decodeIfPresent(JSONObject.self, forKey: .unsafeMetadata)
        publicMetadata = try c.decodeIfPresent(JSONObject.self, forKey: .publicMetadata)
        customAction = try c.decode(.customAction, default: false)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        createdSessionID = try c.decodeIfPresent(String.self, forKey: .createdSessionID)
        createdUserID = try c.decodeIfPresent(String.self, forKey: .createdUserID)
        abandonAt = try c.decode(Date.self, forKey: .abandonAt)
        legalAcceptedAt = try c.decodeIfPresent(Date.self, forKey: .legalAcceptedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("sign_up_attempt", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(status, forKey: .status)
        try c.encode(requiredFields, forKey: .requiredFields)
        try c.encode(optionalFields, forKey: .optionalFields)
        try c.encode(missingFields, forKey: .missingFields)
        try c.encode(unverifiedFields, forKey: .unverifiedFields)
        try c.encode(verifications, forKey: .verifications)
        try c.encode(username, forKey: .username)
        try c.encode(emailAddress, forKey: .emailAddress)
        try c.encode(phoneNumber, forKey: .phoneNumber)
        try c.encode(web3Wallet, forKey: .web3Wallet)
        try c.encode(passwordEnabled, forKey: .passwordEnabled)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encodeIfPresent(unsafeMetadata, forKey: .unsafeMetadata)
        try c.encodeIfPresent(publicMetadata, forKey: .publicMetadata)
        try c.encode(customAction, forKey: .customAction)
        try c.encode(externalID, forKey: .externalID)
        try c.encode(createdSessionID, forKey: .createdSessionID)
        try c.encode(createdUserID, forKey: .createdUserID)
        try c.encode(abandonAt, forKey: .abandonAt)
        try c.encode(legalAcceptedAt, forKey: .legalAcceptedAt)
    }
}
