/// A session token: `{"object":"token","jwt":"…"}` (bare from `/tokens`, nested as `last_active_token`).
public struct Token: Codable, Sendable, Equatable {
    /// The encoded JWT (RS256, three segments).
    public var jwt: String

    public init(jwt: String) {
        self.jwt = jwt
    }

    enum CodingKeys: String, CodingKey { case object, jwt }

    public init(from decoder: any Decoder) throws {
        jwt = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .jwt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("token", forKey: .object)
        try container.encode(jwt, forKey: .jwt)
    }
}

extension Token: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacts the JWT so tokens never reach logs.
    public var description: String { "Token(jwt: <redacted>)" }
    public var debugDescription: String { description }
}
