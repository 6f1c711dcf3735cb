import FrontendAPI

/// Billing › Subscription: the payer's plans with their badges and captions, the next payment, "Switch plans", and an
/// item's details (Clerk's SubscriptionDetails): its billing cycle and dates, switching to monthly or annual,
/// cancelling with Clerk's confirmation, resubscribing.
public struct BillingSubscriptionSection<Host: BillingHost>: SectionFlow {
    public enum Step: Equatable, Sendable {
        case details(itemID: String)
        /// "Cancel {plan} Subscription?"
        case cancel(itemID: String)
    }

    public enum Action: Equatable, Sendable {
        /// "Switch plans" or "Subscribe to a plan": the PricingTable.
        case plans
        /// "Switch to annual …" / "Switch to monthly …": a checkout for the other period.
        case switchPeriod(itemID: String)
        /// "Resubscribe" to a cancelled item: a checkout for the same period.
        case resubscribe(itemID: String)
    }

    enum Purpose: Equatable, Sendable {
        case load
        case cancel
    }

    public static var page: Host.Page { Host.billingPage }
    public internal(set) var step: Step?
    public internal(set) var subscription: BillingSubscription?

    public init() {}

    /// The items, active ones first (as Clerk's list sorts them).
    public var items: [BillingSubscriptionItem] {
        let items = subscription?.subscriptionItems ?? []
        return items.filter { $0.status == "active" } + items.filter { $0.status != "active" }
    }

    public func item(_ id: String) -> BillingSubscriptionItem? { items.first { $0.id == id } }

    /// An item the payer can act on: anything but the default plan everyone has.
    public static func isManageable(_ item: BillingSubscriptionItem) -> Bool { item.plan?.isDefault != true }

    /// The other period an item can switch to, if its plan has a price for it and it is not past due.
    public static func switchablePeriod(_ item: BillingSubscriptionItem) -> BillingPlanPeriod? {
        guard isManageable(item), item.status != "past_due", let plan = item.plan else { return nil }
        if item.planPeriod == "month", (plan.annualMonthlyFee?.amount ?? 0) > 0 { return .annual }
        if item.planPeriod == "annual", (plan.fee?.amount ?? 0) > 0 { return .month }
        return nil
    }

    mutating func pageShown(_ context: inout Context) {
        guard context.billing.canRead else { return }
        context.load(.subscription, .load)
    }

    mutating func opened(_ context: inout Context) { context.load(.subscription, .load) }

    mutating func act(_ action: Action, _ context: inout Context) {
        let account = context.billing
        switch action {
        case .plans:
            context.handOff(.plans(account))
        case .switchPeriod(let id):
            guard account.canManage, let item = item(id), let period = Self.switchablePeriod(item) else { return }
            context.handOff(.checkout(CheckoutRequest(account: account, planID: item.planID, period: period)))
        case .resubscribe(let id):
            guard account.canManage, let item = item(id), item.canceledAt != nil else { return }
            context.handOff(.checkout(CheckoutRequest(account: account, planID: item.planID, period: BillingFormat.period(item.planPeriod))))
        }
    }

    mutating func submit(_ context: inout Context) {
        guard case .cancel(let id)? = step, context.billing.canManage, context.startAction() else { return }
        context.send(.cancelItem(id: id), .cancel)
    }

    /// "Keep subscription" returns to the details.
    mutating func back(_ context: inout Context) {
        guard case .cancel(let id)? = step else { return context.leave() }
        context.errors = .none
        step = .details(itemID: id)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch (purpose, result) {
        case (.load, .subscription(let subscription)):
            self.subscription = subscription
        case (.cancel, _):
            context.close()
            context.reloadPage()
        default:
            break
        }
    }

    /// The subscription stays listed when its card closes.
    mutating func closed(_ context: inout Context) { step = nil }
}
