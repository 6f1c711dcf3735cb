import Foundation

/// Clerk Billing, as clerk-js calls it (`core/modules/billing/`, `core/resources/Billing*.ts`): the plans, and the
/// payer's subscription, payment methods, checkouts, statements and payment attempts under `/v1/me/billing…` or
/// `/v1/organizations/{id}/billing…` (``BillingPayerScope``). Each takes the session to act for; nil means the active
/// session. Lists are paginated with `offset` and `limit`.
extension FrontendClient {
    // MARK: Plans

    /// `GET /v1/billing/plans?payer_type=user|org` (bare, as the spec serves it).
    public func billingPlans(for payer: BillingPayerScope, offset: Int = 0, limit: Int = 50) async throws
        -> PaginatedList<BillingPlan>
    {
        try await send(Endpoint(
            .get, "/v1/billing/plans", query: pageQuery(offset, limit) + [("payer_type", payer.payerType)],
            envelope: .bareOrWrapped))
    }

    /// `GET /v1/billing/plans/{id}` by id or slug (bare).
    public func billingPlan(_ idOrSlug: String) async throws -> BillingPlan {
        try await send(Endpoint(.get, "/v1/billing/plans/\(segment(idOrSlug))", envelope: .bareOrWrapped))
    }

    // MARK: Subscription

    /// `GET …/billing/subscription`: every plan the payer is on or moving to.
    public func billingSubscription(_ payer: BillingPayerScope, sessionID: String? = nil) async throws
        -> BillingSubscription
    {
        try await send(Endpoint(.get, payer.path("subscription"), sessionScope: .me(sessionID)))
    }

    /// `GET …/billing/subscription_items`.
    public func billingSubscriptionItems(
        _ payer: BillingPayerScope, offset: Int = 0, limit: Int = 20, sessionID: String? = nil
    ) async throws -> PaginatedList<BillingSubscriptionItem> {
        try await send(Endpoint(
            .get, payer.path("subscription_items"), query: pageQuery(offset, limit), sessionScope: .me(sessionID)))
    }

    /// `DELETE …/billing/subscription_items/{id}`: cancels at the period's end.
    @discardableResult
    public func cancelBillingSubscriptionItem(_ payer: BillingPayerScope, itemID: String, sessionID: String? = nil)
        async throws -> BillingSubscriptionItem
    {
        try await send(Endpoint(
            .delete, payer.path("subscription_items/\(segment(itemID))"), sessionScope: .me(sessionID)))
    }

    // MARK: Payment methods

    /// `GET …/billing/payment_methods`, the default first.
    public func billingPaymentMethods(
        _ payer: BillingPayerScope, offset: Int = 0, limit: Int = 20, sessionID: String? = nil
    ) async throws -> PaginatedList<BillingPaymentMethod> {
        try await send(Endpoint(
            .get, payer.path("payment_methods"), query: pageQuery(offset, limit), sessionScope: .me(sessionID)))
    }

    /// `POST …/billing/payment_methods/initialize` with `gateway=stripe`, as clerk-js asks before adding a card: the
    /// answer names the gateway the card goes to (`development` on the local server).
    public func initializeBillingPaymentMethod(_ payer: BillingPayerScope, sessionID: String? = nil) async throws
        -> BillingPaymentMethodInitialize
    {
        try await send(Endpoint(
            .post, payer.path("payment_methods/initialize"), body: ["gateway": "stripe"], sessionScope: .me(sessionID)))
    }

    /// `POST …/billing/payment_methods` with the gateway's token for a card.
    public func addBillingPaymentMethod(
        _ payer: BillingPayerScope, gateway: String, paymentToken: String, sessionID: String? = nil
    ) async throws -> BillingPaymentMethod {
        try await send(Endpoint(
            .post, payer.path("payment_methods"),
            body: ["gateway": .string(gateway), "payment_token": .string(paymentToken)], sessionScope: .me(sessionID)))
    }

    /// `DELETE …/billing/payment_methods/{id}`.
    @discardableResult
    public func removeBillingPaymentMethod(_ payer: BillingPayerScope, methodID: String, sessionID: String? = nil)
        async throws -> BillingPaymentMethod
    {
        try await send(Endpoint(
            .delete, payer.path("payment_methods/\(segment(methodID))"), sessionScope: .me(sessionID)))
    }

