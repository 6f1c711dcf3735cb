/// The `{response, client}` envelope wrapping most FAPI responses.
///
/// `client` is the full current Client, piggy-backed on every wrapped response (or `null`, e.g. after the
/// client was destroyed). Both keys are always written, `null` included.
public struct ClientResponse<Response: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var response: Response
    public var client: Client?

    public init(response: Response, client: Client?) {
        self.response = response
        self.client = client
    }

    enum CodingKeys: String, CodingKey { case response, client }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let optional = Response.self as? any OptionalDecodable.Type {
            // `response: null` (or absent) is valid when the response type is optional.
            response = try optional.decodeOptional(from: container, key: .response) as! Response
        } else {
            response = try container.decode(Response.self, forKey: .response)
        }
        client = try container.decodeIfPresent(Client.self, forKey: .client)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(response, forKey: .response)
        try container.encode(client, forKey: .client)
    }
}

/// Lets ``ClientResponse`` treat a missing `response` key as `nil` when `Response` is an `Optional`.
private protocol OptionalDecodable {
    static func decodeOptional<K: CodingKey>(from container: KeyedDecodingContainer<K>, key: K) throws -> Self
}

extension Optional: OptionalDecodable where Wrapped: Decodable {
    fileprivate static func decodeOptional<K: CodingKey>(
        from container: KeyedDecodingContainer<K>, key: K
    ) throws -> Self {
        try container.decodeIfPresent(Wrapped.self, forKey: key)
    }
}
