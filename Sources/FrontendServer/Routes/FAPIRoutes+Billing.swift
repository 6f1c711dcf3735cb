import Hummingbird

/// The billing routes: the plans, the user's billing under `/v1/me/billing`, an organization's under
/// `/v1/organizations/{id}/billing`, and the development gateway's card endpoint.
extension FAPIRoutes {
    /// A handler reading path parameters `names` (absent ones are empty) and running `body` with them.
    private func billingRoute(_ names: String...,
                              body: @escaping @Sendable (Exchange, [String]) async throws -> Reply)
        -> @Sendable (Request, FAPIRequestContext) async throws -> Response {
        { [gateway] request, context in
            let values = names.map { context.parameters.get($0) ?? "" }
            return try await gateway.serve(request, context) { try await body($0, values) }
        }
    }

    func billing(_ router: Router<FAPIRequestContext>) {
        router.get("v1/billing/plans", use: billingRoute { exchange, _ in try await BillingPlans(exchange: exchange).list() })
        router.get("v1/billing/plans/:plan", use: billingRoute("plan") { try await BillingPlans(exchange: $0).get($1[0]) })
        router.post(RouterPath(String(DevelopmentGateway.tokensPath.dropFirst())), use: billingRoute { exchange, _ in
            try await DevelopmentGatewayEndpoints(exchange: exchange).createToken()
        })
        // The same routes act for the user, or for the organization the path's `:id` names.
        payerBilling(router.group("v1/me/billing"), organization: nil)
        payerBilling(router.group("v1/organizations/:id/billing"), organization: "id")
    }

    /// The routes a user and an organization share; `organization` names the path parameter holding the organization.
    private func payerBilling(_ group: RouterGroup<FAPIRequestContext>, organization: String?) {
        let owner = organization ?? "-"
        let org: @Sendable ([String]) -> String? = { values in organization == nil ? nil : values[0] }
        group.get("subscription", use: billingRoute(owner) { try await BillingSubscriptions(exchange: $0).get(organizationID: org($1)) })
        group.get("subscription_items", use: billingRoute(owner) {
            try await BillingSubscriptions(exchange: $0).items(organizationID: org($1))
        })
        group.delete("subscription_items/:item", use: billingRoute(owner, "item") {
            try await BillingSubscriptions(exchange: $0).cancel($1[1], organizationID: org($1))
        })
        group.get("payment_methods", use: billingRoute(owner) { try await BillingPaymentMethods(exchange: $0).list(organizationID: org($1)) })
        group.post("payment_methods", use: billingRoute(owner) { try await BillingPaymentMethods(exchange: $0).add(organizationID: org($1)) })
        group.post("payment_methods/initialize", use: billingRoute(owner) {
            try await BillingPaymentMethods(exchange: $0).initialize(organizationID: org($1))
        })
        group.delete("payment_methods/:method", use: billingRoute(owner, "method") {
            try await BillingPaymentMethods(exchange: $0).remove($1[1], organizationID: org($1))
        })
        group.put("payers/default_payment_method", use: billingRoute(owner) {
            try await BillingPaymentMethods(exchange: $0).setDefault(organizationID: org($1))
        })
        payerCheckouts(group, owner: owner, org: org)
        group.get("statements", use: billingRoute(owner) { try await BillingHistory(exchange: $0).statements(organizationID: org($1)) })
        group.get("statements/:statement", use: billingRoute(owner, "statement") {
            try await BillingHistory(exchange: $0).statement($1[1], organizationID: org($1))
        })
        // The spec lists payment attempts for users only; clerk-js asks an organization's at the same place.
        group.get("payment_attempts", use: billingRoute(owner) { try await BillingHistory(exchange: $0).attempts(organizationID: org($1)) })
        group.get("payment_attempts/:attempt", use: billingRoute(owner, "attempt") {
            try await BillingHistory(exchange: $0).attempt($1[1], organizationID: org($1))
        })
    }

    private func payerCheckouts(_ group: RouterGroup<FAPIRequestContext>, owner: String,
                                org: @escaping @Sendable ([String]) -> String?) {
        group.post("checkouts", use: billingRoute(owner) { try await BillingCheckouts(exchange: $0).create(organizationID: org($1)) })
        group.get("checkouts/:checkout", use: billingRoute(owner, "checkout") {
            try await BillingCheckouts(exchange: $0).get($1[1], organizationID: org($1))
        })
        group.patch("checkouts/:checkout/confirm", use: billingRoute(owner, "checkout") {
            try await BillingCheckouts(exchange: $0).confirm($1[1], organizationID: org($1))
        })
    }
}
