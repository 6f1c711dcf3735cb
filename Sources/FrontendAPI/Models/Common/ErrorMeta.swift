/// The `meta` object of a ``ClerkAPIError``. The keys clients act on are typed; any other keys are kept
/// in ``other`` so they survive a round trip.
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
    /// Unmodelled keys, verbatim.
    public var other: JSONObject

    public init(
        paramName: String? = nil, sessionID: String? = nil, lockoutExpiresInSeconds: Int? = nil,
        emailAddresses: [String]? = nil, identifiers: [String]? = nil, zxcvbn: Zxcvbn? = nil, other: JSONObject = [:]
    ) {
        self.paramName = paramName
        self.sessionID = sessionID
        self.lockoutExpiresInSeconds = lockoutExpiresInSeconds
        self.emailAddresses = emailAddresses
        self.identifiers = identifiers
        self.zxcvbn = zxcvbn
        self.other = other
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case paramName = "param_name"
        case sessionID = "session_id"
        case lockoutExpiresInSeconds = "lockout_expires_in_seconds"
        case emailAddresses = "email_addresses"
        case identifiers, zxcvbn
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        paramName = try c.decodeIfPresent(String.self, forKey: .paramName)
        sessionID = try c.decodeIfPresent(String.self, forKey: .sessionID)
        lockoutExpiresInSeconds = try c.decodeIfPresent(Int.self, forKey: .lockoutExpiresInSeconds)
        emailAddresses = try c.decodeIfPresent([String].self, forKey: .emailAddresses)
        identifiers = try c.decodeIfPresent([String].self, forKey: .identifiers)
        zxcvbn = try c.decodeIfPresent(Zxcvbn.self, forKey: .zxcvbn)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        other = try decoder.singleValueContainer().decode(JSONObject.self).filter { !known.contains($0.key) }
    }

    public func encode(to encoder: any Encoder) throws {
        var extra = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in other {
            try extra.encode(value, forKey: AnyKey(key))
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(paramName, forKey: .paramName)
        try c.encodeIfPresent(sessionID, forKey: .sessionID)
        try c.encodeIfPresent(lockoutExpiresInSeconds, forKey: .lockoutExpiresInSeconds)
        try c.encodeIfPresent(emailAddresses, forKey: .emailAddresses)
        try c.encodeIfPresent(identifiers, forKey: .identifiers)
        try c.encodeIfPresent(zxcvbn, forKey: .zxcvbn)
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

/// A coding key for arbitrary string keys.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
