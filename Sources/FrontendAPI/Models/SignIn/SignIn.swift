import Foundation

/// A sign-in attempt (`object: "sign_in_attempt"`, ids `sia_…`).
public struct SignIn: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var status: SignInStatus
    public var supportedIdentifiers: [SignInIdentifier]
    public var identifier: String?
    public var supportedFirstFactors: [Factor]?
    public var supportedSecondFactors: [Factor]?
    public var firstFactorVerification: Verification?
    public var secondFactorVerification: Verification?
    public var userData: SignInUserData?
    /// Set once `status` is `complete`.
    public var createdSessionID: String?
    public var abandonAt: Date
    /// `pending`, `new` or `known` (Client Trust).
    public var clientTrustState: String?

    public init(
        id: String, status: SignInStatus, supportedIdentifiers: [SignInIdentifier] = [], identifier: String? = nil,
        supportedFirstFactors: [Factor]? = nil, supportedSecondFactors: [Factor]? = nil,
        firstFactorVerification: Verification? = nil, secondFactorVerification: Verification? = nil,
        userData: SignInUserData? = nil, createdSessionID: String? = nil, abandonAt: Date,
        clientTrustState: String? = nil
    ) {
        self.id = id
        self.status = status
        self.supportedIdentifiers = supportedIdentifiers
        self.identifier = identifier
        self.supportedFirstFactors = supportedFirstFactors
        self.supportedSecondFactors = supportedSecondFactors
        self.firstFactorVerification = firstFactorVerification
        self.secondFactorVerification = secondFactorVerification
        self.userData = userData
        self.createdSessionID = createdSessionID
        self.abandonAt = abandonAt
        self.clientTrustState = clientTrustState
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status, identifier
        case supportedIdentifiers = "supported_identifiers"
        case supportedFirstFactors = "supported_first_factors"
        case supportedSecondFactors = "supported_second_factors"
        case firstFactorVerification = "first_factor_verification"
        case secondFactorVerification = "second_factor_verification"
        case userData = "user_data"
        case createdSessionID = "created_session_id"
        case abandonAt = "abandon_at"
        case clientTrustState = "client_trust_state"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = try c.decode(SignInStatus.self, forKey: .status)
        supportedIdentifiers = try c.decode(.supportedIdentifiers, default: [])
        identifier = try c.decodeIfPresent(String.self, forKey: .identifier)
        supportedFirstFactors = try c.decodeIfPresent([Factor].self, forKey: .supportedFirstFactors)
        supportedSecondFactors = try c.decodeIfPresent([Factor].self, forKey: .supportedSecondFactors)
        firstFactorVerification = try c.decodeIfPresent(Verification.self, forKey: .firstFactorVerification)
        secondFactorVerification = try c.decodeIfPresent(Verification.self, forKey: .secondFactorVerification)
        userData = try c.decodeIfPresent(SignInUserData.self, forKey: .userData)
        createdSessionID = try c.decodeIfPresent(String.self, forKey: .createdSessionID)
        abandonAt = try c.decode(Date.self, forKey: .abandonAt)
        clientTrustState = try c.decodeIfPresent(String.self, forKey: .clientTrustState)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("sign_in_attempt", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(status, forKey: .status)
        try c.encode(supportedIdentifiers, forKey: .supportedIdentifiers)
        try c.encode(identifier, forKey: .identifier)
        try c.encode(supportedFirstFactors, forKey: .supportedFirstFactors)
        try c.encode(supportedSecondFactors, forKey: .supportedSecondFactors)
        try c.encode(firstFactorVerification, forKey: .firstFactorVerification)
        try c.encode(secondFactorVerification, forKey: .secondFactorVerification)
        try c.encode(userData, forKey: .userData)
        try c.encode(createdSessionID, forKey: .createdSessionID)
        try c.encode(abandonAt, forKey: .abandonAt)
        try c.encodeIfPresent(clientTrustState, forKey: .clientTrustState)
    }
}
