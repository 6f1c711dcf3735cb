/// The `meta` object of a ``ClerkAPIError``. Only the keys clients act on are modelled; others are ignored.
public struct ErrorMeta: Codable, Sendable, Equatable {
    /// The form parameter the error is about (`identifier`, `password`, `code`, …).
    public var paramName: String?
    /// The existing session, for `identifier_already_signed_in` / `session_exists`.
    public var sessionID: String?
    /// Seconds until a locked user may try again, for `user_locked`.
    public var lockoutExpiresInSeconds: Int?
    public var emailAddresses: [String]?
    public var identifiers: [String]?
    /// Password-strength feedback, for `form_password_not_strong_enough`.
    public var zxcvbn: Zxcvbn?

    public init(
        paramName: String? = nil, sessionID: String? = nil, lockoutExpiresInSeconds: Int? = nil,
        emailAddresses: [String]? = nil, identifiers: [String]? = nil, zxcvbn: Zxcvbn? = nil
    ) {
        self.paramName = paramName
        self.sessionID = sessionID
        self.lockoutExpiresInSeconds = lockoutExpiresInSeconds
        self.emailAddresses = emailAddresses
        self.identifiers = identifiers
        self.zxcvbn = zxcvbn
    }

    enum CodingKeys: String, CodingKey {
        case paramName = "param_name"
        case sessionID = "session_id"
        case lockoutExpiresInSeconds = "lockout_expires_in_seconds"
        case emailAddresses = "email_addresses"
        case identifiers, zxcvbn
    }

    /// zxcvbn feedback attached to a weak-password error.
    public struct Zxcvbn: Codable, Sendable, Equatable {
        public var suggestions: [Suggestion]

        public init(suggestions: [Suggestion]) {
            self.suggestions = suggestions
        }

        enum CodingKeys: String, CodingKey { case suggestions }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            suggestions = try container.decode(.suggestions, default: [])
        }

        /// One improvement hint: `{code, message}`.
        public struct Suggestion: Codable, Sendable, Equatable {
            public var code: String
            public var message: String

            public init(code: String, message: String) {
                self.code = code
                self.message = message
            }
        }
    }
}
