/// A feature a plan grants (`object: "feature"`). Ids start with `feat_`.
public struct BillingFeature: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    public var slug: String
    public var avatarURL: String?

    public init(id: String, name: String, description: String?, slug: String, avatarURL: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.slug = slug
        self.avatarURL = avatarURL
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, description, slug
        case avatarURL = "avatar_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(.name, default: "")
        description = try c.decodeIfPresent(String.self, forKey: .description)
        slug = try c.decode(.slug, default: "")
        avatarURL = try c.decodeIfPresent(String.self, forKey: .avatarURL)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("feature", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(slug, forKey: .slug)
        try c.encode(avatarURL, forKey: .avatarURL)
    }
}
