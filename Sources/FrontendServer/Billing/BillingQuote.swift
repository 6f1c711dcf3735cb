import FrontendAPI

/// What a checkout for a plan and period would do at one instant: the kind of change, when it takes effect, and every
/// amount of the checkout's totals. Completed checkouts keep the quote they were confirmed with (as JSON).
///
/// The rules, as Clerk Billing applies them:
/// - from the free plan (or a past-due one) a subscription starts now, with the plan's free trial if the payer never
///   had one;
/// - to a plan with a higher monthly fee, or to the same plan billed annually, the change is immediate and the days
///   left of the period already paid are credited (prorated by whole days); a credit larger than the new price is
///   refused (`invalid_plan_change`);
/// - anything else is a downgrade that takes effect when the current period ends; nothing is charged now;
/// - the plan and period one is on is refused, unless it was cancelled (re-subscribing keeps the paid period and costs
///   nothing) or is past due (paying the past-due amount starts a new period);
/// - a past-due amount carried over from an ended subscription is added to what is due now.
struct BillingQuote: Codable, Sendable, Equatable {
    enum Change: String, Codable, Sendable {
        case subscribe, upgrade, downgrade, resubscribe
        case payPastDue = "pay_past_due"
    }

    var change: Change
    var planID: String
    var period: BillingPeriod
    var currency: String
    /// The plan's price for one period.
    var subtotal: Int64
    var prorationCredit: Int64
    var prorationDaysLeft: Int
    var prorationDaysTotal: Int
    var pastDue: Int64
    var totalDueNow: Int64
    var trialEndsAt: Int64?
    /// When the new plan's first period starts.
    var periodStart: Int64
    var isImmediate: Bool
    var needsPaymentMethod: Bool
    /// The item the checkout replaces or changes.
    var currentItemID: String?
}

/// Computes quotes against a payer's live items.
struct BillingQuoter {
    let catalog: BillingCatalog
    let settings: BillingSettings
    let now: Int64

    func quote(plan: CatalogPlan, period: BillingPeriod, payer: BillingPayerRecord,
               items: [BillingSubscriptionItemRecord]) throws(APIFailure) -> BillingQuote {
        guard let price = plan.price(period) else {
            throw .paramInvalid("plan_period", "This plan is billed monthly only: plan_period must be month.")
        }
        let current = BillingSchedule.entitled(items, now: now)
        var quote = BillingQuote(
            change: .subscribe, planID: plan.id, period: period, currency: plan.currency, subtotal: price, prorationCredit: 0,
            prorationDaysLeft: 0, prorationDaysTotal: 0, pastDue: payer.pastDueAmount, totalDueNow: 0, trialEndsAt: nil,
            periodStart: now, isImmediate: true, needsPaymentMethod: false, currentItemID: current?.id)
        if let current, current.planId == plan.id, current.planPeriod == period || price == 0 {
            try sameSubscription(current, plan: plan, into: &quote)
        } else if let current, let currentPlan = catalog.plan(id: current.planId), !currentPlan.definition.isFree,
                  current.status != .pastDue {
            try change(from: current, plan: currentPlan, to: plan, into: &quote)
        } else if plan.definition.freeTrialDays > 0, !payer.trialUsed {
            quote.trialEndsAt = BillingCalendar.adding(days: plan.definition.freeTrialDays, to: now)
        }
        finish(&quote)
        return quote
    }

    /// A checkout for the plan and period the payer is on.
    private func sameSubscription(_ current: BillingSubscriptionItemRecord, plan: CatalogPlan,
                                  into quote: inout BillingQuote) throws(APIFailure) {
        switch current.status {
        case .canceled:
            quote.change = .resubscribe
            quote.periodStart = current.periodStart
        case .pastDue:
            quote.change = .payPastDue
        default:
            throw .invalidPlanChange("You are already subscribed to this plan.", plan: errorPlan(plan), upgradePossible: false)
        }
    }

    /// From a paid plan to another plan or period: an immediate upgrade with proration, or a downgrade at period end.
    private func change(from current: BillingSubscriptionItemRecord, plan currentPlan: CatalogPlan, to plan: CatalogPlan,
                        into quote: inout BillingQuote) throws(APIFailure) {
        let upgrade = plan.definition.monthlyFee > currentPlan.definition.monthlyFee
            || (plan.id == currentPlan.id && quote.period == .annual)
        guard upgrade else {
            quote.change = .downgrade
            quote.isImmediate = false
            quote.periodStart = current.periodEnd ?? now
            return
        }
        quote.change = .upgrade
        guard !current.isFreeTrial, let end = current.periodEnd else { return }
        let total = BillingCalendar.days(from: current.periodStart, to: end)
        let left = BillingCalendar.daysLeft(now: now, start: current.periodStart, end: end)
        quote.prorationDaysTotal = total
        quote.prorationDaysLeft = left
        quote.prorationCredit = current.amount * Int64(left) / Int64(total)
        if quote.prorationCredit > quote.subtotal {
            let annual = plan.price(.annual).map { $0 >= quote.prorationCredit } ?? false
            throw .invalidPlanChange(
                "The credit left on your current subscription is more than this plan costs.",
                plan: errorPlan(plan), upgradePossible: quote.period == .month && annual)
        }
    }

    /// What is due now and whether a payment method is needed.
    private func finish(_ quote: inout BillingQuote) {
        switch quote.change {
        case .downgrade, .resubscribe:
            quote.totalDueNow = 0
        case .payPastDue:
            quote.totalDueNow = quote.pastDue
        case .subscribe, .upgrade:
            quote.totalDueNow = (quote.trialEndsAt == nil ? quote.subtotal - quote.prorationCredit : 0) + quote.pastDue
        }
        quote.needsPaymentMethod = quote.totalDueNow > 0
            || (quote.trialEndsAt != nil && settings.freeTrialRequiresPaymentMethod)
    }

    /// The plan as clerk-js's checkout reads it from an `invalid_plan_change` error's `meta.plan`.
    private func errorPlan(_ plan: CatalogPlan) -> JSONObject {
        let annual = plan.definition.annualMonthlyFee.map { BillingMoney.format(Int64($0)) }
        return [
            "id": .string(plan.id), "name": .string(plan.definition.name), "slug": .string(plan.slug),
            "amount_formatted": .string(BillingMoney.format(Int64(plan.definition.monthlyFee))),
            "annual_monthly_amount_formatted": annual.map { .string($0) } ?? .null,
            "currency_symbol": .string(BillingMoney.symbol(of: plan.currency)), "currency": .string(plan.currency),
        ]
    }
}
