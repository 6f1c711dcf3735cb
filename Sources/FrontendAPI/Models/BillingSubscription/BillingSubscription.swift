import Foundation

/// A payer's subscription (`object: "commerce_subscription"`): every plan they are on or will move to. Ids start with
/// `csub_`. `status` is `active`, or `past_due` while a charge is unpaid.
public struct BillingSubscription: Codable, Sendable, Equatable {
    public var id: String
    public var instanceID: String
    public var status: String
    public var payerID: String
    public var createdAt: Date
    public var updatedAt: Date
    public var activeAt: Date?
    public var pastDueAt: Date?
    public var subscriptionItems: [BillingSubscriptionItem]
    /// Nil when nothing is due (free plan, or a cancelled subscription).
    public var nextPayment: BillingNextPayment?
    /// Whether the payer may still start a free trial (one per payer).
    public var eligibleForFreeTrial: Bool

    public init(
        id: String, instanceID: String, status: String, payerID: String, createdAt: Date, updatedAt: Date,
        activeAt: Date?, pastDueAt: Date?, subscriptionItems: [BillingSubscriptionItem], nextPayment: BillingNextPayment?,
        eligibleForFreeTrial: Bool
    ) {
        self.id = id
        self.instanceID = instanceID
        self.status = status
        self.payerID = payerID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.activeAt = activeAt
        self.pastDueAt = pastDueAt
        self.subscriptionItems = subscriptionItems
        self.nextPayment = nextPayment
        self.eligibleForFreeTrial = eligibleForFreeTrial
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status
        case instanceID = "instance_id", payerID = "payer_id", createdAt = "created_at", updatedAt = "updated_at"
        case activeAt = "active_at", pastDueAt = "past_due_at", subscriptionItems = "subscription_items"
        case nextPayment = "next_payment", eligibleForFreeTrial = "eligible_for_free_trial"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        instanceID = try c.decode(.instanceID, default: "")
        status = try c.decode(.status, default: "active")
        payerID = try c.decode(.payerID, default: "")
        createdAt = try c.decode(.createdAt, default: Date(fapiMilliseconds: 0))
        updatedAt = try c.decode(.updatedAt, default: createdAt)
        activeAt = try c.decodeIfPresent(Date.self, forKey: .activeAt)
        pastDueAt = try c.decodeIfPresent(Date.self, forKey: .pastDueAt)
        subscriptionItems = try c.decode(.subscriptionItems, default: [])
        nextPayment = try c.decodeIfPresent(BillingNextPayment.self, forKey: .nextPayment)
        eligibleForFreeTrial = try c.decode(.eligibleForFreeTrial, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_subscription", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(instanceID, forKey: .instanceID)
        try c.encode(status, forKey: .status)
        try c.encode(payerID, forKey: .payerID)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(activeAt, forKey: .activeAt)
        try c.encode(pastDueAt, forKey: .pastDueAt)
        try c.encode(subscriptionItems, forKey: .subscriptionItems)
        try c.encode(nextPayment, forKey: .nextPayment)
        try c.encode(eligibleForFreeTrial, forKey: .eligibleForFreeTrial)
    }
}
