import Foundation

/// One plan a payer is (or will be) subscribed to (`object: "commerce_subscription_item"`). Ids start with `csubi_`.
///
/// Statuses: `active`; `upcoming` (starts at `period_start`, e.g. after a downgrade); `canceled` (access until
/// `period_end`); `past_due` (a renewal charge failed); `ended`.
public struct BillingSubscriptionItem: Codable, Sendable, Equatable {
    public var id: String
    public var instanceID: String
    public var status: String
    public var planID: String
    public var priceID: String?
    public var plan: BillingPlan?
    /// `month` or `annual`.
    public var planPeriod: String
    public var paymentMethodID: String?
    public var paymentMethod: BillingPaymentMethod?
    public var lifetimePaid: BillingMoney?
    /// What each period costs.
    public var amount: BillingMoney?
    public var nextPayment: BillingNextPayment?
    public var payerID: String
    public var isFreeTrial: Bool
    public var periodStart: Date
    /// Nil for the free default plan, which does not renew.
    public var periodEnd: Date?
    public var canceledAt: Date?
    public var pastDueAt: Date?
    public var endedAt: Date?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Organization plans with a seat limit: the seats the subscription covers (null quantity: unlimited).
    public var seats: Seats?

    public init(
        id: String, instanceID: String, status: String, planID: String, priceID: String? = nil, plan: BillingPlan? = nil,
        planPeriod: String, paymentMethodID: String? = nil, paymentMethod: BillingPaymentMethod? = nil,
        lifetimePaid: BillingMoney? = nil, amount: BillingMoney? = nil, nextPayment: BillingNextPayment? = nil,
        payerID: String, isFreeTrial: Bool, periodStart: Date, periodEnd: Date?, canceledAt: Date? = nil,
        pastDueAt: Date? = nil, endedAt: Date? = nil, createdAt: Date? = nil, updatedAt: Date? = nil, seats: Seats? = nil
    ) {
        self.id = id
        self.instanceID = instanceID
        self.status = status
        self.planID = planID
        self.priceID = priceID
        self.plan = plan
        self.planPeriod = planPeriod
        self.paymentMethodID = paymentMethodID
        self.paymentMethod = paymentMethod
        self.lifetimePaid = lifetimePaid
        self.amount = amount
        self.nextPayment = nextPayment
        self.payerID = payerID
        self.isFreeTrial = isFreeTrial
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.canceledAt = canceledAt
        self.pastDueAt = pastDueAt
        self.endedAt = endedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.seats = seats
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status, plan, amount, seats
        case instanceID = "instance_id", planID = "plan_id", priceID = "price_id", planPeriod = "plan_period"
        case paymentMethodID = "payment_method_id", paymentMethod = "payment_method", lifetimePaid = "lifetime_paid"
        case nextPayment = "next_payment", payerID = "payer_id", isFreeTrial = "is_free_trial"
        case periodStart = "period_start", periodEnd = "period_end", canceledAt = "canceled_at"
        case pastDueAt = "past_due_at", endedAt = "ended_at", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        instanceID = try c.decode(.instanceID, default: "")
        status = try c.decode(.status, default: "active")
        plan = try c.decodeIfPresent(BillingPlan.self, forKey: .plan)
        planID = try c.decode(.planID, default: plan?.id ?? "")
        priceID = try c.decodeIfPresent(String.self, forKey: .priceID)
        planPeriod = try c.decode(.planPeriod, default: "month")
        paymentMethodID = try c.decodeIfPresent(String.self, forKey: .paymentMethodID)
        paymentMethod = try c.decodeIfPresent(BillingPaymentMethod.self, forKey: .paymentMethod)
        lifetimePaid = try c.decodeIfPresent(BillingMoney.self, forKey: .lifetimePaid)
        amount = try c.decodeIfPresent(BillingMoney.self, forKey: .amount)
        nextPayment = try c.decodeIfPresent(BillingNextPayment.self, forKey: .nextPayment)
        payerID = try c.decode(.payerID, default: "")
        isFreeTrial = try c.decode(.isFreeTrial, default: false)
        periodStart = try c.decode(.periodStart, default: Date(fapiMilliseconds: 0))
        periodEnd = try c.decodeIfPresent(Date.self, forKey: .periodEnd)
        canceledAt = try c.decodeIfPresent(Date.self, forKey: .canceledAt)
        pastDueAt = try c.decodeIfPresent(Date.self, forKey: .pastDueAt)
        endedAt = try c.decodeIfPresent(Date.self, forKey: .endedAt)
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(Date.self, forKey: .updatedAt)
        seats = try c.decodeIfPresent(Seats.self, forKey: .seats)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_subscription_item", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(instanceID, forKey: .instanceID)
        try c.encode(status, forKey: .status)
        try c.encode(planID, forKey: .planID)
        try c.encodeIfPresent(priceID, forKey: .priceID)
        try c.encodeIfPresent(plan, forKey: .plan)
        try c.encode(planPeriod, forKey: .planPeriod)
        try c.encodeIfPresent(paymentMethodID, forKey: .paymentMethodID)
        try c.encodeIfPresent(paymentMethod, forKey: .paymentMethod)
        try c.encodeIfPresent(lifetimePaid, forKey: .lifetimePaid)
        try c.encodeIfPresent(amount, forKey: .amount)
        try c.encode(nextPayment, forKey: .nextPayment)
        try c.encode(payerID, forKey: .payerID)
        try c.encode(isFreeTrial, forKey: .isFreeTrial)
        try c.encode(periodStart, forKey: .periodStart)
        try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(canceledAt, forKey: .canceledAt)
        try c.encode(pastDueAt, forKey: .pastDueAt)
        try c.encode(endedAt, forKey: .endedAt)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(seats, forKey: .seats)
    }

    /// The seats a seat-based subscription covers; `quantity` null means unlimited.
    public struct Seats: Codable, Sendable, Equatable {
        public var quantity: Int?

        public init(quantity: Int?) { self.quantity = quantity }

        enum CodingKeys: String, CodingKey { case quantity }

        public init(from decoder: any Decoder) throws {
            quantity = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int.self, forKey: .quantity)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(quantity, forKey: .quantity)
        }
    }
}

/// The next charge of a subscription or subscription item: how much, and when.
public struct BillingNextPayment: Codable, Sendable, Equatable {
    public var amount: BillingMoney
    public var date: Date

    public init(amount: BillingMoney, date: Date) {
        self.amount = amount
        self.date = date
    }
}
