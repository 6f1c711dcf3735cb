/// Which identifier the sign-in start field takes. Email and username share one field, as in Clerk.
public enum IdentifierKind: String, Equatable, Sendable, CaseIterable {
    case emailOrUsername
    case email
    case username
    case phone

    public var label: String {
        switch self {
        case .emailOrUsername: Copy.Field.emailAddressOrUsername
        case .email: Copy.Field.emailAddress
        case .username: Copy.Field.username
        case .phone: Copy.Field.phoneNumber
        }
    }

    public var placeholder: String {
        switch self {
        case .emailOrUsername: Copy.Field.emailAddressOrUsernamePlaceholder
        case .email: Copy.Field.emailAddressPlaceholder
        case .username: Copy.Field.usernamePlaceholder
        case .phone: Copy.Field.phoneNumberPlaceholder
        }
    }

    /// The link that switches the field to this kind: "Use phone", "Use email", …
    public var switchLinkLabel: String {
        switch self {
        case .emailOrUsername: Copy.SignIn.useEmailOrUsername
        case .email: Copy.SignIn.useEmail
        case .username: Copy.SignIn.useUsername
        case .phone: Copy.SignIn.usePhone
        }
    }
}

/// What a typed identifier is, for the sign-in → sign-up transfer.
public enum IdentifierAttribute: String, Equatable, Sendable {
    case emailAddress
    case phoneNumber
    case username

    /// Classifies `value` typed into a field of `kind` (clerk-js `getSignUpAttributeFromIdentifier`).
    public init(value: String, kind: IdentifierKind) {
        if kind == .phone {
            self = .phoneNumber
        } else if Self.looksLikeEmail(value) {
            self = .emailAddress
        } else {
            self = .username
        }
    }

    /// `something@something.something` without spaces.
    static func looksLikeEmail(_ value: String) -> Bool {
        guard !value.contains(where: \.isWhitespace), let at = value.firstIndex(of: "@") else { return false }
        let local = value[..<at]
        let domain = value[value.index(after: at)...]
        guard !local.isEmpty, let dot = domain.lastIndex(of: ".") else { return false }
        return dot != domain.startIndex && domain.index(after: dot) != domain.endIndex
    }
}