    /// `PUT …/billing/payers/default_payment_method` with `payment_method_id`.
    @discardableResult
    public func setDefaultBillingPaymentMethod(_ payer: BillingPayerScope, methodID: String, sessionID: String? = nil)
        async throws -> BillingPaymentMethod
    {
        try await send(Endpoint(
            .put, payer.path("payers/default_payment_method"), body: ["payment_method_id": .string(methodID)],
            sessionScope: .me(sessionID)))
    }

    /// `POST /v1/dev_gateway/payment_tokens`: the local server's development gateway turns a card into a single-use
    /// token (the stand-in for Stripe's card element). The card goes nowhere else.
    public func tokenizeCard(_ card: CardDetails) async throws -> String {
        let answer: DevelopmentPaymentToken = try await send(Endpoint(
            .post, "/v1/dev_gateway/payment_tokens", body: card.fields, envelope: .bare))
        return answer.paymentToken
    }

    // MARK: Checkouts

    /// `POST …/billing/checkouts` with `plan_id` and `plan_period`.
    public func createBillingCheckout(
        _ payer: BillingPayerScope, planID: String, period: BillingPlanPeriod, sessionID: String? = nil
    ) async throws -> BillingCheckout {
        try await send(Endpoint(
            .post, payer.path("checkouts"), body: ["plan_id": .string(planID), "plan_period": .string(period.rawValue)],
            sessionScope: .me(sessionID)))
    }

    /// `GET …/billing/checkouts/{id}`.
    public func billingCheckout(_ payer: BillingPayerScope, checkoutID: String, sessionID: String? = nil) async throws
        -> BillingCheckout
    {
        try await send(Endpoint(.get, payer.path("checkouts/\(segment(checkoutID))"), sessionScope: .me(sessionID)))
    }

    /// `PATCH …/billing/checkouts/{id}/confirm`: pays and subscribes. clerk-js retries a 409
    /// `checkout_already_in_progress`; callers do so themselves, as the wait belongs to them.
    public func confirmBillingCheckout(
        _ payer: BillingPayerScope, checkoutID: String, payment: CheckoutPayment, sessionID: String? = nil
    ) async throws -> BillingCheckout {
        try await send(Endpoint(
            .patch, payer.path("checkouts/\(segment(checkoutID))/confirm"), body: payment.fields,
            sessionScope: .me(sessionID), isIdempotent: false))
    }

    // MARK: History

    /// `GET …/billing/statements`, newest first.
    public func billingStatements(
        _ payer: BillingPayerScope, offset: Int = 0, limit: Int = 20, sessionID: String? = nil
    ) async throws -> PaginatedList<BillingStatement> {
        try await send(Endpoint(
            .get, payer.path("statements"), query: pageQuery(offset, limit), sessionScope: .me(sessionID)))
    }

    /// `GET …/billing/statements/{id}`.
    public func billingStatement(_ payer: BillingPayerScope, statementID: String, sessionID: String? = nil)
        async throws -> BillingStatement
    {
        try await send(Endpoint(.get, payer.path("statements/\(segment(statementID))"), sessionScope: .me(sessionID)))
    }

    /// `GET …/billing/payment_attempts`, newest first. The spec wraps it; clerk-js also reads it bare.
    public func billingPaymentAttempts(
        _ payer: BillingPayerScope, offset: Int = 0, limit: Int = 20, sessionID: String? = nil
    ) async throws -> PaginatedList<BillingPaymentAttempt> {
        try await send(Endpoint(
            .get, payer.path("payment_attempts"), query: pageQuery(offset, limit), envelope: .bareOrWrapped,
            sessionScope: .me(sessionID)))
    }

    /// `GET …/billing/payment_attempts/{id}`.
    public func billingPaymentAttempt(_ payer: BillingPayerScope, attemptID: String, sessionID: String? = nil)
        async throws -> BillingPaymentAttempt
    {
        try await send(Endpoint(
            .get, payer.path("payment_attempts/\(segment(attemptID))"), envelope: .bareOrWrapped,
            sessionScope: .me(sessionID)))
    }
}
