import FrontendAPI

/// A task a `pending` session must finish before it becomes active (Clerk's SessionTasks):
/// `reset-password` (a new password) and `setup-mfa` (an authenticator app or SMS codes, then backup codes;
/// `SessionTaskMachine+SMS.swift`).
public struct SessionTaskMachine: Equatable, Sendable {
    /// Calls, timers and the flow's end.
    public typealias Effect = FlowEffect<SessionTaskOutcome>

    public let task: SessionTask.Key
    public let sessionID: String
    /// For the footer: "Signed in as {identifier}".
    public let identifier: String
    public let passwordPolicy: PasswordPolicy
    /// The second factors "Set up two-step verification" offers.
    public let methods: SecondFactorMethods
    public internal(set) var step: Step
    public internal(set) var newPassword = NewPasswordForm()
    public internal(set) var code = SecretText()
    /// The authenticator being set up: its secret and `otpauth://` URI, later its backup codes.
    public internal(set) var totp: TOTP?
    /// "Can't scan QR code?": show the key as text instead of the QR code.
    public internal(set) var showsKey = false
    /// The phone number being set up for SMS codes: as typed, then the server's once added.
    public internal(set) var phoneNumber = ""
    public internal(set) var phone: PhoneNumber?
    /// The backup codes shown once the second factor is set up.
    public internal(set) var backupCodes: [String] = []
    public internal(set) var errors = FormErrors.none
    /// The last call met an unreachable server; "Try again" re-sends it.
    public var serverUnavailable: Bool { requests.unavailable != nil }

    var requests: RequestTracker<Purpose>

    public init(
        task: SessionTask.Key, sessionID: String, identifier: String, passwordPolicy: PasswordPolicy,
        methods: SecondFactorMethods = SecondFactorMethods(), scope: Int
    ) {
        self.task = task
        self.sessionID = sessionID
        self.identifier = identifier
        self.passwordPolicy = passwordPolicy
        self.methods = methods
        self.requests = RequestTracker(scope: scope)
        self.step =
            switch task {
            case .resetPassword: .resetPassword
            case .setupMFA: .chooseMethod
            default: .unsupported
            }
    }

    /// Cards of the task.
    public enum Step: Equatable, Sendable {
        /// "Reset your password": new password, confirmation, "Sign out of all other devices".
        case resetPassword
        /// "Set up two-step verification": choose the method.
        case chooseMethod
        /// "Add authenticator application": the QR code / key and the verification code.
        case verifyAuthenticator
        /// "Add SMS code verification": the phone number.
        case addPhone
        /// "Verify your phone number": the code sent to it.
        case verifyPhone
        /// "Authenticator application verification enabled" or "SMS code verification enabled": the backup codes,
        /// then Continue.
        case backupCodes
        /// A task this terminal does not know (named by its key): continue in a browser. The choose-organization
        /// task is the organization list's.
        case unsupported
    }

    enum Purpose: Equatable, Sendable {
        case changePassword
        case createTOTP
        case verifyTOTP
        case addPhone
        case preparePhone
        case verifyPhone
        case reservePhone
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        /// The reset card's new password, its confirmation and "Sign out of all other devices".
        case newPassword(NewPasswordForm.Edit)
        /// "Authenticator application".
        case chooseAuthenticatorApp
        /// "SMS code".
        case chooseSMSCode
        case phoneNumberChanged(String)
        /// "Can't scan QR code?" / "Scan QR code instead".
        case toggleKey
        case codeChanged(SecretText)
        /// The card's primary button.
        case submit
        /// Cancel on the authenticator card: back to the method choice.
        case back
        /// The footer's "Sign out".
        case signOut
        case retry
        case response(RequestID, BackendOutcome)
    }

    public var isBusy: Bool { !requests.isEmpty }
    public var newPasswordFeedback: PasswordFeedback? { passwordPolicy.feedback(newPassword.password) }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }

}

/// The second factors an instance offers (`used_for_second_factor`).
public struct SecondFactorMethods: Equatable, Sendable {
    public var totp: Bool
    public var sms: Bool

    public init(totp: Bool = true, sms: Bool = false) {
        self.totp = totp
        self.sms = sms
    }

    public init(_ settings: UserSettings) {
        func secondFactor(_ name: String) -> Bool { settings.enabledAttribute(name)?.usedForSecondFactor == true }
        let sms = secondFactor("phone_number")
        // The authenticator app unless the instance offers SMS codes alone: the task must offer something.
        self.init(totp: secondFactor("authenticator_app") || !sms, sms: sms)
    }
}

/// How a session task ends.
public enum SessionTaskOutcome: Equatable, Sendable {
    /// The task is done; the session may have another task or be active.
    case completed
    case signOut(sessionID: String)
}
