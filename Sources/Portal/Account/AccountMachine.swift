import FrontendAPI

/// The signed-in home: Clerk's UserButton menu and the multi-session account switcher.
///
/// Single-session instances offer "Manage account" and "Sign out"; multi-session instances add the other
/// signed-in accounts (select to switch), "Add account" and "Sign out of all accounts".
public struct AccountMachine: Equatable, Sendable {
    /// Calls, timers and the flow's end.
    public typealias Effect = FlowEffect<AccountOutcome>

    public let singleSessionMode: Bool
    /// The instance has organizations: the home shows the active one (OrganizationSwitcher).
    public let organizationsEnabled: Bool
    /// Clerk Billing for users and organizations: the home offers "Plans".
    public let billing: BillingConfig
    /// Pending invitations and suggestions, counted on the switcher's badge.
    public internal(set) var pendingOrganizationCount = 0
    /// Signed-in sessions (`active` or `pending`), in the client's order.
    public internal(set) var sessions: [Session]
    public internal(set) var activeSessionID: String?
    public internal(set) var step: Step = .home
    public internal(set) var errors = FormErrors.none
    /// The last call met an unreachable server; "Try again" re-sends it.
    public var serverUnavailable: Bool { requests.unavailable != nil }

    var requests: RequestTracker<Purpose>

    public init(
        client: Client, singleSessionMode: Bool, organizationsEnabled: Bool = false, billing: BillingConfig = BillingConfig(),
        scope: Int
    ) {
        self.singleSessionMode = singleSessionMode
        self.organizationsEnabled = organizationsEnabled
        self.billing = billing
        self.requests = RequestTracker(scope: scope)
        self.sessions = Self.signedIn(client)
        self.activeSessionID = client.lastActiveSessionID
        if activeSession == nil, !sessions.isEmpty { step = .chooseAccount }
    }

    /// Cards of the signed-in home.
    public enum Step: Equatable, Sendable {
        /// The home card with the menu closed.
        case home
        /// The UserButton popover.
        case menu
        /// "Choose an account", shown after signing out of one of several accounts.
        case chooseAccount
    }

    /// One entry of the menu or the account list.
    public enum Item: Equatable, Sendable {
        case manageAccount
        case switchTo(Session)
        case addAccount
        case signOut
        case signOutAll
    }

    enum Purpose: Equatable, Sendable {
        case touch(String)
        case remove(String)
        case signOutAll
        /// The pending invitations or suggestions, for the switcher's badge.
        case countPending
    }

    /// What the user did, how the client changed, what the server answered.
    public enum Event: Equatable, Sendable {
        case clientChanged(Client)
        case openMenu
        /// Escape: closes the menu.
        case closeMenu
        /// The OrganizationSwitcher: the list of organizations.
        case openOrganizations
        /// "Manage organization": OrganizationProfile of the active organization.
        case manageOrganization
        /// "Plans": the PricingTable of the active organization, or of the user.
        case openPlans
        case select(Item)
        case retry
        case response(RequestID, BackendOutcome)
    }

    // MARK: Derived state for views

    public var activeSession: Session? { sessions.first { $0.id == activeSessionID } }

    /// The active session's organization membership; nil for the personal account.
    public var activeMembership: OrganizationMembership? {
        guard let session = activeSession, let id = session.lastActiveOrganizationID else { return nil }
        return session.user?.organizationMemberships?.first { $0.organization.id == id }
    }
    public var otherSessions: [Session] { sessions.filter { $0.id != activeSessionID } }

    /// "Plans" is offered: users may subscribe, or organizations may and the member may see the active one's billing.
    public var offersPlans: Bool {
        if billing.userEnabled { return true }
        guard billing.organizationEnabled, let session = activeSession, let membership = activeMembership else { return false }
        return BillingAccount.organization(sessionID: session.id, membership: membership).canRead
    }

    /// The popover's entries, in Clerk's order.
    public var menuItems: [Item] {
        if singleSessionMode { return [.manageAccount, .signOut] }
        var items: [Item] = [.manageAccount, .signOut]
        items += otherSessions.map(Item.switchTo)
        items.append(.addAccount)
        if sessions.count > 1 { items.append(.signOutAll) }
        return items
    }

    /// The account switcher's entries.
    public var chooseItems: [Item] { sessions.map(Item.switchTo) + [.addAccount, .signOutAll] }

    public var isBusy: Bool { requests.contains { $0 != .countPending } }

    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }

    /// The label of an entry.
    public static func label(_ item: Item) -> String {
        switch item {
        case .manageAccount: Copy.UserButton.manageAccount
        case .switchTo(let session): displayName(session)
        case .addAccount: Copy.UserButton.addAccount
        case .signOut: Copy.UserButton.signOut
        case .signOutAll: Copy.UserButton.signOutAll
        }
    }

    /// "Ada Lovelace" when the user has a name, otherwise the identifier.
    public static func displayName(_ session: Session) -> String {
        let data = session.publicUserData
        let name = [data?.firstName, data?.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? identifier(session) : name
    }

    public static func identifier(_ session: Session) -> String { session.publicUserData?.identifier ?? session.id }

    static func signedIn(_ client: Client) -> [Session] {
        client.sessions.filter { $0.status == .active || $0.status == .pending }
    }
}

/// How the home card hands over to another flow.
public enum AccountOutcome: Equatable, Sendable {
    case manageAccount(sessionID: String)
    /// The OrganizationSwitcher, for the session's organizations.
    case organizations(sessionID: String)
    /// OrganizationProfile of the session's active organization.
    case manageOrganization(sessionID: String)
    /// The PricingTable for the session's active organization, or its user.
    case plans(sessionID: String)
    /// "Add account": sign in to another account alongside this one.
    case addAccount
    /// Another session is now active.
    case switched(sessionID: String)
    /// No account is signed in any more.
    case signedOut
}
