import Foundation
import FrontendAPI

/// A decoded `application/x-www-form-urlencoded` body (the spec calls FAPI "a Form Based API"): repeated keys become
/// arrays, `+` (clerk-js) and `%20` (clerk-ios) are spaces, booleans are `true|false` (clerk-js) or `1|0`
/// (clerk-ios). Bad escapes or invalid UTF-8 are rejected, never guessed.
struct FormBody: Sendable {
    private(set) var values: [String: [String]] = [:]

    init() {}

    init(parsing text: Substring) throws(APIFailure) {
        // By UTF-8 index, without the arrays `split` makes: every request's query goes through here.
        var rest = text
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "&")) ?? rest.endIndex
            let pair = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            guard !pair.isEmpty else { continue }
            let equals = pair.utf8.firstIndex(of: UInt8(ascii: "="))
            let key = try Self.decode(pair[..<(equals ?? pair.endIndex)])
            let value = try equals.map { equals throws(APIFailure) in
                try Self.decode(pair[pair.utf8.index(after: equals)...])
            } ?? ""
            guard !key.isEmpty else { continue }
            values[key, default: []].append(value)
        }
    }

    init(bytes: [UInt8]) throws(APIFailure) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .bodyInvalid }
        try self.init(parsing: Substring(text))
    }

    private static func decode(_ component: Substring) throws(APIFailure) -> String {
        // Most components (`_is_native=true`, ids) have nothing to unescape, and a Substring is valid UTF-8 already.
        if !component.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") || $0 == 0 }) {
            return String(component)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(component.utf8.count)
        var iterator = component.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .bodyInvalid
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        // A NUL is never part of a valid value, and PostgreSQL cannot store or compare text holding one.
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else { throw .bodyInvalid }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The last value for `key`, or nil when absent.
    func string(_ key: String) -> String? { values[key]?.last }

    /// The trimmed value for `key`, nil when absent or blank.
    func nonEmpty(_ key: String) -> String? {
        guard let value = string(key)?.trimmingWhitespace, !value.isEmpty else { return nil }
        return value
    }

    func required(_ key: String) throws(APIFailure) -> String {
        guard let value = nonEmpty(key) else { throw .paramMissing(key) }
        return value
    }

    /// A required wire value such as a `Strategy`, as sent (unknown values included).
    func required<Value: WireString>(_ key: String, as type: Value.Type) throws(APIFailure) -> Value {
        Value(rawValue: try required(key))
    }

    /// `true|1` or `false|0`; anything else is a 422 naming the field.
    func bool(_ key: String) throws(APIFailure) -> Bool? {
        guard let value = string(key) else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0", "": return false
        default: throw .paramInvalid(key, "\(key) must be a boolean.")
        }
    }

    /// A JSON object given as a string field (e.g. `unsafe_metadata={"a":1}`), re-serialised canonically.
    func jsonObject(_ key: String) throws(APIFailure) -> String? {
        guard let text = string(key) else { return nil }
        if text.isEmpty { return "{}" }
        guard let data = text.data(using: .utf8), text.utf8.count <= 8192,
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              object is [String: Any], nestingDepth(object) <= 16,
              let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { throw .paramInvalid(key, "\(key) must be a JSON object.") }
        return String(decoding: canonical, as: UTF8.self)
    }

    private func nestingDepth(_ value: Any) -> Int {
        switch value {
        case let dictionary as [String: Any]: 1 + (dictionary.values.map(nestingDepth).max() ?? 0)
        case let array as [Any]: 1 + (array.map(nestingDepth).max() ?? 0)
        default: 0
        }
    }
}
