extension UserSettings {
    /// Sign-in policy (`sign_in`).
    public struct SignIn: Codable, Sendable, Equatable {
        /// Whether every user must have a second factor.
        public var secondFactorRequired: Bool

        public init(secondFactorRequired: Bool = false) {
            self.secondFactorRequired = secondFactorRequired
        }

        enum CodingKeys: String, CodingKey { case secondFactor = "second_factor" }
        enum SecondFactorKeys: String, CodingKey { case required }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if c.contains(.secondFactor), try !c.decodeNil(forKey: .secondFactor) {
                let nested = try c.nestedContainer(keyedBy: SecondFactorKeys.self, forKey: .secondFactor)
                secondFactorRequired = try nested.decode(.required, default: false)
            } else {
                secondFactorRequired = false
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            var nested = c.nestedContainer(keyedBy: SecondFactorKeys.self, forKey: .secondFactor)
            try nested.encode(secondFactorRequired, forKey: .required)
        }
    }

    /// Sign-up policy (`sign_up`).
    public struct SignUp: Codable, Sendable, Equatable {
        public var captchaEnabled: Bool
        /// `smart` or `invisible`.
        public var captchaWidgetType: String
        public var customActionRequired: Bool
        /// Whether missing fields may be supplied step by step.
        public var progressive: Bool
        public var mode: Mode
        /// Whether users must accept terms and privacy policy (`legal_accepted`).
        public var legalConsentEnabled: Bool

        public init(
            captchaEnabled: Bool = false, captchaWidgetType: String = "smart", customActionRequired: Bool = false,
            progressive: Bool = true, mode: Mode = .public, legalConsentEnabled: Bool = false
        ) {
            self.captchaEnabled = captchaEnabled
            self.captchaWidgetType = captchaWidgetType
            self.customActionRequired = customActionRequired
            self.progressive = progressive
            self.mode = mode
            self.legalConsentEnabled = legalConsentEnabled
        }

        enum CodingKeys: String, CodingKey {
            case progressive, mode
            case captchaEnabled = "captcha_enabled"
            case captchaWidgetType = "captcha_widget_type"
            case customActionRequired = "custom_action_required"
            case legalConsentEnabled = "legal_consent_enabled"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            captchaEnabled = try c.decode(.captchaEnabled, default: false)
            captchaWidgetType = try c.decode(.captchaWidgetType, default: "smart")
            customActionRequired = try c.decode(Bool.self, forKey: .customActionRequired)
            progressive = try c.decode(Bool.self, forKey: .progressive)
            mode = try c.decode(Mode.self, forKey: .mode)
            legalConsentEnabled = try c.decode(Bool.self, forKey: .legalConsentEnabled)
        }

        /// Who may sign up.
        public struct Mode: WireString {
            public let rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            public static let `public`: Self = "public"
            /// Invitation only.
            public static let restricted: Self = "restricted"
            public static let waitlist: Self = "waitlist"
        }
    }
}
