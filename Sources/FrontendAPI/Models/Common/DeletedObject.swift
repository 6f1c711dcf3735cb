/// The response to a delete: `{object, id?, slug?, deleted: true}`.
public struct DeletedObject: Codable, Sendable, Equatable {
    /// The deleted object's type, e.g. `email_address`, `totp`.
    public var object: String
    public var id: String?
    public var slug: String?
    public var deleted: Bool

    public init(object: String, id: String? = nil, slug: String? = nil, deleted: Bool = true) {
        self.object = object
        self.id = id
        self.slug = slug
        self.deleted = deleted
    }
}
