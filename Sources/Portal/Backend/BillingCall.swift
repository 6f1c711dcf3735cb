import FrontendAPI

/// One Clerk Billing call, for the payer ``BackendCall/billing(sessionID:payer:_:)`` names (the user, or an
/// organization), acting for its session. Lists come ``pageSize`` rows at a time; plans all at once.
public enum BillingCall: Equatable, Sendable {
    /// `GET /v1/billing/plans?payer_type=user|org`
    case plans
    /// `GET …/billing/subscription`
    case subscription
    /// `DELETE …/billing/subscription_items/{id}`
    case cancelItem(id: String)
    /// `GET …/billing/payment_methods`
    case paymentMethods
    /// `POST …/billing/payment_methods/initialize`
    case initializePaymentMethod
    /// `POST /v1/dev_gateway/payment_tokens`: the development gateway's token for a card.
    case tokenizeCard(CardDetails)
    /// `POST …/billing/payment_methods`
    case addPaymentMethod(gateway: String, paymentToken: String)
    /// `DELETE …/billing/payment_methods/{id}`
    case removePaymentMethod(id: String)
    /// `PUT …/billing/payers/default_payment_method`
    case setDefaultPaymentMethod(id: String)
    /// `POST …/billing/checkouts`
    case createCheckout(planID: String, period: BillingPlanPeriod)
    /// `PATCH …/billing/checkouts/{id}/confirm`
    case confirmCheckout(id: String, CheckoutPayment)
    /// `GET …/billing/statements`
    case statements(offset: Int)
    /// `GET …/billing/statements/{id}`
    case statement(id: String)
    /// `GET …/billing/payment_attempts`
    case paymentAttempts(offset: Int)
    /// `GET …/billing/payment_attempts/{id}`
    case paymentAttempt(id: String)

    /// Rows per page of statements and payments.
    public static let pageSize = 10
}
