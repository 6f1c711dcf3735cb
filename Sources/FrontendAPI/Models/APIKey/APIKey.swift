import Foundation

/// An API key of a user or an organization (`object: "api_key"`, the spec's API Keys tag; clerk-js `APIKey`). Its
/// `secret` is in the answer that creates it, and nowhere else.
public struct APIKey: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var type: String
    /// The owner: a `user_…` or `org_…` id.
    public var subject: String
    public var name: String
    public var description: String?
    public var claims: JSONValue?
    public var scopes: [String]
    /// Only when just created.
    public var secret: String?
    public var revoked: Bool
    public var revocationReason: String?
    public var expired: Bool
    public var expiration: Date?
    public var createdBy: String?
    public var lastUsedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, type: String = "api_key", subject: String, name: String, description: String? = nil,
        claims: JSONValue? = nil, scopes: [String] = [], secret: String? = nil, revoked: Bool = false,
        revocationReason: String? = nil, expired: Bool = false, expiration: Date? = nil, createdBy: String? = nil,
        lastUsedAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.type = type
        self.subject = subject
        self.name = name
        self.description = description
        self.claims = claims
        self.scopes = scopes
        self.secret = secret
        self.revoked = revoked
        self.revocationReason = revocationReason
        self.expired = expired
        self.expiration = expiration
        self.createdBy = createdBy
        self.lastUsedAt = lastUsedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, type, subject, name, description, claims, scopes, secret, revoked, expired, expiration
        case revocationReason = "revocation_reason", createdBy = "created_by", lastUsedAt = "last_used_at"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(.type, default: "api_key")
        subject = try c.decode(String.self, forKey: .subject)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        claims = try c.decodeIfPresent(JSONValue.self, forKey: .claims)
        scopes = try c.decode(.scopes, default: [])
        secret = try c.decodeIfPresent(String.self, forKey: .secret)
        revoked = try c.decode(.revoked, default: false)
        revocationReason = try c.decodeIfPresent(String.self, forKey: .revocationReason)
        expired = try c.decode(.expired, default: false)
        expiration = try c.decodeIfPresent(Date.self, forKey: .expiration)
        createdBy = try c.decodeIfPresent(String.self, forKey: .createdBy)
        lastUsedAt = try c.decodeIfPresent(Date.self, forKey: .lastUsedAt)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
    }

    /// Every key the spec requires, nulls included; `secret` only when there is one.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("api_key", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(subject, forKey: .subject)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(claims, forKey: .claims)
        try c.encode(scopes, forKey: .scopes)
        try c.encodeIfPresent(secret, forKey: .secret)
        try c.encode(revoked, forKey: .revoked)
        try c.encode(revocationReason, forKey: .revocationReason)
        try c.encode(expired, forKey: .expired)
        try c.encode(expiration, forKey: .expiration)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(lastUsedAt, forKey: .lastUsedAt)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
