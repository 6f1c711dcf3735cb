import Foundation

/// A parsed `application/x-www-form-urlencoded` body or query string: an ordered multi-map with typed
/// accessors, for the server side: it reads what clerk-js sends (booleans `true`/`false`, spaces `+`) and what
/// clerk-ios sends (`1`/`0`, `%20`).
///
/// Accepts `+` and `%20` for spaces, repeated keys as arrays (also `key[]`), booleans as
/// `true`/`false`/`1`/`0`, and JSON strings for object-valued fields. Parsing never traps; malformed
/// escapes and invalid UTF-8 throw ``FormDecodingError``.
public struct FormParameters: Sendable, Equatable {
    /// One `name=value` pair, decoded.
    public struct Pair: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// All pairs in input order.
    public private(set) var pairs: [Pair]

    public init(pairs: [Pair] = []) {
        self.pairs = pairs
    }

    /// Parses a raw body.
    public init(body: some Collection<UInt8>) throws(FormDecodingError) {
        pairs = []
        var offset = 0
        for segment in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
            defer { offset += segment.count + 1 }
            if segment.isEmpty { continue }
            if let equals = segment.firstIndex(of: UInt8(ascii: "=")) {
                let name = try FormURLEncoding.unescape(segment[..<equals], offset: offset)
                let valueStart = segment.index(after: equals)
                let valueOffset = offset + segment.distance(from: segment.startIndex, to: valueStart)
                let value = try FormURLEncoding.unescape(segment[valueStart...], offset: valueOffset)
                pairs.append(Pair(name: name, value: value))
            } else {
                pairs.append(Pair(name: try FormURLEncoding.unescape(segment, offset: offset), value: ""))
            }
        }
    }

    /// Parses a query string (without the leading `?`).
    public init(query: String) throws(FormDecodingError) {
        try self.init(body: Array(query.utf8))
    }

    /// Whether `name` occurs at all (even with an empty value).
    public func contains(_ name: String) -> Bool {
        pairs.contains { $0.name == name }
    }

    /// Distinct names, in first-occurrence order.
    public var names: [String] {
        var seen = Set<String>()
        return pairs.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// The first value of `name`, or `nil` if absent. An empty value (`name=`) is `""`.
    public func string(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name` and `name[]`, in order (repeated keys form an array).
    public func strings(_ name: String) -> [String] {
        let bracketed = name + "[]"
        return pairs.filter { $0.name == name || $0.name == bracketed }.map(\.value)
    }

    /// `name` as a boolean (`true`/`false`/`1`/`0`, any case); `nil` when absent or empty.
    public func bool(_ name: String) throws(FormDecodingError) -> Bool? {
        guard let value = nonEmpty(name) else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidValue(name: name, expected: "boolean")
        }
    }

    /// `name` as a decimal integer; `nil` when absent or empty.
    public func int(_ name: String) throws(FormDecodingError) -> Int? {
        guard let value = nonEmpty(name) else { return nil }
        guard let number = Int(value) else { throw .invalidValue(name: name, expected: "integer") }
        return number
    }

    /// `name` as a JSON object (e.g. `unsafe_metadata={"a":1}`); `nil` when absent or empty.
    public func jsonObject(_ name: String) throws(FormDecodingError) -> JSONObject? {
        guard let value = nonEmpty(name) else { return nil }
        guard let object = try? FAPIJSON.decode(JSONObject.self, from: Data(value.utf8)) else {
            throw .invalidValue(name: name, expected: "JSON object")
        }
        return object
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = string(name), !value.isEmpty else { return nil }
        return value
    }
}
