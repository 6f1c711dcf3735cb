import Foundation

/// A purchase in progress (`object: "commerce_checkout"`): the plan and period chosen, what is owed now and later, and,
/// once confirmed (`status: "completed"`), the subscription item it created. Ids start with `cchk_`.
public struct BillingCheckout: Codable, Sendable, Equatable {
    public var id: String
    public var plan: BillingPlan
    /// `month` or `annual`.
    public var planPeriod: String
    public var payer: BillingPayer
    public var paymentMethod: BillingPaymentMethod?
    public var externalGatewayID: String
    /// `needs_confirmation` or `completed`.
    public var status: String
    public var totals: BillingCheckoutTotals
    public var subscriptionItem: BillingSubscriptionItem?
    public var planPeriodStart: Date?
    /// False for a downgrade, which takes effect when the current period ends.
    public var isImmediatePlanChange: Bool
    public var freeTrialEndsAt: Date?
    public var needsPaymentMethod: Bool

    public init(
        id: String, plan: BillingPlan, planPeriod: String, payer: BillingPayer, paymentMethod: BillingPaymentMethod?,
        externalGatewayID: String, status: String, totals: BillingCheckoutTotals, subscriptionItem: BillingSubscriptionItem?,
        planPeriodStart: Date?, isImmediatePlanChange: Bool, freeTrialEndsAt: Date?, needsPaymentMethod: Bool
    ) {
        self.id = id
        self.plan = plan
        self.planPeriod = planPeriod
        self.payer = payer
        self.paymentMethod = paymentMethod
        self.externalGatewayID = externalGatewayID
        self.status = status
        self.totals = totals
        self.subscriptionItem = subscriptionItem
        self.planPeriodStart = planPeriodStart
        self.isImmediatePlanChange = isImmediatePlanChange
        self.freeTrialEndsAt = freeTrialEndsAt
        self.needsPaymentMethod = needsPaymentMethod
    }

    enum CodingKeys: String, CodingKey {
        case object, id, plan, payer, status, totals
        case planPeriod = "plan_period", paymentMethod = "payment_method", externalGatewayID = "external_gateway_id"
        case subscriptionItem = "subscription_item", planPeriodStart = "plan_period_start"
        case isImmediatePlanChange = "is_immediate_plan_change", freeTrialEndsAt = "free_trial_ends_at"
        case needsPaymentMethod = "needs_payment_method"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        plan = try c.decode(BillingPlan.self, forKey: .plan)
        planPeriod = try c.decode(.planPeriod, default: "month")
        payer = try c.decode(BillingPayer.self, forKey: .payer)
        paymentMethod = try c.decodeIfPresent(BillingPaymentMethod.self, forKey: .paymentMethod)
        externalGatewayID = try c.decode(.externalGatewayID, default: "")
        status = try c.decode(.status, default: "needs_confirmation")
        totals = try c.decode(BillingCheckoutTotals.self, forKey: .totals)
        subscriptionItem = try c.decodeIfPresent(BillingSubscriptionItem.self, forKey: .subscriptionItem)
        planPeriodStart = try c.decodeIfPresent(Date.self, forKey: .planPeriodStart)
        isImmediatePlanChange = try c.decode(.isImmediatePlanChange, default: true)
        freeTrialEndsAt = try c.decodeIfPresent(Date.self, forKey: .freeTrialEndsAt)
        needsPaymentMethod = try c.decode(.needsPaymentMethod, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_checkout", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(plan, forKey: .plan)
        try c.encode(planPeriod, forKey: .planPeriod)
        try c.encode(payer, forKey: .payer)
        try c.encodeIfPresent(paymentMethod, forKey: .paymentMethod)
        try c.encode(externalGatewayID, forKey: .externalGatewayID)
        try c.encode(status, forKey: .status)
        try c.encode(totals, forKey: .totals)
        try c.encodeIfPresent(subscriptionItem, forKey: .subscriptionItem)
        try c.encodeIfPresent(planPeriodStart, forKey: .planPeriodStart)
        try c.encode(isImmediatePlanChange, forKey: .isImmediatePlanChange)
        try c.encodeIfPresent(freeTrialEndsAt, forKey: .freeTrialEndsAt)
        try c.encode(needsPaymentMethod, forKey: .needsPaymentMethod)
    }
}
