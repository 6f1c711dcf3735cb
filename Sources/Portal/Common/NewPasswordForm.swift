import FrontendAPI

/// A new password typed twice, with live rule and match feedback (reset password, sign-up, password task).
public struct NewPasswordForm: Equatable, Sendable {
    public var password = SecretText()
    public var confirmation = SecretText()
    /// "Sign out of all other devices", on by default.
    public var signOutOfOtherSessions = true

    public init(signOutOfOtherSessions: Bool = true) {
        self.signOutOfOtherSessions = signOutOfOtherSessions
    }

    /// `Passwords match.` / `Passwords don't match.` once a confirmation is typed.
    public var matchFeedback: String? {
        guard !confirmation.isEmpty else { return nil }
        return password == confirmation ? Copy.Field.passwordsMatch : Copy.Field.passwordsDoNotMatch
    }

    /// The field errors that keep the form from being sent, or nil when it may be sent. A broken rule goes
    /// under `passwordField`, a mismatch under `confirm_password`; an empty password is held back silently.
    public func blockingErrors(feedback: PasswordFeedback?, passwordField: String = "password") -> [String: String]? {
        if let feedback, !feedback.isSatisfied { return [passwordField: feedback.message] }
        if password.isEmpty { return [:] }
        if password != confirmation { return ["confirm_password": Copy.Field.passwordsDoNotMatch] }
        return nil
    }

    /// Typing in one of the form's fields, or the sign-out checkbox.
    public enum Edit: Equatable, Sendable {
        case password(SecretText)
        case confirmation(SecretText)
        case toggleSignOutOfOtherSessions
    }

    /// Applies `edit`, clearing the error under the field it changed (the password's is under `passwordField`).
    mutating func apply(_ edit: Edit, errors: inout FormErrors, passwordField: String = "password") {
        switch edit {
        case .password(let text):
            password = text
            errors.fields[passwordField] = nil
        case .confirmation(let text):
            confirmation = text
            errors.fields["confirm_password"] = nil
        case .toggleSignOutOfOtherSessions:
            signOutOfOtherSessions.toggle()
        }
    }
}
