/// A link from an email address or phone number to the identity that created it: `{type, id}`,
/// e.g. `{"type":"oauth_google","id":"idn_…"}`.
public struct IdentificationLink: Codable, Sendable, Equatable {
    public var type: String
    public var id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }
}
