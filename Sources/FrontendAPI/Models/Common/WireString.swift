/// A string-valued wire enumeration that keeps values it does not know.
///
/// FAPI grows new statuses and strategies over time; a conforming type decodes any string and encodes it
/// back unchanged. Known values are exposed as static constants, so `switch` works with `case .complete:`
/// plus a `default:` branch.
public protocol WireString: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String
{
    init(rawValue: String)
}

extension WireString {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
