/// A reverification of the signed-in user before a sensitive action
/// (`object: "session_reverification"`, from `POST /v1/client/sessions/{id}/verify`).
public struct SessionVerification: Codable, Sendable, Equatable {
    /// `first_factor`, `second_factor` or `multi_factor`.
    public var level: Level
    public var status: SessionVerificationStatus
    public var supportedFirstFactors: [Factor]?
    public var supportedSecondFactors: [Factor]?
    public var firstFactorVerification: Verification?
    public var secondFactorVerification: Verification?
    /// The session being reverified (its `factor_verification_age` is refreshed on completion).
    public var session: Session

    public init(
        level: Level, status: SessionVerificationStatus, supportedFirstFactors: [Factor]? = nil,
        supportedSecondFactors: [Factor]? = nil, firstFactorVerification: Verification? = nil,
        secondFactorVerification: Verification? = nil, session: Session
    ) {
        self.level = level
        self.status = status
        self.supportedFirstFactors = supportedFirstFactors
        self.supportedSecondFactors = supportedSecondFactors
        self.firstFactorVerification = firstFactorVerification
        self.secondFactorVerification = secondFactorVerification
        self.session = session
    }

    enum CodingKeys: String, CodingKey {
        case object, level, status, session
        case supportedFirstFactors = "supported_first_factors"
        case supportedSecondFactors = "supported_second_factors"
        case firstFactorVerification = "first_factor_verification"
        case secondFactorVerification = "second_factor_verification"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decode(Level.self, forKey: .level)
        status = try c.decode(SessionVerificationStatus.self, forKey: .status)
        supportedFirstFactors = try c.decodeIfPresent([Factor].self, forKey: .supportedFirstFactors)
        supportedSecondFactors = try c.decodeIfPresent([Factor].self, forKey: .supportedSecondFactors)
        firstFactorVerification = try c.decodeIfPresent(Verification.self, forKey: .firstFactorVerification)
        secondFactorVerification = try c.decodeIfPresent(Verification.self, forKey: .secondFactorVerification)
        session = try c.decode(Session.self, forKey: .session)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("session_reverification", forKey: .object)
        try c.encode(level, forKey: .level)
        try c.encode(status, forKey: .status)
        try c.encode(supportedFirstFactors, forKey: .supportedFirstFactors)
        try c.encode(supportedSecondFactors, forKey: .supportedSecondFactors)
        try c.encode(firstFactorVerification, forKey: .firstFactorVerification)
        try c.encode(secondFactorVerification, forKey: .secondFactorVerification)
        try c.encode(session, forKey: .session)
    }

    /// How much proof the reverification asks for.
    public struct Level: WireString {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let firstFactor: Self = "first_factor"
        public static let secondFactor: Self = "second_factor"
        public static let multiFactor: Self = "multi_factor"
    }
}
