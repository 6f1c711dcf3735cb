extension UserSettings {
    /// How one user attribute (email, phone, username, password, passkey, …) is configured.
    public struct Attribute: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// Required at sign-up.
        public var required: Bool
        public var usedForFirstFactor: Bool
        /// First-factor strategies this attribute offers, e.g. `email_code`, `email_link`.
        public var firstFactors: [String]
        public var usedForSecondFactor: Bool
        public var secondFactors: [String]
        /// Verification strategies, e.g. `email_code`.
        public var verifications: [String]
        public var verifyAtSignUp: Bool
        public var immutable: Bool

        public init(
            enabled: Bool, required: Bool = false, usedForFirstFactor: Bool = false, firstFactors: [String] = [],
            usedForSecondFactor: Bool = false, secondFactors: [String] = [], verifications: [String] = [],
            verifyAtSignUp: Bool = false, immutable: Bool = false
        ) {
            self.enabled = enabled
            self.required = required
            self.usedForFirstFactor = usedForFirstFactor
            self.firstFactors = firstFactors
            self.usedForSecondFactor = usedForSecondFactor
            self.secondFactors = secondFactors
            self.verifications = verifications
            self.verifyAtSignUp = verifyAtSignUp
            self.immutable = immutable
        }

        enum CodingKeys: String, CodingKey {
            case enabled, required, verifications, immutable
            case usedForFirstFactor = "used_for_first_factor"
            case firstFactors = "first_factors"
            case usedForSecondFactor = "used_for_second_factor"
            case secondFactors = "second_factors"
            case verifyAtSignUp = "verify_at_sign_up"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try c.decode(Bool.self, forKey: .enabled)
            required = try c.decode(Bool.self, forKey: .required)
            usedForFirstFactor = try c.decode(Bool.self, forKey: .usedForFirstFactor)
            firstFactors = try c.decode(.firstFactors, default: [])
            usedForSecondFactor = try c.decode(Bool.self, forKey: .usedForSecondFactor)
            secondFactors = try c.decode(.secondFactors, default: [])
            verifications = try c.decode(.verifications, default: [])
            verifyAtSignUp = try c.decode(Bool.self, forKey: .verifyAtSignUp)
            immutable = try c.decode(.immutable, default: false)
        }
    }

    /// How one social (OAuth) provider is configured; keyed by strategy, e.g. `oauth_google`.
    public struct Social: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var required: Bool
        public var authenticatable: Bool
        public var blockEmailSubaddresses: Bool
        /// `oauth_<provider>`.
        public var strategy: String
        public var notSelectable: Bool
        public var deprecated: Bool
        /// Display name, e.g. `Google`.
        public var name: String
        public var logoURL: String?

        public init(
            enabled: Bool, required: Bool = false, authenticatable: Bool = true, blockEmailSubaddresses: Bool = false,
            strategy: String, notSelectable: Bool = false, deprecated: Bool = false, name: String,
            logoURL: String? = nil
        ) {
            self.enabled = enabled
            self.required = required
            self.authenticatable = authenticatable
            self.blockEmailSubaddresses = blockEmailSubaddresses
            self.strategy = strategy
            self.notSelectable = notSelectable
            self.deprecated = deprecated
            self.name = name
            self.logoURL = logoURL
        }

        enum CodingKeys: String, CodingKey {
            case enabled, required, authenticatable, strategy, deprecated, name
            case blockEmailSubaddresses = "block_email_subaddresses"
            case notSelectable = "not_selectable"
            case logoURL = "logo_url"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try c.decode(Bool.self, forKey: .enabled)
            required = try c.decode(Bool.self, forKey: .required)
            authenticatable = try c.decode(Bool.self, forKey: .authenticatable)
            blockEmailSubaddresses = try c.decode(.blockEmailSubaddresses, default: false)
            strategy = try c.decode(String.self, forKey: .strategy)
            notSelectable = try c.decode(Bool.self, forKey: .notSelectable)
            deprecated = try c.decode(.deprecated, default: false)
            name = try c.decode(String.self, forKey: .name)
            logoURL = try c.decodeIfPresent(String.self, forKey: .logoURL)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(enabled, forKey: .enabled)
            try c.encode(required, forKey: .required)
            try c.encode(authenticatable, forKey: .authenticatable)
            try c.encode(blockEmailSubaddresses, forKey: .blockEmailSubaddresses)
            try c.encode(strategy, forKey: .strategy)
            try c.encode(notSelectable, forKey: .notSelectable)
            try c.encode(deprecated, forKey: .deprecated)
            try c.encode(name, forKey: .name)
            try c.encode(logoURL, forKey: .logoURL)
        }
    }
}
