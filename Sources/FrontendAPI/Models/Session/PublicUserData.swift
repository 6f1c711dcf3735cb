/// The public face of a user, embedded in sessions, memberships and membership requests.
public struct PublicUserData: Codable, Sendable, Equatable {
    public var firstName: String?
    public var lastName: String?
    public var imageURL: String
    public var hasImage: Bool
    /// The identifier the user signed in with (email, phone or username).
    public var identifier: String
    public var userID: String?
    public var username: String?

    public init(
        firstName: String? = nil, lastName: String? = nil, imageURL: String, hasImage: Bool,
        identifier: String, userID: String? = nil, username: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.imageURL = imageURL
        self.hasImage = hasImage
        self.identifier = identifier
        self.userID = userID
        self.username = username
    }

    enum CodingKeys: String, CodingKey {
        case firstName = "first_name"
        case lastName = "last_name"
        case imageURL = "image_url"
        case hasImage = "has_image"
        case identifier
        case userID = "user_id"
        case username
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(imageURL, forKey: .imageURL)
        try container.encode(hasImage, forKey: .hasImage)
        try container.encode(identifier, forKey: .identifier)
        try container.encode(userID, forKey: .userID)
        try container.encode(username, forKey: .username)
    }
}
