/// One entry of a FAPI error body (`ClerkError` in the spec): `{code, message, long_message, meta}`.
public struct ClerkAPIError: Codable, Sendable, Equatable, Error {
    /// Machine-readable code, e.g. `form_password_incorrect`.
    public var code: String
    /// Short, user-facing message.
    public var message: String
    /// Longer, user-facing message (clerk-js shows this one).
    public var longMessage: String
    public var meta: ErrorMeta?

    public init(code: String, message: String, longMessage: String, meta: ErrorMeta? = nil) {
        self.code = code
        self.message = message
        self.longMessage = longMessage
        self.meta = meta
    }

    enum CodingKeys: String, CodingKey {
        case code, message, meta
        case longMessage = "long_message"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        message = try container.decode(.message, default: "")
        longMessage = try container.decodeIfPresent(String.self, forKey: .longMessage) ?? message
        meta = try container.decodeIfPresent(ErrorMeta.self, forKey: .meta)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(longMessage, forKey: .longMessage)
        try container.encodeIfPresent(meta, forKey: .meta)
    }
}
