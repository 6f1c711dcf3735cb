/// Password rules: length in code points (NIST), optional composition rules, and the common-password blocklist.
struct PasswordPolicy: Sendable {
    let settings: PasswordSettings
    /// `Passwords/common-passwords.txt`, compiled in by the EmbedText build plugin; built on first use, then shared.
    static let blocklist: Set<String> = Set(CommonPasswords.text.split(separator: "\n").map(String.init))

    init(settings: PasswordSettings) { self.settings = settings }

    func validate(_ password: String) throws(APIFailure) {
        let length = password.unicodeScalars.count
        if length < settings.minLength { throw .passwordTooShort(settings.minLength) }
        if length > settings.maxLength { throw .passwordTooLong(settings.maxLength) }
        if settings.requireLowercase, !password.contains(where: \.isLowercase) {
            throw .passwordComposition("Your password must contain a lowercase letter.")
        }
        if settings.requireUppercase, !password.contains(where: \.isUppercase) {
            throw .passwordComposition("Your password must contain an uppercase letter.")
        }
        if settings.requireNumbers, !password.contains(where: \.isNumber) {
            throw .passwordComposition("Your password must contain a number.")
        }
        if settings.requireSpecialChar, !password.contains(where: { !$0.isLetter && !$0.isNumber }) {
            throw .passwordComposition("Your password must contain a special character.")
        }
        if settings.rejectCommon, Self.blocklist.contains(password.lowercased()) || Self.blocklist.contains(password) {
            throw .passwordPwned
        }
    }

    static func isCommon(_ password: String) -> Bool { blocklist.contains(password) }
}
