extension UserSettings {
    /// Password rules (`password_settings`).
    public struct PasswordSettings: Codable, Sendable, Equatable {
        public var disableHIBP: Bool
        public var minLength: Int
        public var maxLength: Int
        public var requireSpecialChar: Bool
        public var requireNumbers: Bool
        public var requireUppercase: Bool
        public var requireLowercase: Bool
        public var showZxcvbn: Bool
        /// 0–4.
        public var minZxcvbnStrength: Int
        public var enforceHIBPOnSignIn: Bool
        public var allowedSpecialCharacters: String

        public init(
            disableHIBP: Bool = false, minLength: Int = 8, maxLength: Int = 72, requireSpecialChar: Bool = false,
            requireNumbers: Bool = false, requireUppercase: Bool = false, requireLowercase: Bool = false,
            showZxcvbn: Bool = false, minZxcvbnStrength: Int = 0, enforceHIBPOnSignIn: Bool = false,
            allowedSpecialCharacters: String = "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~"
        ) {
            self.disableHIBP = disableHIBP
            self.minLength = minLength
            self.maxLength = maxLength
            self.requireSpecialChar = requireSpecialChar
            self.requireNumbers = requireNumbers
            self.requireUppercase = requireUppercase
            self.requireLowercase = requireLowercase
            self.showZxcvbn = showZxcvbn
            self.minZxcvbnStrength = minZxcvbnStrength
            self.enforceHIBPOnSignIn = enforceHIBPOnSignIn
            self.allowedSpecialCharacters = allowedSpecialCharacters
        }

        enum CodingKeys: String, CodingKey {
            case disableHIBP = "disable_hibp"
            case minLength = "min_length"
            case maxLength = "max_length"
            case requireSpecialChar = "require_special_char"
            case requireNumbers = "require_numbers"
            case requireUppercase = "require_uppercase"
            case requireLowercase = "require_lowercase"
            case showZxcvbn = "show_zxcvbn"
            case minZxcvbnStrength = "min_zxcvbn_strength"
            case enforceHIBPOnSignIn = "enforce_hibp_on_sign_in"
            case allowedSpecialCharacters = "allowed_special_characters"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let fallback = PasswordSettings()
            disableHIBP = try c.decode(.disableHIBP, default: fallback.disableHIBP)
            minLength = try c.decode(.minLength, default: fallback.minLength)
            maxLength = try c.decode(.maxLength, default: fallback.maxLength)
            requireSpecialChar = try c.decode(.requireSpecialChar, default: false)
            requireNumbers = try c.decode(.requireNumbers, default: false)
            requireUppercase = try c.decode(.requireUppercase, default: false)
            requireLowercase = try c.decode(.requireLowercase, default: false)
            showZxcvbn = try c.decode(.showZxcvbn, default: false)
            minZxcvbnStrength = try c.decode(.minZxcvbnStrength, default: 0)
            enforceHIBPOnSignIn = try c.decode(.enforceHIBPOnSignIn, default: false)
            allowedSpecialCharacters = try c.decode(
                .allowedSpecialCharacters, default: fallback.allowedSpecialCharacters)
        }
    }

    /// Username rules (`username_settings`).
    public struct UsernameSettings: Codable, Sendable, Equatable {
        public var minLength: Int?
        public var maxLength: Int?
        public var allowExtendedSpecialCharacters: Bool
        /// Whether usernames may be all digits (phone inputs must then be explicit E.164).
        public var allowNumericUsernames: Bool

        public init(
            minLength: Int? = 4, maxLength: Int? = 64, allowExtendedSpecialCharacters: Bool = false,
            allowNumericUsernames: Bool = false
        ) {
            self.minLength = minLength
            self.maxLength = maxLength
            self.allowExtendedSpecialCharacters = allowExtendedSpecialCharacters
            self.allowNumericUsernames = allowNumericUsernames
        }

        enum CodingKeys: String, CodingKey {
            case minLength = "min_length"
            case maxLength = "max_length"
            case allowExtendedSpecialCharacters = "allow_extended_special_characters"
            case allowNumericUsernames = "allow_numeric_usernames"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minLength = try c.decodeIfPresent(Int.self, forKey: .minLength)
            maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
            allowExtendedSpecialCharacters = try c.decode(.allowExtendedSpecialCharacters, default: false)
            allowNumericUsernames = try c.decode(.allowNumericUsernames, default: false)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(minLength, forKey: .minLength)
            try c.encode(maxLength, forKey: .maxLength)
            try c.encode(allowExtendedSpecialCharacters, forKey: .allowExtendedSpecialCharacters)
            try c.encode(allowNumericUsernames, forKey: .allowNumericUsernames)
        }
    }

    /// Passkey UI switches (`passkey_settings`).
    public struct PasskeySettings: Codable, Sendable, Equatable {
        public var allowAutofill: Bool
        public var showSignInButton: Bool

        public init(allowAutofill: Bool = true, showSignInButton: Bool = true) {
            self.allowAutofill = allowAutofill
            self.showSignInButton = showSignInButton
        }

        enum CodingKeys: String, CodingKey {
            case allowAutofill = "allow_autofill"
            case showSignInButton = "show_sign_in_button"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            allowAutofill = try c.decode(.allowAutofill, default: true)
            showSignInButton = try c.decode(.showSignInButton, default: true)
        }
    }
}
