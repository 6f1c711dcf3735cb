import FrontendAPI

/// The sign-up flow (Clerk's SignUp component) as a pure state machine: the form, verification of email
/// and phone by code (or email link), the continue card for missing fields, the restricted modes and, where sign-up
/// is by waitlist, Clerk's Waitlist component (`SignUpMachine+Waitlist.swift`).
public struct SignUpMachine: Equatable, Sendable {
    /// Calls, timers and the flow's end.
    public typealias Effect = FlowEffect<SignUpOutcome>

    public let config: SignUpConfig
    public internal(set) var step: Step
    /// Text fields by wire name (`first_name`, `email_address`, …).
    public internal(set) var values: [SignUpField: String] = [:]
    public internal(set) var password = SecretText()
    public internal(set) var legalAccepted = false
    /// With ``SignUpConfig/emailOrPhone``: whether the form shows the phone field instead of email.
    public internal(set) var usesPhone = false
    public internal(set) var code = SecretText()
    public internal(set) var signUp: SignUp?
    public internal(set) var errors = FormErrors.none
    /// "Resend" is available again when it runs out.
    var resendCooldown = Countdown()
    /// A 429's `Retry-After`; submitting is disabled meanwhile.
    var rateLimit = Countdown()
    /// The last call met an unreachable server; "Try again" re-sends it.
    public var serverUnavailable: Bool { requests.unavailable != nil }

    var requests: RequestTracker<Purpose>

    /// A fresh sign-up form; restricted and waitlist instances show the "Access restricted" card instead.
    public init(config: SignUpConfig, scope: Int) {
        self.config = config
        self.requests = RequestTracker(scope: scope)
        self.step = config.mode == .public ? .start : .restricted
    }

    /// Cards of the sign-up flow.
    public enum Step: Equatable, Sendable {
        case start
        /// "Access restricted": sign-up is by invitation or waitlist only; an invitation link can be pasted here.
        case restricted
        /// "Join the waitlist": the email address to leave.
        case waitlist
        /// "Thanks for joining the waitlist!"
        case waitlistJoined
        /// "Fill in missing fields".
        case continueMissing
        /// "Verify your email" / "Verify your phone" by code.
        case verifyCode(SignUpField)
        /// "Verify your email" by link, polling until it is used; `expired` once it expired.
        case verifyEmailLink(expired: Bool)
        case done
    }

    enum Purpose: Equatable, Sendable {
        case create
        case update
        case prepare(SignUpField)
        case attempt(SignUpField)
        case poll
        case joinWaitlist
    }

    /// What the user did, what the server answered, which timer fired.
    public enum Event: Equatable, Sendable {
        case fieldChanged(SignUpField, String)
        case passwordChanged(SecretText)
        case toggleLegalAccepted
        /// "Use phone instead" / "Use email instead".
        case switchEmailPhone
        case submit
        case codeChanged(SecretText)
        case resend
        /// Back link / "Edit": return to the form.
        case back
        /// "Already have an account? Sign in".
        case goToSignIn
        case joinWaitlist
        case retry
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    // MARK: Derived state for views

    /// The fields on the current card.
    public var visibleFields: [FieldSpec] {
        switch step {
        case .start:
            return config.fields.filter { spec in
                guard config.emailOrPhone else { return true }
                return spec.field != (usesPhone ? .emailAddress : .phoneNumber)
            }
        case .waitlist:
            return [FieldSpec(field: .emailAddress, required: true)]
        case .restricted:
            return [FieldSpec(field: .invitationLink, required: false)]
        case .continueMissing:
            let missing = signUp?.missingFields ?? []
            return missing.compactMap { field in
                guard Self.formFields.contains(field) else { return nil }
                return config.fields.first { $0.field == field } ?? FieldSpec(field: field, required: true)
            }
        default:
            return []
        }
    }

    /// Whether the current card shows the legal-consent checkbox.
    public var showsLegalConsent: Bool {
        switch step {
        case .start: config.legalConsent
        case .continueMissing: signUp?.missingFields.contains(.legalAccepted) ?? false
        default: false
        }
    }

    /// The "Use phone instead" / "Use email instead" link, when the form has one.
    public var emailPhoneSwitchLabel: String? {
        guard step == .start, config.emailOrPhone else { return nil }
        return usesPhone ? Copy.SignUp.useEmailInstead : Copy.SignUp.usePhoneInstead
    }

    /// Seconds before "Resend" is available again; 0 when it is.
    public var resendSeconds: Int { resendCooldown.seconds }
    /// Seconds left of a 429, while it runs.
    public var rateLimitSeconds: Int? { rateLimit.remaining }

    public var isBusy: Bool { requests.contains { $0 != .poll } }
    public var canSubmit: Bool { !isBusy && !rateLimit.isRunning }

    public var passwordFeedback: PasswordFeedback? { config.passwordPolicy.feedback(password) }

    /// Where the code or link was sent, for "Verify your email" subtitles.
    public var verificationTarget: String? {
        switch step {
        case .verifyCode(.phoneNumber): signUp?.phoneNumber
        case .verifyCode, .verifyEmailLink: signUp?.emailAddress
        default: nil
        }
    }

    public var notice: String? {
        if serverUnavailable { return Copy.serverUnavailable }
        if let seconds = rateLimitSeconds { return Copy.rateLimited(seconds: seconds) }
        return errors.card
    }

    /// Fields typed into the form (others, like `legal_accepted`, are controls).
    static let formFields: [SignUpField] = [.firstName, .lastName, .username, .emailAddress, .phoneNumber, .password]
    static let resendCooldown = 30
    static let emailLinkResendCooldown = 60
}

/// How a sign-up ends.
public enum SignUpOutcome: Equatable, Sendable {
    case signedUp(sessionID: String?)
    case signIn
}
