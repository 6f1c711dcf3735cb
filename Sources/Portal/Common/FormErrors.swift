import FrontendAPI

/// Errors shown on a card: at most one card-level alert plus messages under individual fields.
///
/// Mirrors clerk-js `handleError`: an error whose `meta.param_name` names a field of the form goes under
/// that field; otherwise the first error becomes the card alert.
public struct FormErrors: Equatable, Sendable {
    public var card: String?
    /// Field messages keyed by the wire parameter name (`identifier`, `password`, `code`, …).
    public var fields: [String: String]

    public init(card: String? = nil, fields: [String: String] = [:]) {
        self.card = card
        self.fields = fields
    }

    public static let none = FormErrors()

    public var isEmpty: Bool { card == nil && fields.isEmpty }

    public subscript(field: String) -> String? { fields[field] }

    /// Sorts API errors onto the form's fields (`fieldNames`, snake_case) or the card.
    public init(_ errors: [ClerkAPIError], fieldNames: Set<String>) {
        var card: String?
        var fields: [String: String] = [:]
        for error in errors {
            if let param = error.meta?.paramName.map(Self.snakeCase), fieldNames.contains(param) {
                fields[param] = fields[param] ?? error.longMessage
            } else if card == nil {
                card = error.longMessage
            }
        }
        self.init(card: card, fields: fields)
    }

    /// `emailAddress` → `email_address`; snake_case names pass through.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
