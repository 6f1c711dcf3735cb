import FrontendAPI

/// The whole portal: loads the instance, then shows sign-in, sign-up, a session task or the signed-in home,
/// as the client's sessions require. It owns the child machines and routes events and answers to them.
///
/// Runtime contract: perform every `.call` with ``BackendCall/perform(on:)`` and send back
/// `.response(id, outcome)`; run timers and send `.timerFired`; whenever the backend's client changes,
/// send `.clientChanged` (before the `.response` of the call that changed it).
public struct PortalMachine: Equatable, Sendable {
    /// Calls, timers and files; the portal itself never ends (every flow, the waitlist included, stays inside it).
    public typealias Effect = FlowEffect<Never>

    public internal(set) var environment: Environment?
    public internal(set) var client: Client?
    public internal(set) var route: Route = .loading
    /// Where email links land; passed to the sign-in and sign-up flows.
    public let emailLinkRedirectURL: String?
    /// Where OAuth providers send the browser back; without it no social buttons are shown.
    public let oauthRedirectURL: String?
    /// The terminal is local, so the profile may read and write files (never over SSH).
    public let localFiles: Bool
    /// Whether passkey actions can reach an authenticator (by default: a local terminal can).
    public let passkeyAccess: PasskeyAccess
    /// "Keep me signed in on this key", offered only when served over SSH with a public key.
    public internal(set) var keepSignedIn: KeepSignedIn?
    /// An invitation's ticket to accept once the sign-in card shows (`clerk-tui --ticket`); taken once.
    var ticket: String?

    var clientLoaded = false
    /// What is on screen came from the previous run's cache and its refresh has not answered yet.
    var cached = CachedHalves()
    /// The portal's own requests; its children's have scopes of their own.
    var requests = RequestTracker<Purpose>(scope: 0)
    var lastScope = 0

    public init(
        emailLinkRedirectURL: String? = nil, oauthRedirectURL: String? = nil, localFiles: Bool = false,
        keepSignedIn: KeepSignedIn? = nil, ticket: String? = nil, passkeyAccess: PasskeyAccess? = nil
    ) {
        self.emailLinkRedirectURL = emailLinkRedirectURL
        self.oauthRedirectURL = oauthRedirectURL
        self.localFiles = localFiles
        self.passkeyAccess = passkeyAccess ?? (localFiles ? .available : .overSSH)
        self.keepSignedIn = keepSignedIn
        self.ticket = ticket
    }

    /// What is on screen.
    public enum Route: Equatable, Sendable {
        /// Loading the environment and client.
        case loading
        /// The instance could not be loaded; "Try again" reloads.
        case unavailable(PortalFailure)
        case signIn(SignInMachine)
        case signUp(SignUpMachine)
        case home(AccountMachine)
        case task(SessionTaskMachine)
        /// "Manage account": the UserProfile pages.
        case profile(ProfileMachine)
        /// The OrganizationSwitcher's list, or the choose-organization task.
        case organizations(OrganizationListMachine)
        /// "Manage": OrganizationProfile of the active organization.
        case organizationProfile(OrganizationProfileMachine)
        /// Clerk's PricingTable, for the user or the active organization.
        case pricingTable(PricingTableMachine)
        /// Clerk's Checkout of a plan.
        case checkout(CheckoutMachine)
    }

    enum Purpose: Equatable, Sendable {
        case environment
        case client
        case activate(sessionID: String)
        case signOut
        case keepSignedIn(Bool)
    }

    /// Runtime notices and the child machines' events, wrapped.
    public enum Event: Equatable, Sendable {
        /// Load the instance (first event the runtime sends).
        case start
        /// Draw from the previous run's environment and client while the loads `start` sent are under way (sent
        /// right after `start`); their answers replace them.
        case restore(CachedView)
        case retry
        case clientChanged(Client?)
        case signIn(SignInMachine.Event)
        case signUp(SignUpMachine.Event)
        case account(AccountMachine.Event)
        case task(SessionTaskMachine.Event)
        case profile(ProfileMachine.Event)
        case organizations(OrganizationListMachine.Event)
        case organizationProfile(OrganizationProfileMachine.Event)
        case pricingTable(PricingTableMachine.Event)
        case checkout(CheckoutMachine.Event)
        /// "Keep me signed in on this key" was toggled.
        case toggleKeepSignedIn
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    /// Development instances show a "Development mode" badge and where codes go.
    public var isDevelopment: Bool { environment?.displayConfig.instanceEnvironmentType == .development }

    public var applicationName: String { environment?.displayConfig.applicationName ?? "" }
}

/// Which halves of the view on screen are the previous run's, still waiting for their refresh.
struct CachedHalves: Equatable, Sendable {
    var environment = false
    var client = false

    var any: Bool { environment || client }
}

/// The SSH front door's opt-in to keep this key's sign-in after the connection closes: the portal creates the
/// file at `path` to opt in and removes it to opt out (`$CLERK_TUI_KEEP_SIGNED_IN_FILE`).
public struct KeepSignedIn: Equatable, Sendable {
    public let path: String
    public internal(set) var isOn: Bool

    public init(path: String, isOn: Bool) {
        self.path = path
        self.isOn = isOn
    }
}
