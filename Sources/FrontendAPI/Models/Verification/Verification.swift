import Foundation

/// The verification state of an identifier, factor or passkey (spec `Stubs.Verification.*`).
///
/// One type covers every variant; the `object` string tells them apart (`verification_otp`,
/// `verification_oauth`, `verification_passkey`, …). Sign-up verifications add `nextAction` and
/// `supportedStrategies`.
public struct Verification: Codable, Sendable, Equatable {
    /// The variant, e.g. `verification_otp`. Optional on the wire.
    public var object: String?
    public var status: VerificationStatus
    public var strategy: Strategy
    /// Attempts made so far; `nil` when not counted.
    public var attempts: Int?
    public var expireAt: Date?
    /// Why an OAuth/SSO verification failed.
    public var error: ClerkAPIError?
    /// Passkeys: a JSON **string** of WebAuthn options. Web3: the message to sign.
    public var nonce: String?
    public var message: String?
    /// Where to send the user's browser for OAuth/SSO.
    public var externalVerificationRedirectURL: String?
    public var verifiedAtClient: String?
    public var channel: String?
    /// Sign-up only: `needs_prepare`, `needs_attempt` or empty.
    public var nextAction: NextAction?
    /// Sign-up only: strategies that can verify this field.
    public var supportedStrategies: [Strategy]?

    public init(
        object: String? = nil, status: VerificationStatus, strategy: Strategy, attempts: Int? = nil,
        expireAt: Date? = nil, error: ClerkAPIError? = nil, nonce: String? = nil, message: String? = nil,
        externalVerificationRedirectURL: String? = nil, verifiedAtClient: String? = nil, channel: String? = nil,
        nextAction: NextAction? = nil, supportedStrategies: [Strategy]? = nil
    ) {
        self.object = object
        self.status = status
        self.strategy = strategy
        self.attempts = attempts
        self.expireAt = expireAt
        self.error = error
        self.nonce = nonce
        self.message = message
        self.externalVerificationRedirectURL = externalVerificationRedirectURL
        self.verifiedAtClient = verifiedAtClient
        self.channel = channel
        self.nextAction = nextAction
        self.supportedStrategies = supportedStrategies
    }

    enum CodingKeys: String, CodingKey {
        case object, status, strategy, attempts, error, nonce, message, channel
        case expireAt = "expire_at"
        case externalVerificationRedirectURL = "external_verification_redirect_url"
        case verifiedAtClient = "verified_at_client"
        case nextAction = "next_action"
        case supportedStrategies = "supported_strategies"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(object, forKey: .object)
        try container.encode(status, forKey: .status)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(expireAt, forKey: .expireAt)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encodeIfPresent(nonce, forKey: .nonce)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(externalVerificationRedirectURL, forKey: .externalVerificationRedirectURL)
        try container.encodeIfPresent(verifiedAtClient, forKey: .verifiedAtClient)
        try container.encodeIfPresent(channel, forKey: .channel)
        try container.encodeIfPresent(nextAction, forKey: .nextAction)
        try container.encodeIfPresent(supportedStrategies, forKey: .supportedStrategies)
    }

    /// What a sign-up verification needs next.
    public struct NextAction: WireString {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let needsPrepare: Self = "needs_prepare"
        public static let needsAttempt: Self = "needs_attempt"
        /// Nothing left to do.
        public static let none: Self = ""
    }
}
