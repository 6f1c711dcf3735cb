import FrontendAPI

/// What each plan's card offers, decided as clerk-js's `usePlansContext().buttonPropsForPlan` and the pricing table's
/// footer state decide it.
extension PricingTableMachine {
    /// The payer's item for `plan`: the one billed in the period shown when there are two, else the only one.
    public func item(for plan: BillingPlan) -> BillingSubscriptionItem? {
        let matching = items.filter { $0.planID == plan.id }
        return matching.first { $0.planPeriod == period.rawValue } ?? matching.first
    }

    /// The period a checkout of `plan` is for: the one shown, unless the plan has no price for it.
    public func checkoutPeriod(_ plan: BillingPlan) -> BillingPlanPeriod {
        if period == .annual, (plan.annualMonthlyFee?.amount ?? 0) == 0 { return .month }
        if period == .month, (plan.fee?.amount ?? 0) == 0, (plan.annualMonthlyFee?.amount ?? 0) > 0 { return .annual }
        return period
    }

    /// What the plan's card ends with.
    public func footer(_ plan: BillingPlan) -> Footer {
        guard let item = item(for: plan) else { return .action(callToAction(plan, item: nil), enabled: canSelect(plan)) }
        if item.status == "upcoming" { return .notice(footerNotice(plan, item)) }
        guard Self.isCurrent(item) else { return .none }
        let switchesPaidPeriod = item.planPeriod != period.rawValue && (plan.annualMonthlyFee?.amount ?? 0) > 0
        if item.canceledAt != nil || switchesPaidPeriod {
            return .action(callToAction(plan, item: item), enabled: canSelect(plan))
        }
        return plan.freeTrialEnabled && item.isFreeTrial ? .notice(footerNotice(plan, item)) : .none
    }

    /// Why the plan cannot be chosen here, if it cannot: the member may not manage billing, or the organization has
    /// more members than the plan's seats.
    public func restriction(_ plan: BillingPlan) -> String? {
        if !account.canManage { return Copy.Billing.noPermissionsToManageBilling }
        if let used = account.seatsInUse, let limit = Self.seatLimit(plan), used > limit {
            return Copy.Billing.planMembershipLimitExceeded(count: used, limit: limit)
        }
        return nil
    }

    /// The plan's seats (`unit_prices` "seats": the last tier's end, in blocks), nil for unlimited.
    public static func seatLimit(_ plan: BillingPlan) -> Int? {
        guard let seats = plan.unitPrices?.first(where: { $0.name == "seats" }), let last = seats.tiers.last?.endsAfterBlock
        else { return nil }
        return last * seats.blockSize
    }

    /// An item still giving access: active, or cancelled but running to its period's end.
    static func isCurrent(_ item: BillingSubscriptionItem) -> Bool {
        item.status == "active" || (item.status == "canceled" && item.endedAt == nil)
    }

    private func canSelect(_ plan: BillingPlan) -> Bool { restriction(plan) == nil }

    private func footerNotice(_ plan: BillingPlan, _ item: BillingSubscriptionItem) -> String {
        if plan.freeTrialEnabled, item.isFreeTrial, let end = item.periodEnd { return Copy.Billing.trialEnds(DateText.short(end)) }
        return Copy.Billing.starts(DateText.short(item.periodStart))
    }

    private func callToAction(_ plan: BillingPlan, item: BillingSubscriptionItem?) -> String {
        let label: String
        let shown = checkoutPeriod(plan)
        if let item {
            let annual = (plan.annualMonthlyFee?.amount ?? 0) > 0
            if shown.rawValue != item.planPeriod, shown == .month || annual {
                label = shown == .month ? Copy.Billing.switchToMonthly : Copy.Billing.switchToAnnual
            } else {
                label = item.canceledAt != nil ? Copy.Billing.reSubscribe : Copy.Billing.manageSubscription
            }
        } else {
            label = items.contains { $0.plan?.isDefault == false } ? Copy.Billing.switchPlan : Copy.Billing.subscribe
        }
        return freeTrialOr(plan, label)
    }

    /// "Start 14-day free trial" when the plan has one and the payer may still start a trial.
    private func freeTrialOr(_ plan: BillingPlan, _ label: String) -> String {
        guard plan.freeTrialEnabled, subscription?.eligibleForFreeTrial == true else { return label }
        return Copy.Billing.startFreeTrial(days: plan.freeTrialDays ?? 0)
    }
}
