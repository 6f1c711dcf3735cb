import Foundation

/// A client-side `application/x-www-form-urlencoded` body, encoded exactly as clerk-ios sends it:
/// pairs sorted by key, `nil` dropped, booleans `1`/`0`, string arrays as repeated keys without brackets,
/// objects as JSON strings, spaces as `%20` (clerk-ios `Utils/URLEncodedFormEncoder.swift` and
/// `Networking/Middleware/ClerkURLEncodedFormEncoderMiddleware.swift`).
///
/// Keys are the wire names (`email_address`, `strategy`); ``FormEncoder`` builds one from an `Encodable`
/// with camelCase properties.
///
/// ```swift
/// let body: FormFields = ["identifier": "a@b.co", "password": .string(secret)]
/// request.body = body.encodedData
/// ```
public struct FormFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var values: [String: FormValue]

    public init() {
        values = [:]
    }

    /// A body from `values`; `nil` entries are dropped.
    public init(_ values: [String: FormValue?]) {
        self.values = values.compactMapValues { $0 }
    }

    public init(dictionaryLiteral elements: (String, FormValue?)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The value for `key`; assigning `nil` removes it.
    public subscript(key: String) -> FormValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The encoded `name=value` pairs in wire order.
    public var pairs: [(name: String, value: String)] {
        values.sorted { $0.key < $1.key }.flatMap { key, value -> [(name: String, value: String)] in
            switch value {
            case .string(let value): [(key, value)]
            case .bool(let value): [(key, value ? "1" : "0")]
            case .int(let value): [(key, String(value))]
            case .strings(let items): items.map { (key, $0) }
            case .json(let value): [(key, Self.jsonString(value))]
            }
        }
    }

    /// The body as a string, e.g. `identifier=a%40b.co&strategy=email_code`.
    public var encodedString: String {
        pairs.map { FormURLEncoding.escape($0.name) + "=" + FormURLEncoding.escape($0.value) }
            .joined(separator: "&")
    }

    /// The body as UTF-8 bytes.
    public var encodedData: Data { Data(encodedString.utf8) }

    private static func jsonString(_ value: JSONValue) -> String {
        // Encoding a JSONValue cannot fail: it holds only JSON-representable values (non-finite doubles
        // excepted, which fall back to null).
        let data = (try? FAPIJSON.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
