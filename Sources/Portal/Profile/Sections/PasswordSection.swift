import FrontendAPI

/// "Password": set one, or update it; other devices are signed out unless the user unticks it.
public struct PasswordSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        case change
    }

    enum Purpose: Equatable, Sendable {
        case change(signedOutOthers: Bool)
    }

    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?

    public init() {}

    static var fieldNames: Set<String> { ["new_password", "current_password", "password"] }

    mutating func submit(_ profile: inout Context) {
        let new = profile.form.newPassword
        let feedback = profile.config.passwordPolicy.feedback(new.password)
        if let blocking = new.blockingErrors(feedback: feedback, passwordField: "new_password") {
            profile.errors.fields.merge(blocking) { $1 }
            return
        }
        let asksCurrent = Self.asksCurrentPassword(profile.user, profile.config)
        if asksCurrent, profile.form.currentPassword.isEmpty {
            profile.errors.fields["current_password"] = Copy.Field.enterCurrentPassword
            return
        }
        let call = ProfileCall.changePassword(
            current: asksCurrent ? profile.form.currentPassword : nil, new: new.password,
            signOutOfOtherSessions: new.signOutOfOtherSessions)
        profile.send(call, .change(signedOutOthers: new.signOutOfOtherSessions))
    }

    /// Back to the page saying what changed; the devices list reloads, since others may have been signed out.
    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        guard case .change(let signedOutOthers) = purpose else { return }
        let done = profile.user?.passwordEnabled == true ? Copy.Profile.passwordUpdated : Copy.Profile.passwordSet
        profile.close(notice: signedOutOthers ? done + " " + Copy.Profile.otherDevicesSignedOut : done)
        profile.reloadPage()
    }

    /// The server names the new password `password` in some errors; it goes under the new-password field.
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context) {
        profile.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
        if let message = profile.errors.fields.removeValue(forKey: "password") {
            profile.errors.fields["new_password"] = message
        }
    }

    /// Clerk asks for the current password only when the user has one and reverification is off.
    static func asksCurrentPassword(_ user: User?, _ config: ProfileConfig) -> Bool {
        user?.passwordEnabled == true && !config.reverification
    }
}

extension ProfileMachine {
    /// Clerk asks for the current password only when the user has one and reverification is off.
    public var asksCurrentPassword: Bool { PasswordSection.asksCurrentPassword(user, config) }

    /// Live rule feedback under the new password.
    public var newPasswordFeedback: PasswordFeedback? { config.passwordPolicy.feedback(form.newPassword.password) }
}
