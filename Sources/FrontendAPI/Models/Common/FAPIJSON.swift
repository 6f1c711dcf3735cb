import Foundation

/// The one JSON configuration both the client and the local server use for FAPI bodies.
///
/// - Keys: every model spells its snake_case keys in explicit `CodingKeys`; no key strategy is set, so
///   dictionary keys (e.g. `oauth_google` inside `user_settings.social`) pass through unchanged.
/// - Dates: integer Unix epoch **milliseconds** (`1700690400000`), never fractional or exponent form.
/// - Output is deterministic (sorted keys) and does not escape `/`.
public enum FAPIJSON {
    /// A fresh encoder with the FAPI configuration.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.fapiMilliseconds)
        }
        return encoder
    }

    /// A fresh decoder with the FAPI configuration. Accepts integer milliseconds (and, tolerantly,
    /// a fractional number of milliseconds).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let milliseconds = try? container.decode(Int64.self) {
                return Date(fapiMilliseconds: milliseconds)
            }
            let milliseconds = try container.decode(Double.self)
            guard milliseconds.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Timestamp is not finite")
            }
            return Date(timeIntervalSince1970: milliseconds / 1000)
        }
        return decoder
    }

    /// Encodes `value` with ``encoder``.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder.encode(value)
    }

    /// Decodes a `T` from `data` with ``decoder``.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder.decode(type, from: data)
    }
}

extension Date {
    /// This date as whole Unix epoch milliseconds, the FAPI wire representation.
    public var fapiMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The date `milliseconds` after the Unix epoch.
    public init(fapiMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
