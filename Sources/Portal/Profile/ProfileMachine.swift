import FrontendAPI

/// Clerk's UserProfile: the Account and Security pages of the signed-in user, each a list of sections
/// (``PageSection``) whose cards edit inline.
///
/// The machine keeps page navigation, the form, "Try again" (``SectionedFlow``) and the reverification wrapper: an
/// action the server answers with `session_reverification_required` runs Clerk's reverification, then is retried
/// once. Everything else belongs to the sections, to which it routes events and answers, the way ``PortalMachine``
/// routes its flows.
public struct ProfileMachine: Equatable, Sendable {
    /// Calls, timers, file saves and the flow's end.
    public typealias Effect = FlowEffect<ProfileOutcome>

    public let sessionID: String
    public let config: ProfileConfig
    public internal(set) var user: User?
    public internal(set) var page: Page = .account
    /// Every section's state.
    public internal(set) var sections = SectionStore<ProfileMachine>(ProfileMachine.sectionTypes)
    var open: ObjectIdentifier?
    public internal(set) var form = SectionForm()
    public internal(set) var errors = FormErrors.none
    /// What the last action did, shown on the page it returned to.
    public internal(set) var success: String?
    /// Clerk's UserVerification while a sensitive action waits; its card covers the section's.
    public internal(set) var reverification: Reverification?
    /// The last call met an unreachable server; "Try again" re-sends it.
    public var serverUnavailable: Bool { requests.unavailable != nil }

    var requests: RequestTracker<Purpose>

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
        /// Clerk Billing, when users may subscribe.
        case billing
        /// The user's API keys, when users may have them.
        case apiKeys
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        case clientChanged(Client?)
        case showPage(Page)
        /// Opens a section's card or acts on it: built by ``PageSection/open(_:)`` and ``PageSection/act(_:)``.
        case section(SectionEvent)
        case textChanged(SectionField, String)
        case currentPasswordChanged(SecretText)
        case newPassword(NewPasswordForm.Edit)
        case codeChanged(SecretText)
        /// Typing a card on "Add new payment method".
        case card(CardForm.Edit)
        /// The card's primary button.
        case submit
        /// "Resend" on the reverification card.
        case resendCode
        /// "Use another method" on the reverification card.
        case useAnotherFactor
        /// Escape or Cancel: the page from a card, the home from a page.
        case back
        case retry
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    enum Purpose: Equatable, Sendable {
        /// The user as the server has it now.
        case loadUser
        /// A reverification call.
        case verification
        /// Reverifying with a passkey: `prepare_first_factor strategy=passkey` for the challenge, then the
        /// authenticator's assertion (attempted as a `.verification`).
        case passkeyChallenge
        case passkeyAssertion
        /// A section's call, its purpose carried.
        case section(ObjectIdentifier, SectionValue, isBackground: Bool)

        /// A step of reverification itself, never retried after one.
        var isReverifying: Bool { [.verification, .passkeyChallenge, .passkeyAssertion].contains(self) }

        /// Reloads that run behind the card: they neither block its buttons nor offer "Try again".
        var isBackground: Bool {
            switch self {
            case .loadUser: true
            case .verification, .passkeyChallenge, .passkeyAssertion: false
            case .section(_, _, let isBackground): isBackground
            }
        }
    }

    // MARK: Derived state for views

    /// The section whose card is on screen.
    public var openSection: (any PageSection<ProfileMachine>)? { open.flatMap { sections[id: $0] } }

    /// The card of section `type`, when it is the one on screen.
    public func step<Section: PageSection>(of type: Section.Type) -> Section.Step? where Section.Host == ProfileMachine {
        open == ObjectIdentifier(type) ? sections[type].step : nil
    }

    /// The page is on screen, no card over it.
    public var showsPage: Bool { open == nil && reverification == nil }

