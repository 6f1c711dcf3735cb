import FrontendAPI

/// The sign-in flow (Clerk's SignIn component) as a pure state machine.
///
/// Feed it ``Event``s (keys the screen turned into intents, backend answers, timer fires) with
/// ``update(_:)``; it changes its state and returns the ``Effect``s the runtime must perform. The server
/// drives the steps: after every call the machine routes on `sign_in.status`.
public struct SignInMachine: Equatable, Sendable {
    /// Calls, timers and the flow's end.
    public typealias Effect = FlowEffect<SignInOutcome>

    public let config: SignInConfig
    /// The card on screen.
    public internal(set) var step: Step = .start
    /// The identifier field: its kind ("Use phone" cycles it) and text.
    public internal(set) var identifierKindIndex = 0
    public internal(set) var identifier = ""
    /// The start card's password (instant password) or the password card's.
    public internal(set) var password = SecretText()
    /// The code being typed on a code card.
    public internal(set) var code = SecretText()
    /// The new password on the reset card.
    public internal(set) var newPassword = NewPasswordForm()
    /// The latest sign-in the server returned.
    public internal(set) var signIn: SignIn?
    public internal(set) var errors = FormErrors.none
    /// "Resend" is available again when it runs out.
    var resendCooldown = Countdown()
    /// A 429's `Retry-After`; submitting is disabled meanwhile.
    var rateLimit = Countdown()
    /// A `user_locked` lockout, for the notice.
    var lockout = Countdown()
    /// The last call met an unreachable server; "Try again" re-sends it.
    public var serverUnavailable: Bool { requests.unavailable != nil }

    /// The first factor in use, and the one before it (the reset card's back link returns to it).
    public internal(set) var firstFactor: Factor?
    var previousFirstFactor: Factor?
    public internal(set) var secondFactor: Factor?
    var preparedFactors: Set<String> = []
    /// The password was reset in this sign-in: a second factor says why it is asked, and completion
    /// shows the success card first.
    public internal(set) var passwordWasReset = false
    /// The security key asked for its PIN: the passkey card shows a PIN field (typed into `code`).
    public internal(set) var needsPIN = false

    var requests: RequestTracker<Purpose>

    public init(config: SignInConfig, scope: Int, identifier: String = "") {
        self.config = config
        self.requests = RequestTracker(scope: scope)
        self.identifier = identifier
    }

    /// Cards of the sign-in flow.
    public enum Step: Equatable, Sendable {
        /// Identifier (and instant password).
        case start
        /// Factor one: "Enter your password".
        case password
        /// A code card: email/SMS code, reset-password code, TOTP, backup code.
        case code(CodeStage)
        /// "Check your email" while an email link is outstanding; `expired` once the link expired.
        case emailLink(expired: Bool)
        /// "Use your passkey": the authenticator answers the sign-in's challenge.
        case passkey
        /// "Use another method" for factor one.
        case alternatives(AlternativesMode)
        /// "Use another method" for factor two.
        case secondFactorAlternatives
        /// "Get help": contact support.
        case getHelp
        /// "Set new password"; `required` when the server demands it (not after a reset code).
        case resetPassword(required: Bool)
        /// "Your password was successfully changed…", then the session is activated.
        case resetPasswordSuccess(sessionID: String?)
        /// "Cannot sign in": no factor this terminal can use.
        case noAvailableMethods
        /// Signing in with a social provider in the browser at `url`, polling until it is done.
        case oauth(provider: String, url: String)
        /// The flow has finished; the parent moves on.
        case done
    }

    /// Whose code a code card takes.
    public enum CodeStage: Equatable, Sendable {
        case firstFactor
        case secondFactor
    }

    /// Variants of the first-factor method list.
    public enum AlternativesMode: Equatable, Sendable {
        case all
        /// "Forgot Password?": reset first, other methods below.
        case forgotPassword
        /// After `form_password_pwned` / `form_password_compromised`: no way back to the password.
        case passwordCompromised
    }

    /// Why a call is in flight, so its answer is routed correctly.
    enum Purpose: Equatable, Sendable {
        case create(withPassword: Bool, forgotPassword: Bool)
        case oauth(SocialProvider)
        /// Accepting an invitation with its ticket.
        case ticket(String)
        case prepare(Factor, CodeStage)
        /// A passkey challenge: a discoverable sign-in, or `prepare_first_factor strategy=passkey`.
        case passkeyChallenge
        /// The authenticator's assertion over the challenge.
        case passkeyCredential
        case attempt(Factor, CodeStage)
        case poll
        case resetPassword
    }

    /// Events: what the user did, what the server answered, which timer fired.
    public enum Event: Equatable, Sendable {
        case identifierChanged(String)
        /// "Use phone" / "Use email": the next identifier kind.
        case switchIdentifierKind
        /// "Continue with Google": sign in through the browser.
        case continueWith(SocialProvider)
        /// "Use passkey instead": sign in with a passkey, no identifier needed.
        case usePasskey
        case passwordChanged(SecretText)
        /// Typing a code; six digits submit by themselves.
        case codeChanged(SecretText)
        /// The reset card's new password, its confirmation and "Sign out of all other devices".
        case newPassword(NewPasswordForm.Edit)
        /// The card's primary button (Continue, Reset Password, …).
        case submit
        case forgotPassword
        case resend
        case useAnotherMethod
        case chooseFactor(Factor)
        case getHelp
        /// Back link, "Edit identifier" or "Sign in as a different user".
        case back
        /// The footer's "Sign up" / "Join waitlist" link.
        case goToSignUp
        /// "Try again" after the server was unreachable.
        case retry
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    // MARK: Derived state for views

