import Foundation

/// The device-level container of sessions and the in-progress sign-in / sign-up (`object: "client"`).
public struct Client: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var sessions: [Session]
    public var signIn: SignIn?
    public var signUp: SignUp?
    /// The current session; clients treat `sessions.first { $0.id == lastActiveSessionID }` as signed in.
    public var lastActiveSessionID: String?
    public var lastAuthenticationStrategy: String?
    public var cookieExpiresAt: Date?
    public var captchaBypass: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, sessions: [Session] = [], signIn: SignIn? = nil, signUp: SignUp? = nil,
        lastActiveSessionID: String? = nil, lastAuthenticationStrategy: String? = nil, cookieExpiresAt: Date? = nil,
        captchaBypass: Bool = false, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.sessions = sessions
        self.signIn = signIn
        self.signUp = signUp
        self.lastActiveSessionID = lastActiveSessionID
        self.lastAuthenticationStrategy = lastAuthenticationStrategy
        self.cookieExpiresAt = cookieExpiresAt
        self.captchaBypass = captchaBypass
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The session `lastActiveSessionID` points at, if any.
    public var lastActiveSession: Session? {
        sessions.first { $0.id == lastActiveSessionID }
    }

    enum CodingKeys: String, CodingKey {
        case object, id, sessions
        case signIn = "sign_in"
        case signUp = "sign_up"
        case lastActiveSessionID = "last_active_session_id"
        case lastAuthenticationStrategy = "last_authentication_strategy"
        case cookieExpiresAt = "cookie_expires_at"
        case captchaBypass = "captcha_bypass"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        sessions = try c.decode([Session].self, forKey: .sessions)
        signIn = try c.decodeIfPresent(SignIn.self, forKey: .signIn)
        signUp = try c.decodeIfPresent(SignUp.self, forKey: .signUp)
        lastActiveSessionID = try c.decodeIfPresent(String.self, forKey: .lastActiveSessionID)
        lastAuthenticationStrategy = try c.decodeIfPresent(String.self, forKey: .lastAuthenticationStrategy)
        cookieExpiresAt = try c.decodeIfPresent(Date.self, forKey: .cookieExpiresAt)
        captchaBypass = try c.decode(.captchaBypass, default: false)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        createdAt = try c.decode(.createdAt, default: updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("client", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(signIn, forKey: .signIn)
        try c.encode(signUp, forKey: .signUp)
        try c.encode(lastActiveSessionID, forKey: .lastActiveSessionID)
        try c.encode(lastAuthenticationStrategy, forKey: .lastAuthenticationStrategy)
        try c.encode(cookieExpiresAt, forKey: .cookieExpiresAt)
        try c.encode(captchaBypass, forKey: .captchaBypass)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
