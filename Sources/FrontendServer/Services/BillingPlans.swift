import FrontendAPI

/// `GET /v1/billing/plans` and `GET /v1/billing/plans/{id or slug}` (operations `GetBillingPlanList`,
/// `GetBillingPlan`): the publicly visible plans, served bare and to anyone, signed in or not.
struct BillingPlans: Sendable {
    let exchange: Exchange
    var catalog: BillingCatalog { exchange.instance.billing.catalog }

    /// `payer_type=user|org` filters; without it, the plans of every payer kind with billing on.
    func list() async throws -> Reply {
        let query = exchange.call.query
        let kinds: [BillingPayerKind]
        switch query.nonEmpty("payer_type") {
        case nil: kinds = BillingPayerKind.allCases.filter(catalog.settings.enabled(for:))
        case let value?:
            guard let kind = BillingPayerKind(rawValue: value) else {
                throw APIFailure.paramInvalid("payer_type", "payer_type must be user or org.")
            }
            guard catalog.settings.enabled(for: kind) else { throw APIFailure.billingNotEnabled(kind) }
            kinds = [kind]
        }
        let page = try Pagination(query: query)
        let plans = catalog.plans.filter { kinds.contains($0.payer) && $0.definition.publiclyVisible }
        return try exchange.bare(PaginatedList(data: page.page(plans).map(catalog.wire), totalCount: plans.count))
    }

    func get(_ reference: String) async throws -> Reply {
        guard let plan = catalog.plan(reference: reference), catalog.settings.enabled(for: plan.payer) else {
            throw APIFailure.planNotFound
        }
        return try exchange.bare(catalog.wire(plan))
    }
}
