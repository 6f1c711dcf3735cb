import Foundation

/// A signed-in session on a client (`object: "session"`).
///
/// The same type serves the active-sessions list (`GET /v1/me/sessions/active`), where `user` is absent and
/// `latestActivity` is set.
public struct Session: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var status: SessionStatus
    public var expireAt: Date
    public var abandonAt: Date
    public var lastActiveAt: Date
    /// An immediately usable session JWT; clients seed their token cache with it.
    public var lastActiveToken: Token?
    /// The active organization; `nil` is the personal account.
    public var lastActiveOrganizationID: String?
    /// Impersonation actor. Servers should keep this `nil`: clerk-ios types it as a string.
    public var actor: JSONValue?
    public var tasks: [SessionTask]?
    public var user: User?
    public var publicUserData: PublicUserData?
    /// Minutes since the first and second factor were verified; `-1` means never.
    public var factorVerificationAge: [Int]?
    public var latestActivity: SessionActivity?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, status: SessionStatus, expireAt: Date, abandonAt: Date, lastActiveAt: Date,
        lastActiveToken: Token? = nil, lastActiveOrganizationID: String? = nil, actor: JSONValue? = nil,
        tasks: [SessionTask]? = nil, user: User? = nil, publicUserData: PublicUserData? = nil,
        factorVerificationAge: [Int]? = nil, latestActivity: SessionActivity? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.status = status
        self.expireAt = expireAt
        self.abandonAt = abandonAt
        self.lastActiveAt = lastActiveAt
        self.lastActiveToken = lastActiveToken
        self.lastActiveOrganizationID = lastActiveOrganizationID
        self.actor = actor
        self.tasks = tasks
        self.user = user
        self.publicUserData = publicUserData
        self.factorVerificationAge = factorVerificationAge
        self.latestActivity = latestActivity
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status, actor, tasks, user
        case expireAt = "expire_at"
        case abandonAt = "abandon_at"
        case lastActiveAt = "last_active_at"
        case lastActiveToken = "last_active_token"
        case lastActiveOrganizationID = "last_active_organization_id"
        case publicUserData = "public_user_data"
        case factorVerificationAge = "factor_verification_age"
        case latestActivity = "latest_activity"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        status = try container.decode(SessionStatus.self, forKey: .status)
        expireAt = try container.decode(Date.self, forKey: .expireAt)
        abandonAt = try container.decode(Date.self, forKey: .abandonAt)
        lastActiveAt = try container.decode(Date.self, forKey: .lastActiveAt)
        lastActiveToken = try container.decodeIfPresent(Token.self, forKey: .lastActiveToken)
        lastActiveOrganizationID = try container.decodeIfPresent(String.self, forKey: .lastActiveOrganizationID)
        // `actor: null` decodes as `nil`, not `.null`.
        actor = try container.decodeIfPresent(JSONValue.self, forKey: .actor).flatMap { $0 == .null ? nil : $0 }
        tasks = try container.decodeIfPresent([SessionTask].self, forKey: .tasks)
        user = try container.decodeIfPresent(User.self, forKey: .user)
        publicUserData = try container.decodeIfPresent(PublicUserData.self, forKey: .publicUserData)
        factorVerificationAge = try container.decodeIfPresent([Int].self, forKey: .factorVerificationAge)
        latestActivity = try container.decodeIfPresent(SessionActivity.self, forKey: .latestActivity)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("session", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(expireAt, forKey: .expireAt)
        try container.encode(abandonAt, forKey: .abandonAt)
        try container.encode(lastActiveAt, forKey: .lastActiveAt)
        try container.encode(lastActiveToken, forKey: .lastActiveToken)
        try container.encode(lastActiveOrganizationID, forKey: .lastActiveOrganizationID)
        try container.encode(actor, forKey: .actor)
        try container.encode(tasks, forKey: .tasks)
        try container.encodeIfPresent(user, forKey: .user)
        try container.encode(publicUserData, forKey: .publicUserData)
        try container.encode(factorVerificationAge ?? [], forKey: .factorVerificationAge)
        try container.encodeIfPresent(latestActivity, forKey: .latestActivity)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
