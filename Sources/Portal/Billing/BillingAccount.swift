import FrontendAPI

/// Whose billing a flow shows and who acts: the session, the payer (the user or an organization) and what the member
/// may do there. Users always manage their own billing; an organization's needs `org:sys_billing:read` to be seen and
/// `org:sys_billing:manage` to be changed (the server checks both too).
public struct BillingAccount: Equatable, Sendable {
    public let sessionID: String
    public let payer: BillingPayerScope
    public let canRead: Bool
    public let canManage: Bool
    /// The organization's name, for titles; nil for the user.
    public let organizationName: String?
    /// The organization's members and pending invitations, which a plan's seats must cover.
    public let seatsInUse: Int?

    public init(sessionID: String, payer: BillingPayerScope, canRead: Bool = true, canManage: Bool = true,
                organizationName: String? = nil, seatsInUse: Int? = nil) {
        self.sessionID = sessionID
        self.payer = payer
        self.canRead = canRead
        self.canManage = canManage
        self.organizationName = organizationName
        self.seatsInUse = seatsInUse
    }

    /// The user's own billing.
    public static func user(sessionID: String) -> BillingAccount { BillingAccount(sessionID: sessionID, payer: .user) }

    /// An organization's billing, as `membership` allows.
    public static func organization(sessionID: String, membership: OrganizationMembership) -> BillingAccount {
        let permissions = membership.permissions ?? []
        let canManage = permissions.contains(BillingPermission.manage)
        return BillingAccount(
            sessionID: sessionID, payer: .organization(id: membership.organization.id),
            canRead: canManage || permissions.contains(BillingPermission.read), canManage: canManage,
            organizationName: membership.organization.name, seatsInUse: seats(membership.organization))
    }

    private static func seats(_ organization: Organization) -> Int? {
        guard let members = organization.membersCount else { return nil }
        return members + (organization.pendingInvitationsCount ?? 0)
    }

    /// A call for this payer.
    func call(_ call: BillingCall) -> BackendCall { .billing(sessionID: sessionID, payer: payer, call) }
}

/// Clerk's system permissions over an organization's billing.
public enum BillingPermission {
    public static let read = "org:sys_billing:read"
    public static let manage = "org:sys_billing:manage"
}

/// What the billing flows take from the environment.
public struct BillingConfig: Equatable, Sendable {
    /// `commerce_settings.billing.user.enabled` (or `.organization.enabled` for an organization's flows).
    public var userEnabled = false
    public var organizationEnabled = false
    /// A development instance: the checkout offers Clerk's "Pay with test card".
    public var isDevelopment = false

    public init() {}

    public init(environment: Environment) {
        let billing = environment.commerceSettings.billing
        userEnabled = billing.user.enabled
        organizationEnabled = billing.organization.enabled && environment.organizationSettings.enabled
        isDevelopment = environment.displayConfig.instanceEnvironmentType == .development
    }
}

/// A plan and period to buy, for whom: what the PricingTable and the Billing pages hand to the Checkout.
public struct CheckoutRequest: Equatable, Sendable {
    public let account: BillingAccount
    public let planID: String
    public let period: BillingPlanPeriod

    public init(account: BillingAccount, planID: String, period: BillingPlanPeriod) {
        self.account = account
        self.planID = planID
        self.period = period
    }
}

/// Where a billing flow was opened from, and so where it returns.
public enum BillingOrigin: Equatable, Sendable {
    /// The signed-in home ("Plans").
    case home
    /// UserProfile's Billing page.
    case profile
    /// OrganizationProfile's Billing page.
    case organizationProfile
}

/// What a profile's Billing page hands over to the portal.
public enum BillingHandOff: Equatable, Sendable {
    /// "Switch plans" / "Subscribe to a plan": the PricingTable for the page's payer.
    case plans(BillingAccount)
    /// "Switch to annual", "Resubscribe": straight to the Checkout.
    case checkout(CheckoutRequest)
}
