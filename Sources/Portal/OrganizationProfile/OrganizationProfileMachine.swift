import FrontendAPI

/// Clerk's OrganizationProfile: the General and Members pages of the active organization, each a list of sections
/// whose cards edit inline, every control gated by the member's permissions (the server checks them too).
public struct OrganizationProfileMachine: Equatable, Sendable {
    /// Calls and the flow's end.
    public typealias Effect = FlowEffect<OrganizationProfileOutcome>

    public let sessionID: String
    /// The signed-in user, marked "You" among the members.
    public let userID: String?
    public let config: OrganizationProfileConfig
    public internal(set) var organization: Organization
    /// The user's membership: their role and permissions here.
    public internal(set) var membership: OrganizationMembership
    public internal(set) var page: Page = .general
    /// The roles a member can be given (loaded for members who manage others).
    public internal(set) var roles: [Role] = []
    public internal(set) var sections = SectionStore<OrganizationProfileMachine>(OrganizationProfileMachine.sectionTypes)
    var open: ObjectIdentifier?
    public internal(set) var form = SectionForm()
    public internal(set) var errors = FormErrors.none
    /// What the last action did, shown on the page it returned to.
    public internal(set) var success: String?
    public var serverUnavailable: Bool { requests.unavailable != nil }

    var requests: RequestTracker<Purpose>

    public init(
        sessionID: String, userID: String?, membership: OrganizationMembership, config: OrganizationProfileConfig,
        scope: Int
    ) {
        self.sessionID = sessionID
        self.userID = userID
        self.membership = membership
        self.organization = membership.organization
        self.config = config
        self.requests = RequestTracker(scope: scope)
    }

    /// The pages of the navbar.
    public enum Page: Equatable, Sendable {
        case general
        case members
        /// Clerk Billing, for members who may see it.
        case billing
        /// The organization's API keys, for members who may see them.
        case apiKeys
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        case clientChanged(Client?)
        case showPage(Page)
        /// Opens a section's card or acts on it: built by ``PageSection/open(_:)`` and ``PageSection/act(_:)``.
        case section(SectionEvent)
        case textChanged(SectionField, String)
        case codeChanged(SecretText)
        /// Typing a card on "Add new payment method".
        case card(CardForm.Edit)
        case submit
        /// Escape or Cancel: the page from a card, the home from a page.
        case back
        case retry
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    enum Purpose: Equatable, Sendable {
        /// The organization as the server has it now.
        case reload
        case roles
        case section(ObjectIdentifier, SectionValue, isBackground: Bool)

        var isBackground: Bool {
            switch self {
            case .reload, .roles: true
            case .section(_, _, let isBackground): isBackground
            }
        }
    }

    // MARK: Derived state for views

    /// Whether the member holds `permission` (`org:sys_memberships:manage`).
    public func can(_ permission: String) -> Bool { membership.permissions?.contains(permission) == true }

    public var openSection: (any PageSection<OrganizationProfileMachine>)? { open.flatMap { sections[id: $0] } }

    /// The card of section `type`, when it is the one on screen.
    public func step<Section: PageSection>(of type: Section.Type) -> Section.Step?
    where Section.Host == OrganizationProfileMachine {
        open == ObjectIdentifier(type) ? sections[type].step : nil
    }

    public var showsPage: Bool { open == nil }

    /// Which card is on screen: a new key means a new card.
    public var cardKey: String {
        var key = "\(page)"
        if let section = openSection { key += ".\(type(of: section)).\(section.stepDescription)" }
        return key
    }

    public var isBusy: Bool { requests.contains { !$0.isBackground } }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }

}

/// How OrganizationProfile ends.
public enum OrganizationProfileOutcome: Equatable, Sendable {
    /// Back to the signed-in home.
    case close
    /// The user left or deleted the organization, or is no longer a member: reload the client.
    case left
    /// The Billing page opens the PricingTable or the Checkout.
    case billing(BillingHandOff)
}

/// What the organization's sections read: the session, the organization, the user's membership and the settings.
public struct OrganizationSubject: Sendable {
    public let sessionID: String
    public let userID: String?
    public let organization: Organization
    public let membership: OrganizationMembership
    public let roles: [Role]
    public let config: OrganizationProfileConfig

    /// Whether the member holds `permission`.
    public func can(_ permission: String) -> Bool { membership.permissions?.contains(permission) == true }
}