    /// Which card is on screen: a new key means a new card.
    public var cardKey: String {
        var key = "\(page)"
        if let section = openSection { key += ".\(type(of: section)).\(section.stepDescription)" }
        if reverification != nil { key += ".reverify" }
        return key
    }

    /// An action is under way (background reloads do not count).
    public var isBusy: Bool { requests.contains { !$0.isBackground } }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }

}

/// How the UserProfile flow ends.
public enum ProfileOutcome: Equatable, Sendable {
    /// Back to the signed-in home.
    case close
    /// The account was deleted, or this session ended meanwhile: reload the client.
    case sessionEnded
    /// The Billing page opens the PricingTable or the Checkout.
    case billing(BillingHandOff)
}

/// What the UserProfile's sections read: the session, its user and the instance's settings.
public struct ProfileSubject: Sendable {
    public let sessionID: String
    public let user: User?
    public let config: ProfileConfig
}

extension ProfileMachine: SectionHost {
    public typealias Subject = ProfileSubject

    public static func section(_ event: SectionEvent) -> Event { .section(event) }
}

extension ProfileMachine: BillingHost {
    public static var billingPage: Page { .billing }
    public static func billingAccount(_ subject: ProfileSubject) -> BillingAccount { .user(sessionID: subject.sessionID) }
    public var billingAccount: BillingAccount { .user(sessionID: sessionID) }
}

extension ProfileMachine: SectionedFlow {
    /// Every section, in the order of their pages. A new section is added here.
    static var sectionTypes: [any SectionFlow<ProfileMachine>.Type] {
        [
            ProfileDetailsSection.self, UsernameSection.self, EmailAddressesSection.self, PhoneNumbersSection.self,
            ConnectedAccountsSection.self, PasswordSection.self, PasskeysSection.self, TwoStepVerificationSection.self,
            BackupCodesSection.self, ActiveDevicesSection.self, DeleteAccountSection.self,
            BillingSubscriptionSection<ProfileMachine>.self, BillingPaymentMethodsSection<ProfileMachine>.self,
            BillingStatementsSection<ProfileMachine>.self, BillingPaymentsSection<ProfileMachine>.self,
            APIKeysSection<ProfileMachine>.self,
        ]
    }

    public var subject: ProfileSubject { ProfileSubject(sessionID: sessionID, user: user, config: config) }

    static func purpose(section: ObjectIdentifier, _ value: SectionValue, isBackground: Bool) -> Purpose {
        .section(section, value, isBackground: isBackground)
    }

    static func sectionPurpose(_ purpose: Purpose) -> (ObjectIdentifier, SectionValue)? {
        if case .section(let id, let value, _) = purpose { (id, value) } else { nil }
    }

    mutating func reloadSubject() -> Effect { requests.send(.profile(sessionID: sessionID, .loadUser), .loadUser) }

    static func outcome(_ outcome: SectionOutcome) -> ProfileOutcome {
        switch outcome {
        case .subjectEnded: .sessionEnded
        case .billing(let handOff): .billing(handOff)
        }
    }

    mutating func cardClosed() { reverification = nil }
}

/// What the UserProfile's sections are: sections of ``ProfileMachine``.
protocol ProfileSectionFlow: SectionFlow where Host == ProfileMachine {}

extension SectionContext where Host == ProfileMachine {
    var sessionID: String { subject.sessionID }
    var user: User? { subject.user }
    var config: ProfileConfig { subject.config }

    /// A call of the card on the signed-in user (see ``send(_:_:)-(BackendCall,_)``).
    mutating func send(_ call: ProfileCall, _ purpose: Purpose) { send(.profile(sessionID: sessionID, call), purpose) }

    /// A call behind the page on the signed-in user.
    mutating func load(_ call: ProfileCall, _ purpose: Purpose) { load(.profile(sessionID: sessionID, call), purpose) }

    /// Re-reads the user: the piggy-backed client may not carry the change.
    mutating func reloadUser() { reloadSubject() }
}
