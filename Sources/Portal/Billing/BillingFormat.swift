import FrontendAPI

/// How billing objects read in Clerk's components: money in its currency, plan fees, saved cards, and the badges and
/// captions of subscription items.
public enum BillingFormat {
    /// "$20.00", "-$1.50": the currency's symbol and `amount_formatted`.
    public static func money(_ money: BillingMoney) -> String {
        let magnitude = money.amountFormatted.hasPrefix("-") ? String(money.amountFormatted.dropFirst()) : money.amountFormatted
        return (money.amount < 0 ? "-" : "") + money.currencySymbol + magnitude
    }

    /// The amount taken off, as checkout lines show credits: "-$9.00".
    public static func negative(_ money: BillingMoney) -> String {
        money.amount > 0 ? "-" + Self.money(money) : Self.money(money)
    }

    /// A saved card as Clerk names it: "Visa ⋯ 4242".
    public static func card(_ method: BillingPaymentMethod) -> String {
        guard method.paymentType == "card" else { return capitalized(method.paymentType) }
        guard let brand = method.cardType, !brand.isEmpty else { return "–" }
        return "\(capitalized(brand)) ⋯ \(method.last4 ?? "")"
    }

    /// What a plan costs a month in `period` (the annual price a month when billed annually), as the pricing table
    /// shows it; nil for a plan with no price at all.
    public static func fee(_ plan: BillingPlan, _ period: BillingPlanPeriod) -> BillingMoney? {
        guard let annual = plan.annualMonthlyFee, annual.amount > 0 else { return plan.fee }
        guard let fee = plan.fee, fee.amount > 0 else { return plan.annualFee }
        return period == .annual ? annual : fee
    }

    /// Whether the plan can be billed both ways, so a period toggle applies.
    public static func hasBothPeriods(_ plan: BillingPlan) -> Bool {
        !plan.isDefault && (plan.fee?.amount ?? 0) > 0 && (plan.annualMonthlyFee?.amount ?? 0) > 0
    }

    /// "month" or "annual" as the wire and Clerk's statement captions write it.
    public static func period(_ raw: String) -> BillingPlanPeriod { raw == "annual" ? .annual : .month }

    /// The item's badge: "Free trial", "Active", "Upcoming" or "Past due".
    public static func badge(_ item: BillingSubscriptionItem) -> String {
        if item.isFreeTrial { return Copy.Billing.freeTrial }
        switch item.status {
        case "upcoming": return Copy.Billing.upcomingPlan
        case "past_due": return Copy.Billing.pastDuePlan
        default: return Copy.Billing.activePlan
        }
    }

    /// Clerk's caption of an item: "Renews Jan 5, 2027", "Trial ends …", "Canceled • Ends …", "Starts …", "Past due …".
    public static func caption(_ item: BillingSubscriptionItem) -> String? {
        if let pastDue = item.pastDueAt { return Copy.Billing.pastDueSince(DateText.short(pastDue)) }
        if item.status == "upcoming" { return Copy.Billing.starts(DateText.short(item.periodStart)) }
        guard let end = item.periodEnd else { return nil }
        if item.canceledAt != nil { return Copy.Billing.canceledEnds(DateText.short(end)) }
        return item.isFreeTrial ? Copy.Billing.trialEnds(DateText.short(end)) : Copy.Billing.renews(DateText.short(end))
    }

    /// "$20.00 / month" for what the item costs each period; a free item's "$0.00" names no period, as Clerk's list.
    public static func itemFee(_ item: BillingSubscriptionItem) -> String? {
        let period = period(item.planPeriod)
        guard let fee = item.amount ?? item.plan.flatMap({ period == .annual ? $0.annualFee : $0.fee }) else { return nil }
        guard fee.amount > 0 else { return money(fee) }
        return "\(money(fee)) / \((period == .annual ? Copy.Billing.year : Copy.Billing.month).lowercased())"
    }

    private static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
