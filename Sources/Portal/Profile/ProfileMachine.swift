import FrontendAPI

/// Clerk's UserProfile: the Account and Security pages of the signed-in user, each a list of sections
/// (``ProfileSection``) whose cards edit inline.
///
/// The machine keeps page navigation, the form, "Try again", and the reverification wrapper: an action the server
/// answers with `session_reverification_required` runs Clerk's reverification, then is retried once. Everything
/// else belongs to the sections, to which it routes events and answers, the way ``PortalMachine`` routes its flows.
public struct ProfileMachine: Equatable, Sendable {
    /// Calls, timers, file saves and the flow's end.
    public typealias Effect = FlowEffect<ProfileOutcome>

    public let sessionID: String
    public let config: ProfileConfig
    public internal(set) var user: User?
    public internal(set) var page: Page = .account
    /// Every section's state.
    public internal(set) var sections = ProfileSections()
    /// The section whose card is on screen; nil while the page is.
    var open: ObjectIdentifier?
    public internal(set) var form = ProfileForm()
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
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        case clientChanged(Client?)
        case showPage(Page)
        /// Opens a section's card or acts on it: built by ``ProfileSection/open(_:)`` and ``ProfileSection/act(_:)``.
        case section(SectionEvent)
        case textChanged(ProfileField, String)
        case currentPasswordChanged(SecretText)
        case newPassword(NewPasswordForm.Edit)
        case codeChanged(SecretText)
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
        /// A section's call, its purpose carried.
        case section(ObjectIdentifier, SectionValue, isBackground: Bool)

        /// Reloads that run behind the card: they neither block its buttons nor offer "Try again".
        var isBackground: Bool {
            switch self {
            case .loadUser: true
            case .verification: false
            case .section(_, _, let isBackground): isBackground
            }
        }
    }

    // MARK: Derived state for views

    /// The section whose card is on screen.
    public var openSection: (any ProfileSection)? { open.flatMap { sections[id: $0] } }

    /// The card of section `type`, when it is the one on screen.
    public func step<Section: ProfileSection>(of type: Section.Type) -> Section.Step? {
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

    static let codeLength = 6
}

/// How the UserProfile flow ends.
public enum ProfileOutcome: Equatable, Sendable {
    /// Back to the signed-in home.
    case close
    /// The account was deleted, or this session ended meanwhile: reload the client.
    case sessionEnded
}
