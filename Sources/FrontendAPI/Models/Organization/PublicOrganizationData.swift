/// The public face of an organization, embedded in invitations, suggestions and domains.
public struct PublicOrganizationData: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var slug: String?
    public var imageURL: String?
    public var hasImage: Bool

    public init(id: String, name: String, slug: String? = nil, imageURL: String? = nil, hasImage: Bool = false) {
        self.id = id
        self.name = name
        self.slug = slug
        self.imageURL = imageURL
        self.hasImage = hasImage
    }

    enum CodingKeys: String, CodingKey {
        case id, name, slug
        case imageURL = "image_url"
        case hasImage = "has_image"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        slug = try container.decodeIfPresent(String.self, forKey: .slug)
        imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
        hasImage = try container.decode(.hasImage, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(slug ?? "", forKey: .slug)
        try container.encodeIfPresent(imageURL, forKey: .imageURL)
        try container.encode(hasImage, forKey: .hasImage)
    }
}
