/// One value of a client-side form body (see ``FormFields``).
public enum FormValue: Sendable, Equatable {
    case string(String)
    /// Sent as `1` / `0`, as clerk-ios does.
    case bool(Bool)
    case int(Int)
    /// Sent as repeated keys without brackets: `k=a&k=b`.
    case strings([String])
    /// An object or non-string array, sent as a JSON string: `unsafe_metadata={"a":1}`.
    case json(JSONValue)
}

extension FormValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: String...) { self = .strings(elements) }
}
