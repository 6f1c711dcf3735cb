import FrontendAPI

/// Clerk's PricingTable: the plans for the user or for the active organization, billed monthly or annually, each with
/// Clerk's call to action ("Subscribe", "Start 14-day free trial", "Switch to this plan", "Manage subscription", …) as
/// the payer's subscription decides it, and a plan's details with its features.
public struct PricingTableMachine: Equatable, Sendable {
    /// Calls and the flow's end.
    public typealias Effect = FlowEffect<PricingTableOutcome>

    public let account: BillingAccount
    /// Where the table was opened, and returns.
    public let origin: BillingOrigin
    public internal(set) var plans: [BillingPlan] = []
    public internal(set) var subscription: BillingSubscription?
    /// Clerk's table starts billed annually, or as the plan the payer pays for is billed.
    public internal(set) var period: BillingPlanPeriod = .annual
    public internal(set) var step: Step = .list
    public internal(set) var errors = FormErrors.none
    var loaded: Set<Purpose> = []
    var requests: RequestTracker<Purpose>

    public init(account: BillingAccount, origin: BillingOrigin, scope: Int) {
        self.account = account
        self.origin = origin
        requests = RequestTracker(scope: scope)
    }

    /// The cards of the flow.
    public enum Step: Equatable, Sendable {
        case list
        /// A plan's details (Clerk's PlanDetails drawer).
        case plan(id: String)
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        /// "Billed annually".
        case togglePeriod
        case openPlan(id: String)
        /// The plan's call to action.
        case select(planID: String)
        case back
        case retry
        case response(RequestID, BackendOutcome)
    }

    enum Purpose: Hashable, Sendable {
        case plans
        case subscription
    }

    /// What a plan's card ends with: its call to action, a notice in its place ("Trial ends …"), or nothing (the
    /// plan the payer is on).
    public enum Footer: Equatable, Sendable {
        case action(String, enabled: Bool)
        case notice(String)
        case none
    }

    // MARK: Derived state for views

    public var isLoading: Bool { loaded.count < 2 }
    public var isBusy: Bool { !requests.isEmpty }
    public var serverUnavailable: Bool { requests.unavailable != nil }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }
    public var visiblePlans: [BillingPlan] { plans.filter(\.publiclyVisible) }
    public func plan(_ id: String) -> BillingPlan? { plans.first { $0.id == id } }
    var items: [BillingSubscriptionItem] { subscription?.subscriptionItems ?? [] }
}

/// How the PricingTable ends.
public enum PricingTableOutcome: Equatable, Sendable {
    /// Back where it was opened.
    case close
    case checkout(CheckoutRequest)
    /// "Manage subscription": the item's details on the payer's Billing page.
    case manage(itemID: String)
}
