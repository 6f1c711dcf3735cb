import Foundation
import FrontendAPI
import SQLKit

/// Checkouts (operations `CreateUserBillingCheckout`, `GetUserBillingCheckout`, `ConfirmUserBillingCheckout` and their
/// organization twins): a quote for a plan and period, then its confirmation, which charges through the development
/// gateway and changes the subscription (see `BillingQuote` for the rules).
struct BillingCheckouts: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var access: BillingAccess { BillingAccess(exchange: exchange) }
    var catalog: BillingCatalog { instance.billing.catalog }
    var quoter: BillingQuoter { BillingQuoter(catalog: catalog, settings: catalog.settings, now: instance.nowMS) }

    /// `POST …/billing/checkouts` (`plan_id`, `plan_period`, `payment_method_id`; `org_id` on `/v1/me`).
    func create(organizationID: String?) async throws -> Reply {
        let organizationID = organizationID ?? form.nonEmpty("org_id")
        let reference = try form.required("plan_id")
        let period = try Self.period(form.nonEmpty("plan_period"))
        return try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            let payer = try await ledger.settledPayer(context.owner)
            guard let plan = catalog.plan(reference: reference), plan.payer == context.owner.kind else { throw APIFailure.planNotFound }
            try await checkPayer(context, plan: plan, in: db)
            let methodID = try await form.nonEmpty("payment_method_id").asyncMap { id in
                guard let method = try await BillingPaymentMethodRecord.find(id, in: db), method.payerId == payer.id,
                      method.removedAt == nil else { throw APIFailure.paymentMethodNotFound }
                return method.id
            }
            let quote = try quoter.quote(plan: plan, period: period, payer: payer, items: try await ledger.liveItems(payer.id))
            let now = instance.nowMS
            let checkout = BillingCheckoutRecord(
                id: StableID.random("cchk"), payerId: payer.id, planId: plan.id, planPeriod: period, paymentMethodId: methodID,
                status: "needs_confirmation", subscriptionItemId: nil, quote: try Self.encode(quote), createdAt: now, updatedAt: now)
            try await checkout.insert(in: db)
            let rendered = try await BillingPresenter(instance: instance, db: db).checkout(checkout, quote: quote, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    /// `GET …/billing/checkouts/{id}`: a pending checkout is quoted again at the current time.
    func get(_ id: String, organizationID: String?) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .read, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            let payer = try await ledger.settledPayer(context.owner)
            let checkout = try await Self.find(id, payer: payer, in: db)
            let quote = try await currentQuote(checkout, payer: payer, ledger: ledger)
            let rendered = try await BillingPresenter(instance: instance, db: db).checkout(checkout, quote: quote, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    /// The quote a checkout shows: the confirmed one, or one computed now (the stored one if the change is no longer
    /// possible, so the checkout still renders; confirming it then fails).
    private func currentQuote(_ checkout: BillingCheckoutRecord, payer: BillingPayerRecord,
                              ledger: BillingLedger) async throws -> BillingQuote {
        let stored = try Self.decode(checkout.quote)
        guard checkout.status != "completed", let plan = catalog.plan(id: checkout.planId) else { return stored }
        let items = try await ledger.liveItems(payer.id)
        return (try? quoter.quote(plan: plan, period: checkout.planPeriod, payer: payer, items: items)) ?? stored
    }

    // MARK: Checks

    /// A user must have an email address for receipts; an organization must fit in the plan's seats.
    private func checkPayer(_ context: BillingContext, plan: CatalogPlan, in db: any SQLDatabase) async throws {
        switch context.owner {
        case .user:
            guard context.user.primaryEmailAddressId != nil else { throw APIFailure.missingPayerEmail }
        case .organization(let organizationID):
            let limit = plan.definition.seatLimit
            guard limit > 0 else { return }
            let taken = try await OrganizationAccess(instance: instance).seatsTaken(organizationID, countingInvitations: true, in: db)
            if taken > limit { throw APIFailure.planSeatsExceeded(limit: limit) }
        }
    }

    static func period(_ raw: String?) throws(APIFailure) -> BillingPeriod {
        guard let raw else { return .month }
        guard let period = BillingPeriod(rawValue: raw) else {
            throw .paramInvalid("plan_period", "plan_period must be month or annual.")
        }
        return period
    }

    static func find(_ id: String, payer: BillingPayerRecord, in db: any SQLDatabase) async throws -> BillingCheckoutRecord {
        guard let checkout = try await BillingCheckoutRecord.find(id, in: db), checkout.payerId == payer.id else {
            throw APIFailure.notFound("Checkout")
        }
        return checkout
    }

    static func encode(_ quote: BillingQuote) throws -> String { String(decoding: try JSONEncoder().encode(quote), as: UTF8.self) }

    static func decode(_ text: String) throws -> BillingQuote { try JSONDecoder().decode(BillingQuote.self, from: Data(text.utf8)) }
}
