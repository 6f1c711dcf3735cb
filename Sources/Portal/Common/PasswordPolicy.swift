import FrontendAPI

/// The instance's password rules (`password_settings` of the environment), checked live as the user types, with
/// Clerk's wording for each broken rule.
public struct PasswordPolicy: Equatable, Sendable {
    public var settings: UserSettings.PasswordSettings

    public init(_ settings: UserSettings.PasswordSettings) { self.settings = settings }

    /// One rule the password breaks.
    public enum Rule: Equatable, Sendable {
        case maximumLength(Int)
        case minimumLength(Int)
        case specialCharacter
        case lowercase
        case number
        case uppercase

        var phrase: String {
            typealias C = Copy.Errors.PasswordComplexity
            return switch self {
            case .maximumLength(let length): C.maximumLength(length)
            case .minimumLength(let length): C.minimumLength(length)
            case .specialCharacter: C.requireSpecialCharacter
            case .lowercase: C.requireLowercase
            case .number: C.requireNumbers
            case .uppercase: C.requireUppercase
            }
        }
    }

    /// The rules `password` breaks, in Clerk's order.
    public func brokenRules(_ password: SecretText) -> [Rule] {
        let text = password.value
        let length = text.count
        let special = Set(settings.allowedSpecialCharacters)
        var broken: [Rule] = []
        if settings.maxLength > 0, length >= settings.maxLength { broken.append(.maximumLength(settings.maxLength)) }
        if length < settings.minLength { broken.append(.minimumLength(settings.minLength)) }
        if settings.requireSpecialChar, !text.contains(where: special.contains) { broken.append(.specialCharacter) }
        if settings.requireLowercase, !text.contains(where: \.isLowercase) { broken.append(.lowercase) }
        if settings.requireNumbers, !text.contains(where: \.isNumber) { broken.append(.number) }
        if settings.requireUppercase, !text.contains(where: \.isUppercase) { broken.append(.uppercase) }
        return broken
    }

    /// Live feedback under a new-password field; `nil` while the field is empty.
    public func feedback(_ password: SecretText) -> PasswordFeedback? {
        guard !password.isEmpty else { return nil }
        var broken = brokenRules(password)
        if broken.isEmpty { return .meetsRequirements }
        // Clerk shows a too-short password on its own first.
        if let short = broken.first(where: { if case .minimumLength = $0 { true } else { false } }) {
            broken = [short]
        }
        let list = Self.listFormat(broken.map(\.phrase))
        return .unmet(broken, message: "\(Copy.Errors.PasswordComplexity.sentencePrefix) \(list).")
    }

    /// English list: "a", "a and b", "a, b, and c".
    static func listFormat(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
        }
    }
}

/// What the live password check says.
public enum PasswordFeedback: Equatable, Sendable {
    case meetsRequirements
    case unmet([PasswordPolicy.Rule], message: String)

    public var message: String {
        switch self {
        case .meetsRequirements: Copy.Errors.passwordMeetsRequirements
        case .unmet(_, let message): message
        }
    }

    public var isSatisfied: Bool { self == .meetsRequirements }
}
