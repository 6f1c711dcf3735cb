import FrontendAPI

/// Clerk's OrganizationList and OrganizationSwitcher, and the choose-organization session task, as one flow: the
/// personal account, the user's memberships, pending invitations ("Join") and suggestions ("Request to join"), and
/// CreateOrganization. Choosing an organization makes it the session's active one.
public struct OrganizationListMachine: Equatable, Sendable {
    /// Calls and the flow's end.
    public typealias Effect = FlowEffect<OrganizationListOutcome>

    public let mode: Mode
    public let sessionID: String
    /// "Signed in as {identifier}" under the task.
    public let identifier: String
    public let config: OrganizationsConfig
    /// The session's active organization; nil for the personal account.
    public let activeOrganizationID: String?
    public internal(set) var step: Step = .list
    public internal(set) var memberships: [OrganizationMembership] = []
    /// How many memberships there are in all; "Load more" fetches the next page.
    public internal(set) var membershipCount = 0
    public internal(set) var invitations: [OrganizationInvitation] = []
    public internal(set) var suggestions: [OrganizationSuggestion] = []
    public internal(set) var form = CreateOrganizationForm()
    public internal(set) var errors = FormErrors.none
    /// The organization just created, waiting for its logo and to be made active.
    public internal(set) var created: Organization?
    /// The lists answered so far; the list shows once all three have.
    var loaded: Set<List> = []
    var requests: RequestTracker<Purpose>

    public init(mode: Mode, sessionID: String, identifier: String, activeOrganizationID: String?, config: OrganizationsConfig, scope: Int) {
        self.mode = mode
        self.sessionID = sessionID
        self.identifier = identifier
        self.activeOrganizationID = activeOrganizationID
        self.config = config
        self.requests = RequestTracker(scope: scope)
    }

    /// Where the list is shown.
    public enum Mode: Equatable, Sendable {
        /// From the signed-in home (OrganizationSwitcher): switch, join, create, or go back.
        case switcher
        /// The session's `choose-organization` task: an organization must be chosen or created to continue.
        case task
    }

    /// The cards of the flow.
    public enum Step: Equatable, Sendable {
        case list
        /// CreateOrganization.
        case create
    }

    /// The lists the card shows.
    enum List: Hashable, Sendable {
        case memberships, invitations, suggestions
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        /// Makes the organization active; nil for the personal account.
        case select(organizationID: String?)
        case join(invitationID: String)
        case requestToJoin(suggestionID: String)
        /// The next page of memberships.
        case loadMore
        /// Opens CreateOrganization.
        case create
        /// "Manage": OrganizationProfile of the active organization.
        case manage
        case fieldChanged(OrganizationField, String)
        case submit
        case back
        /// The task's footer: "Sign out".
        case signOut
        case retry
        case response(RequestID, BackendOutcome)
    }

    enum Purpose: Equatable, Sendable {
        case load(List)
        case loadMore
        case join(invitationID: String)
        case requestToJoin(suggestionID: String)
        case select
        case create
        case logo
    }

    // MARK: Derived state for views

    /// The personal account is offered unless every session needs an organization.
    public var offersPersonalAccount: Bool { !config.forceSelection && mode == .switcher }
    public var isLoading: Bool { loaded.count < 3 }
    public var isBusy: Bool { !requests.isEmpty }
    public var serverUnavailable: Bool { requests.unavailable != nil }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }
    public var hasMoreMemberships: Bool { memberships.count < membershipCount }

    /// The task has nothing to choose from and nothing may be created: "You must belong to an organization".
    public var cannotContinue: Bool {
        mode == .task && !isLoading && !config.createEnabled && memberships.isEmpty && invitations.isEmpty
            && suggestions.isEmpty
    }

    /// The membership of the active organization.
    public var activeMembership: OrganizationMembership? {
        memberships.first { $0.organization.id == activeOrganizationID }
    }
}

/// How the organization list ends.
public enum OrganizationListOutcome: Equatable, Sendable {
    /// Back to the home, nothing changed.
    case close
    /// The active organization changed (or one was created): reload the client.
    case selected
    /// "Manage" on the active organization.
    case manage(sessionID: String)
    case signOut(sessionID: String)
}
