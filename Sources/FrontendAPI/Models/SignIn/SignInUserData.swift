/// What a sign-in reveals about the user being signed in (`user_data`), for greeting them.
public struct SignInUserData: Codable, Sendable, Equatable {
    public var firstName: String?
    public var lastName: String?
    public var imageURL: String?
    public var hasImage: Bool

    public init(firstName: String? = nil, lastName: String? = nil, imageURL: String? = nil, hasImage: Bool = false) {
        self.firstName = firstName
        self.lastName = lastName
        self.imageURL = imageURL
        self.hasImage = hasImage
    }

    enum CodingKeys: String, CodingKey {
        case firstName = "first_name"
        case lastName = "last_name"
        case imageURL = "image_url"
        case hasImage = "has_image"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        firstName = try container.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
        imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
        hasImage = try container.decode(.hasImage, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encodeIfPresent(imageURL, forKey: .imageURL)
        try container.encode(hasImage, forKey: .hasImage)
    }
}
