import FrontendAPI

/// Clerk's UserProfile: the Account and Security pages of the signed-in user. Each section edits inline in a
/// card of its own; an action the server answers with `session_reverification_required` runs the
/// reverification flow and is retried once.
public struct ProfileMachine: Equatable, Sendable {
    /// Calls, file saves and the flow's end.
    public typealias Effect = FlowEffect<ProfileOutcome>

    public let sessionID: String
    public let config: ProfileConfig
    public internal(set) var user: User?
    public internal(set) var page: Page = .account
    public internal(set) var step: Step = .overview
    /// The user's signed-in sessions on every device (the Security page's "Active devices").
    public internal(set) var devices: [Session] = []
    public internal(set) var form = ProfileForm()
    /// The authenticator being added: its secret and `otpauth://` URI.
    public internal(set) var totp: TOTP?
    /// "Can't scan QR code?": the key as text instead of the QR code.
    public internal(set) var showsKey = false
    /// Backup codes shown once, after enabling TOTP or regenerating them.
    public internal(set) var backupCodes: [String] = []
    public internal(set) var errors = FormErrors.none
    /// What the last action did, shown on the page it returned to.
    public internal(set) var success: String?
    /// The last call met an unreachable server; "Try again" re-sends it.
    public var serverUnavailable: Bool { requests.unavailable != nil }
    public internal(set) var reverification: Reverification?

    var requests: RequestTracker<Purpose>
    var fileSave: FileSave?

    public init(sessionID: String, client: Client?, config: ProfileConfig, scope: Int) {
        self.sessionID = sessionID
        self.config = config
        self.requests = RequestTracker(scope: scope)
        self.user = client?.sessions.first { $0.id == sessionID }?.user
    }

    /// The two pages of the navbar.
    public enum Page: Equatable, Sendable {
        case account
        case security
    }

    /// The card on screen: the page itself or one inline action.
    public enum Step: Equatable, Sendable {
        case overview
        case editProfile
        case editUsername
        case addEmail
        case verifyEmail(id: String)
        case emailMenu(id: String)
        case addPhone
        case verifyPhone(id: String)
        case phoneMenu(id: String)
        case externalAccountMenu(id: String)
        /// "Connect account": the providers not connected yet.
        case connectAccount
        /// Waiting for the provider in the browser: its URL (and QR code), polled until connected.
        case connectingAccount(provider: String, url: String, accountID: String)
        case password
        case chooseMFA
        case addTOTP
        case chooseSMSPhone
        case totpMenu
        case mfaPhoneMenu(id: String)
        case regenerateBackupCodes
        /// The codes, shown once.
        case backupCodes(title: String, message: String)
        case passkeyMenu(id: String)
        case renamePasskey(id: String)
        case confirmRemoval(Removal)
        case deleteAccount
        /// "Verification required" before a sensitive action.
        case reverify
    }

    /// What a confirmation card removes.
    public enum Removal: Equatable, Sendable {
        case email(id: String)
        case phone(id: String)
        case externalAccount(id: String)
        case passkey(id: String)
        case profileImage
        case totp
        /// Stops using a phone number for SMS codes.
        case mfaPhone(id: String)
        /// Signs another device's session out.
        case device(id: String)
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        case clientChanged(Client?)
        case showPage(Page)
        /// Opens an action card (a menu, a form, a confirmation).
        case open(Step)
        case textChanged(ProfileField, String)
        case currentPasswordChanged(SecretText)
        case newPasswordChanged(SecretText)
        case confirmPasswordChanged(SecretText)
        case codeChanged(SecretText)
        case toggleSignOutOfOtherSessions
        case toggleKey
        case verifyEmail(id: String)
        case setPrimaryEmail(id: String)
        case verifyPhone(id: String)
        case setPrimaryPhone(id: String)
        case reservePhoneForSecondFactor(id: String)
        case setDefaultSecondFactor(phoneID: String)
        case chooseTOTP
        case connect(SocialProvider)
        case reconnect(accountID: String)
        case saveBackupCodes
        case resendCode
        /// "Use another method" while reverifying.
        case useAnotherFactor
        /// The card's primary button.
        case submit
        /// Escape or Cancel: the page from an action card, the home from a page.
        case back
        case retry
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    enum Purpose: Equatable, Sendable {
        case loadUser
        case loadDevices
        case saveProfile(imagePath: String?)
        case uploadImage
        case saveUsername
        case createEmail
        case prepareEmail(id: String)
        case attemptEmail(id: String)
        case setPrimary(identifier: String)
        case createPhone
        case preparePhone(id: String)
        case attemptPhone(id: String)
        case reservePhone(id: String)
        case setDefaultSecondFactor
        case changePassword(signedOutOthers: Bool)
        case createTOTP
        case verifyTOTP
        case createBackupCodes
        case renamePasskey
        case connectAccount(provider: String)
        case pollConnection(accountID: String)
        case remove(Removal, label: String)
        case deleteAccount
        case verification
    }

    /// A call and its purpose, kept to retry after the server was unreachable or after reverification.
    typealias PendingCall = RequestTracker<Purpose>.Pending

    /// Re-reads the user while a provider is being connected in the browser.
    var pollTimer: TimerID { requests.timer(.poll) }
    static let pollInterval = Duration.seconds(2)

    /// The backup codes being written to a file.
    struct FileSave: Equatable, Sendable {
        let id: RequestID
        let path: String
    }

    // MARK: Derived state for views

    /// An action is under way (background reloads of the user and devices do not count).
    public var isBusy: Bool {
        fileSave != nil || requests.contains { $0 != .loadDevices && $0 != .loadUser }
    }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }
    public var newPasswordFeedback: PasswordFeedback? { config.passwordPolicy.feedback(form.newPassword.password) }
    /// Clerk asks for the current password only when the user has one and reverification is off.
    public var asksCurrentPassword: Bool { user?.passwordEnabled == true && !config.reverification }
    public var deleteConfirmed: Bool { form[.deleteConfirmation] == Copy.Profile.deleteConfirmation }

    static let codeLength = 6
}

/// How the UserProfile flow ends.
public enum ProfileOutcome: Equatable, Sendable {
    /// Back to the signed-in home.
    case close
    /// The account was deleted, or this session ended meanwhile: reload the client.
    case sessionEnded
}

extension ProfileMachine.Purpose {
    /// Reloads that run behind the card: they neither block its buttons nor offer "Try again".
    var isBackground: Bool {
        switch self {
        case .loadUser, .loadDevices, .pollConnection: true
        default: false
        }
    }
}
