import Foundation

/// Turns an `Encodable` parameter struct into ``FormFields`` the way clerk-ios does: top-level property
/// names are converted from camelCase to snake_case (`emailAddress` → `email_address`), `nil` properties
/// are dropped, string arrays become repeated keys, and nested objects or mixed arrays become JSON
/// strings whose own keys are left unchanged.
public struct FormEncoder: Sendable {
    public init() {}

    /// Encodes `value`, which must encode as a keyed object.
    public func encode(_ value: some Encodable) throws -> FormFields {
        let json = try FAPIJSON.decode(JSONValue.self, from: FAPIJSON.encode(value))
        guard case .object(let object) = json else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Form parameters must encode as an object"))
        }
        var fields = FormFields()
        for (key, member) in object {
            fields[Self.snakeCase(key)] = Self.formValue(member)
        }
        return fields
    }

    private static func formValue(_ value: JSONValue) -> FormValue? {
        switch value {
        case .null: return nil
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .string(String(number))
        case .double(let number): return .string(String(number))
        case .string(let text): return .string(text)
        case .array(let items):
            let strings = items.compactMap(\.stringValue)
            return strings.count == items.count ? .strings(strings) : .json(value)
        case .object: return .json(value)
        }
    }

    /// `camelCase` → `camel_case`; a run of capitals is one word (`redirectURL` → `redirect_url`,
    /// `myURLValue` → `my_url_value`).
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        var output = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    output.append("_")
                }
            }
            output += character.lowercased()
        }
        return output
    }
}