/// What OrganizationProfile takes from the environment and the runtime.
public struct OrganizationProfileConfig: Equatable, Sendable {
    public var slugDisabled = false
    /// Verified domains are on, with these enrollment modes.
    public var domainsEnabled = false
    public var enrollmentModes: [String] = []
    /// A logo may be read from a file: only when the terminal is local, never over SSH.
    public var localFiles = false
    /// Organizations may subscribe (Clerk Billing): the Billing page is offered to members who may see it.
    public var billing = false
    /// Organizations may have API keys (`api_keys_settings.orgs_api_keys_enabled`).
    public var apiKeys = false

    public init() {}

    public init(environment: Environment, localFiles: Bool) {
        let settings = environment.organizationSettings
        slugDisabled = settings.slugDisabled
        domainsEnabled = settings.domains.enabled
        enrollmentModes = settings.domains.enrollmentModes
        self.localFiles = localFiles
        billing = BillingConfig(environment: environment).organizationEnabled
        apiKeys = environment.apiKeysSettings.orgsAPIKeysEnabled
    }
}

extension OrganizationProfileMachine: SectionHost {
    public typealias Subject = OrganizationSubject

    public static func section(_ event: SectionEvent) -> Event { .section(event) }
}

extension OrganizationProfileMachine: BillingHost {
    public static var billingPage: Page { .billing }

    public static func billingAccount(_ subject: OrganizationSubject) -> BillingAccount {
        .organization(sessionID: subject.sessionID, membership: subject.membership)
    }

    public var billingAccount: BillingAccount { .organization(sessionID: sessionID, membership: membership) }

    /// The Billing page is offered: organizations may subscribe and the member may see their billing.
    public var offersBilling: Bool { config.billing && billingAccount.canRead }
}

extension OrganizationProfileMachine: SectionedFlow {
    /// Every section, in the order of their pages. A new section is added here.
    static var sectionTypes: [any SectionFlow<OrganizationProfileMachine>.Type] {
        [
            OrganizationDetailsSection.self, VerifiedDomainsSection.self, LeaveOrganizationSection.self,
            DeleteOrganizationSection.self, MembersSection.self, InvitationsSection.self, MembershipRequestsSection.self,
            BillingSubscriptionSection<OrganizationProfileMachine>.self,
            BillingPaymentMethodsSection<OrganizationProfileMachine>.self,
            BillingStatementsSection<OrganizationProfileMachine>.self, BillingPaymentsSection<OrganizationProfileMachine>.self,
            APIKeysSection<OrganizationProfileMachine>.self,
        ]
    }

    public var subject: OrganizationSubject {
        OrganizationSubject(
            sessionID: sessionID, userID: userID, organization: organization, membership: membership, roles: roles,
            config: config)
    }

    static func purpose(section: ObjectIdentifier, _ value: SectionValue, isBackground: Bool) -> Purpose {
        .section(section, value, isBackground: isBackground)
    }

    static func sectionPurpose(_ purpose: Purpose) -> (ObjectIdentifier, SectionValue)? {
        if case .section(let id, let value, _) = purpose { (id, value) } else { nil }
    }

    mutating func reloadSubject() -> Effect {
        requests.send(.organization(sessionID: sessionID, organizationID: organization.id, .load), .reload)
    }

    static func outcome(_ outcome: SectionOutcome) -> OrganizationProfileOutcome {
        switch outcome {
        case .subjectEnded: .left
        case .billing(let handOff): .billing(handOff)
        }
    }

    mutating func cardClosed() {}
}

/// What OrganizationProfile's sections are: sections of ``OrganizationProfileMachine``.
protocol OrganizationSectionFlow: SectionFlow where Host == OrganizationProfileMachine {}

extension SectionContext where Host == OrganizationProfileMachine {
    var organization: Organization { subject.organization }

    /// A call of the card on the organization.
    mutating func send(_ call: OrganizationAdminCall, _ purpose: Purpose) {
        send(.organization(sessionID: subject.sessionID, organizationID: subject.organization.id, call), purpose)
    }

    /// A call behind the page on the organization (its lists).
    mutating func load(_ call: OrganizationAdminCall, _ purpose: Purpose) {
        load(.organization(sessionID: subject.sessionID, organizationID: subject.organization.id, call), purpose)
    }

    func can(_ permission: String) -> Bool { subject.can(permission) }
}
