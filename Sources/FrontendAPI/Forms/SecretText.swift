/// Text the user typed that must never reach a log, snapshot or scrollback (passwords, codes).
///
/// Equality compares the text; every textual description is redacted. It encodes as the plain text, so the
/// parameter types send it as the form field it stands for.
public struct SecretText: Equatable, Sendable, Encodable, CustomStringConvertible, CustomDebugStringConvertible,
    ExpressibleByStringLiteral
{
    /// The typed text. Read it only to send it or to check it.
    public var value: String

    public init(_ value: String = "") { self.value = value }
    public init(stringLiteral value: String) { self.value = value }

    public var isEmpty: Bool { value.isEmpty }
    /// How many characters were typed.
    public var count: Int { value.count }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