    /// Seconds before "Resend" is available again; 0 when it is.
    public var resendSeconds: Int { resendCooldown.seconds }
    /// Seconds left of a 429, while it runs.
    public var rateLimitSeconds: Int? { rateLimit.remaining }
    /// Seconds left of a `user_locked` lockout, while it runs.
    public var lockoutSeconds: Int? { lockout.remaining }

    public var identifierKind: IdentifierKind { config.identifierKinds[identifierKindIndex] }

    /// The kind "Use …" switches to, if there is more than one.
    public var nextIdentifierKind: IdentifierKind? {
        config.identifierKinds.count > 1
            ? config.identifierKinds[(identifierKindIndex + 1) % config.identifierKinds.count] : nil
    }

    /// A call other than background polling is running: buttons show a spinner and ignore presses.
    public var isBusy: Bool { requests.contains { $0 != .poll } }

    public var canSubmit: Bool { !isBusy && !rateLimit.isRunning }

    /// The factor on the current code card.
    public var codeFactor: Factor? {
        guard case .code(let stage) = step else { return nil }
        return stage == .firstFactor ? firstFactor : secondFactor
    }

    /// Whether the current card offers "Didn't receive a code? Resend".
    public var offersResend: Bool {
        switch step {
        case .emailLink: true
        case .code: codeFactor.map { Self.preparedStrategies.contains($0.strategy) } ?? false
        default: false
        }
    }

    /// First factors listed on the alternatives card.
    public var alternativeFactors: [Factor] {
        FactorChoice.alternativeFirstFactors(
            signIn?.supportedFirstFactors ?? [], excluding: firstFactor, passkeys: config.usesPasskeys)
    }

    /// Second factors listed on the factor-two alternatives card.
    public var alternativeSecondFactors: [Factor] {
        FactorChoice.alternativeSecondFactors(signIn?.supportedSecondFactors ?? [], excluding: secondFactor)
    }

    public var resetPasswordFactor: Factor? {
        FactorChoice.resetPasswordFactor(signIn?.supportedFirstFactors ?? [])
    }

    /// "Use another method" is offered only when there is another method.
    public var offersAnotherMethod: Bool {
        switch step {
        case .code(.secondFactor): !alternativeSecondFactors.isEmpty
        case .password, .code(.firstFactor), .emailLink: !alternativeFactors.isEmpty
        // A discoverable sign-in knows no user yet: it has no other methods.
        case .passkey: signIn?.status == .needsFirstFactor && !alternativeFactors.isEmpty
        default: false
        }
    }

    /// Whether the alternatives card has a back link.
    public var alternativesCanGoBack: Bool {
        guard case .alternatives(let mode) = step, mode != .passwordCompromised, let factor = firstFactor else {
            return false
        }
        return FactorChoice.usable(factor, passkeys: config.usesPasskeys)
    }

    /// The identifier shown in the identity preview of factor cards.
    public var identityPreview: String { signIn?.identifier ?? identifier }

    /// Live password-rule feedback on the reset card.
    public var newPasswordFeedback: PasswordFeedback? { config.passwordPolicy.feedback(newPassword.password) }

    /// OAuth error codes Clerk replays with the server's message; others get a generic one.
    static let replayedOAuthErrors: Set<String> = [
        "not_allowed_to_sign_up", "oauth_access_denied", "not_allowed_access", "saml_user_attribute_missing",
        "oauth_email_domain_reserved_by_saml", "user_locked", "external_account_not_found", "sign_up_mode_restricted",
        "sign_up_restricted_waitlist", "organization_membership_quota_exceeded_for_sso", "captcha_invalid",
        "device_blocked", "action_blocked", "signup_rate_limit_exceeded", "user_banned", "user_deactivated",
    ]

    /// The card-level message: an error, the rate-limit countdown, or the server-unreachable notice.
    public var notice: String? {
        if serverUnavailable { return Copy.serverUnavailable }
        if let seconds = rateLimitSeconds { return Copy.rateLimited(seconds: seconds) }
        if let seconds = lockoutSeconds, errors.card != nil { return Copy.accountLocked(seconds: seconds) }
        return errors.card
    }

    /// Strategies whose code or link is sent by a prepare call.
    static let preparedStrategies: Set<Strategy> = [
        .emailCode, .phoneCode, .resetPasswordEmailCode, .resetPasswordPhoneCode, .emailLink,
    ]
    static let resendCooldown = 30
    static let emailLinkResendCooldown = 60
    static let resetSuccessDelay: Duration = .seconds(2)
}

/// How a sign-in ends.
public enum SignInOutcome: Equatable, Sendable {
    /// Signed in; the session the server created.
    case signedIn(sessionID: String?)
    /// Already signed in (`session_exists` / `identifier_already_signed_in`): activate that session, or the
    /// client's last active one when `nil`.
    case activateExistingSession(id: String?)
    /// Combined flow: the identifier has no account; continue with sign-up.
    case transferToSignUp(identifier: String, attribute: IdentifierAttribute)
    /// The footer link: go to sign-up.
    case signUp
    /// Sign-up is waitlist-only.
    case joinWaitlist
    /// The browser sign-in found no account: continue as a sign-up (`transfer=true`).
    case transferOAuthToSignUp
    /// The invitation's ticket belongs to no account yet: continue as a sign-up with it.
    case transferTicketToSignUp(ticket: String)
}
