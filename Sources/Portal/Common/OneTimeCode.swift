import FrontendAPI

extension SecretText {
    /// Clerk's one-time codes (email, SMS, authenticator app) are six digits.
    static let codeLength = 6

    /// Whether this is a whole one-time code, which submits its card by itself.
    var isCompleteCode: Bool { count == Self.codeLength && value.allSatisfy(\.isNumber) }
}
