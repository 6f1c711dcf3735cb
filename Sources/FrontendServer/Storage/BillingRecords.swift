import FrontendAPI

/// Row types of the billing tables (migration 20). Amounts are in the currency's smallest unit (cents); timestamps are
/// epoch milliseconds; statuses are the wire strings FAPI shows. Cards are kept as brand, last four digits and expiry
/// only: never the number or the CVC.

/// A user or an organization that pays, with its one subscription.
struct BillingPayerRecord: Record {
    static let table = "billing_payers"
    var id: String
    var userId: String?
    var organizationId: String?
    /// The `csub_` id of the payer's subscription, which lives as long as the payer.
    var subscriptionId: String
    var defaultPaymentMethodId: String?
    /// Charges that failed and are still owed: added to the next checkout's total.
    var pastDueAmount: Int64
    /// A payer gets one free trial.
    var trialUsed: Bool
    /// The earliest instant something falls due (a renewal, a trial's end, a scheduled plan change); nil: nothing.
    var settleAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}

/// A plan the payer is on, was on, or will move to.
struct BillingSubscriptionItemRecord: Record {
    static let table = "billing_subscription_items"
    var id: String
    var payerId: String
    var planId: String
    var planPeriod: BillingPeriod
    var status: BillingItemStatus
    var isFreeTrial: Bool
    /// What each period costs, fixed when subscribed.
    var amount: Int64
    var currency: String
    var periodStart: Int64
    /// Nil for a free plan, which never renews.
    var periodEnd: Int64?
    var canceledAt: Int64?
    var pastDueAt: Int64?
    var endedAt: Int64?
    var paymentMethodId: String?
    var createdAt: Int64
    var updatedAt: Int64
}

enum BillingItemStatus: String, Codable, Sendable {
    case active, upcoming, canceled, ended
    case pastDue = "past_due"
}

enum BillingPeriod: String, Codable, Sendable, CaseIterable {
    case month, annual
}

/// A saved card. `chargeDecline` is how the development gateway answers charges to it (a Stripe test card's
/// behaviour), nil when they succeed.
struct BillingPaymentMethodRecord: Record {
    static let table = "billing_payment_methods"
    var id: String
    var payerId: String
    var gateway: String
    var gatewayExternalId: String
    var cardType: String
    var last4: String
    var expiryMonth: Int
    var expiryYear: Int
    var chargeDecline: String?
    /// Set when the payer removed it; kept so past payments still show the card.
    var removedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}

/// A single-use card token of the development gateway, keyed by the token's digest.
struct BillingCardTokenRecord: Record {
    static let table = "billing_card_tokens"
    /// The HMAC digest of the token; the token itself is never stored.
    var id: String
    var cardType: String
    var last4: String
    var expiryMonth: Int
    var expiryYear: Int
    /// Saving the card fails with this code (`card_declined`, `insufficient_funds`), as Stripe's declining test cards do.
    var attachDecline: String?
    /// Charges to the card fail with this code.
    var chargeDecline: String?
    var usedAt: Int64?
    var expiresAt: Int64
    var createdAt: Int64
}

/// A checkout: what the payer chose, its quote (JSON; as computed when created, then as confirmed) and, once completed,
/// the subscription item it created.
struct BillingCheckoutRecord: Record {
    static let table = "billing_checkouts"
    var id: String
    var payerId: String
    var planId: String
    var planPeriod: BillingPeriod
    var paymentMethodId: String?
    var status: String
    var subscriptionItemId: String?
    var quote: String
    var createdAt: Int64
    var updatedAt: Int64
}

/// One charge, paid or failed, with the statement it is a line of.
struct BillingPaymentAttemptRecord: Record {
    static let table = "billing_payment_attempts"
    var id: String
    var payerId: String
    var subscriptionItemId: String
    var paymentMethodId: String?
    var statementId: String
    /// `checkout` or `recurring`.
    var chargeType: String
    /// `paid` or `failed`.
    var status: String
    var amount: Int64
    var currency: String
    /// The plan's price for the period, before credits and past-due amounts.
    var subtotal: Int64
    var credit: Int64
    var pastDue: Int64
    var failureCode: String?
    var gatewayExternalId: String?
    var paidAt: Int64?
    var failedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}

/// A payer's statement for one calendar month (UTC).
struct BillingStatementRecord: Record {
    static let table = "billing_statements"
    var id: String
    var payerId: String
    var periodStart: Int64
    var periodEnd: Int64
    var createdAt: Int64
    var updatedAt: Int64
}
