import Foundation

/// Instance-wide authentication switches (`auth_config`).
public struct AuthConfig: Codable, Sendable, Equatable {
    public var id: String
    /// `false` means multi-session: several signed-in sessions per client.
    public var singleSessionMode: Bool
    /// Legacy per-attribute toggles (`on` / `off` / `required`); `user_settings.attributes` supersedes them.
    public var firstName: Requirement
    public var lastName: Requirement
    public var emailAddress: Requirement
    public var phoneNumber: Requirement
    public var username: Requirement
    public var password: Requirement
    public var identificationRequirements: [[String]]
    public var identificationStrategies: [String]
    public var firstFactors: [String]
    public var secondFactors: [String]
    public var emailAddressVerificationStrategies: [String]
    public var enhancedEmailDeliverability: Bool
    public var testMode: Bool
    public var urlBasedSessionSyncing: Bool
    public var claimedAt: Date?
    /// Whether sensitive actions require recent re-verification.
    public var reverification: Bool
    /// Session Minter: token refreshes send the previous token (`token=`). Not in the spec schema.
    public var sessionMinter: Bool?
    /// Preferred OTP delivery channel per strategy, e.g. `["phone_code": "whatsapp"]`. Not in the spec schema.
    public var preferredChannels: [String: String]?

    public init(
        id: String, singleSessionMode: Bool, firstName: Requirement = .off, lastName: Requirement = .off,
        emailAddress: Requirement = .on, phoneNumber: Requirement = .off, username: Requirement = .off,
        password: Requirement = .on, identificationRequirements: [[String]] = [],
        identificationStrategies: [String] = [], firstFactors: [String] = [], secondFactors: [String] = [],
        emailAddressVerificationStrategies: [String] = [], enhancedEmailDeliverability: Bool = false,
        testMode: Bool = false, urlBasedSessionSyncing: Bool = true, claimedAt: Date? = nil,
        reverification: Bool = false, sessionMinter: Bool? = nil, preferredChannels: [String: String]? = nil
    ) {
        self.id = id
        self.singleSessionMode = singleSessionMode
        self.firstName = firstName
        self.lastName = lastName
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
        self.username = username
        self.password = password
        self.identificationRequirements = identificationRequirements
        self.identificationStrategies = identificationStrategies
        self.firstFactors = firstFactors
        self.secondFactors = secondFactors
        self.emailAddressVerificationStrategies = emailAddressVerificationStrategies
        self.enhancedEmailDeliverability = enhancedEmailDeliverability
        self.testMode = testMode
        self.urlBasedSessionSyncing = urlBasedSessionSyncing
        self.claimedAt = claimedAt
        self.reverification = reverification
        self.sessionMinter = sessionMinter
        self.preferredChannels = preferredChannels
    }

    enum CodingKeys: String, CodingKey {
        case object, id, username, password, reverification
        case singleSessionMode = "single_session_mode"
        case firstName = "first_name"
        case lastName = "last_name"
        case emailAddress = "email_address"
        case phoneNumber = "phone_number"
        case identificationRequirements = "identification_requirements"
        case identificationStrategies = "identification_strategies"
        case firstFactors = "first_factors"
        case secondFactors = "second_factors"
        case emailAddressVerificationStrategies = "email_address_verification_strategies"
        case enhancedEmailDeliverability = "enhanced_email_deliverability"
        case testMode = "test_mode"
        case urlBasedSessionSyncing = "url_based_session_syncing"
        case claimedAt = "claimed_at"
        case sessionMinter = "session_minter"
        case preferredChannels = "preferred_channels"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(.id, default: "")
        singleSessionMode = try c.decode(Bool.self, forKey: .singleSessionMode)
        firstName = try c.decode(.firstName, default: .off)
        lastName = try c.decode(.lastName, default: .off)
        emailAddress = try c.decode(.emailAddress, default: .off)
        phoneNumber = try c.decode(.phoneNumber, default: .off)
        username = try c.decode(.username, default: .off)
        password = try c.decode(.password, default: .off)
        identificationRequirements = try c.decode(.identificationRequirements, default: [])
        identificationStrategies = try c.decode(.identificationStrategies, default: [])
        firstFactors = try c.decode(.firstFactors, default: [])
        secondFactors = try c.decode(.secondFactors, default: [])
        emailAddressVerificationStrategies = try c.decode(.emailAddressVerificationStrategies, default: [])
        enhancedEmailDeliverability = try c.decode(.enhancedEmailDeliverability, default: false)
        testMode = try c.decode(.testMode, default: false)
        urlBasedSessionSyncing = try c.decode(.urlBasedSessionSyncing, default: false)
        claimedAt = try c.decodeIfPresent(Date.self, forKey: .claimedAt)
        reverification = try c.decode(.reverification, default: false)
        sessionMinter = try c.decodeIfPresent(Bool.self, forKey: .sessionMinter)
        preferredChannels = try c.decodeIfPresent([String: String].self, forKey: .preferredChannels)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("auth_config", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(singleSessionMode, forKey: .singleSessionMode)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(emailAddress, forKey: .emailAddress)
        try c.encode(phoneNumber, forKey: .phoneNumber)
        try c.encode(username, forKey: .username)
        try c.encode(password, forKey: .password)
        try c.encode(identificationRequirements, forKey: .identificationRequirements)
        try c.encode(identificationStrategies, forKey: .identificationStrategies)
        try c.encode(firstFactors, forKey: .firstFactors)
        try c.encode(secondFactors, forKey: .secondFactors)
        try c.encode(emailAddressVerificationStrategies, forKey: .emailAddressVerificationStrategies)
        try c.encode(enhancedEmailDeliverability, forKey: .enhancedEmailDeliverability)
        try c.encode(testMode, forKey: .testMode)
        try c.encode(urlBasedSessionSyncing, forKey: .urlBasedSessionSyncing)
        try c.encode(claimedAt, forKey: .claimedAt)
        try c.encode(reverification, forKey: .reverification)
        try c.encodeIfPresent(sessionMinter, forKey: .sessionMinter)
        try c.encodeIfPresent(preferredChannels, forKey: .preferredChannels)
    }

    /// A legacy attribute toggle.
    public struct Requirement: WireString {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let on: Self = "on"
        public static let off: Self = "off"
        public static let required: Self = "required"
    }
}
