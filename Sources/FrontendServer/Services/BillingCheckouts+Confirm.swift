import FrontendAPI
import SQLKit

/// `PATCH …/billing/checkouts/{id}/confirm`: pays with a saved card (`payment_method_id`), a new one (`gateway` with
/// `payment_token`, or `gateway=stripe&use_test_card=true`), or the payer's default card, then changes the subscription.
///
/// It runs in three steps so that the gateway's answer (which may take `gateway_latency_ms`) is awaited outside any
/// transaction: check the checkout and spend the card's token; ask the gateway; apply the change. While one confirm
/// of a checkout runs, another answers 409 `checkout_already_in_progress` (clerk-js retries on it). A declined card
/// fails the confirm with 422 `card_declined` or `insufficient_funds`: nothing is charged or changed, and the
/// checkout can be confirmed again with another card. Confirming a completed checkout answers it again, unchanged.
extension BillingCheckouts {
    /// What the first step found.
    private struct Prepared: Sendable {
        let source: BillingCardSource?
        /// The gateway's refusal, if it will refuse the card.
        let decline: String?
        let param: String
        let completed: Bool
    }

    func confirm(_ id: String, organizationID: String?) async throws -> Reply {
        let billing = instance.billing, leases = Leases(database: instance.database), lease = "checkout_confirm:" + id
        // Held for the gateway's latency and a minute more, should this node die before it gives it back.
        let ttl = Int64(billing.catalog.settings.gatewayLatencyMilliseconds) + 60_000
        guard try await leases.acquire(lease, now: instance.nowMS, ttl: ttl) else { throw APIFailure.checkoutAlreadyInProgress }
        do {
            let reply = try await confirmHeld(id, organizationID: organizationID)
            try await leases.release(lease)
            return reply
        } catch {
            try? await leases.release(lease)
            throw error
        }
    }

    private func confirmHeld(_ id: String, organizationID: String?) async throws -> Reply {
        let billing = instance.billing
        let prepared = try await prepare(id, organizationID: organizationID)
        if !prepared.completed {
            let latency = billing.catalog.settings.gatewayLatencyMilliseconds
            if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
            if let decline = prepared.decline {
                exchange.logger.notice("card declined", metadata: ["checkout_id": "\(id)", "code": "\(decline)"])
                throw APIFailure.cardDeclined(decline, param: prepared.param)
            }
        }
        return try await complete(id, organizationID: organizationID, source: prepared.source)
    }

    /// Step 1: the checkout can still be confirmed, and the card to charge (a new card's token is spent here).
    private func prepare(_ id: String, organizationID: String?) async throws -> Prepared {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            let payer = try await ledger.settledPayer(context.owner)
            let checkout = try await Self.find(id, payer: payer, in: db)
            guard checkout.status != "completed" else { return Prepared(source: nil, decline: nil, param: "", completed: true) }
            let quote = try await quote(checkout, payer: payer, ledger: ledger)
            var source = try await BillingCardSource.resolve(form, payer: payer, exchange: exchange, in: db)
            if source == nil {
                source = try await ledger.usableMethod(checkout.paymentMethodId, payer.defaultPaymentMethodId, payer: payer)
                    .map(BillingCardSource.saved)
            }
            guard source != nil || !quote.needsPaymentMethod else { throw APIFailure.paymentMethodRequired }
            let charging = quote.totalDueNow > 0
            switch source {
            case .saved(let method)?:
                return Prepared(source: source, decline: charging ? method.chargeDecline : nil, param: "payment_method_id",
                                completed: false)
            case .new(let card, _)?:
                return Prepared(source: source, decline: card.attachDecline ?? (charging ? card.chargeDecline : nil),
                                param: "payment_token", completed: false)
            case nil:
                return Prepared(source: nil, decline: nil, param: "", completed: false)
            }
        }
    }

    /// Step 3: saves a new card, applies the quote (recomputed now) and completes the checkout.
    private func complete(_ id: String, organizationID: String?, source: BillingCardSource?) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            var payer = try await ledger.settledPayer(context.owner)
            var checkout = try await Self.find(id, payer: payer, in: db)
            if checkout.status != "completed" {
                try await carryOut(&checkout, source: source, payer: &payer, ledger: ledger)
            }
            let rendered = try await BillingPresenter(instance: instance, db: db)
                .checkout(checkout, quote: try Self.decode(checkout.quote), payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    private func carryOut(_ checkout: inout BillingCheckoutRecord, source: BillingCardSource?, payer: inout BillingPayerRecord,
                          ledger: BillingLedger) async throws {
        guard let plan = catalog.plan(id: checkout.planId) else { throw APIFailure.planNotFound }
        let items = try await ledger.liveItems(payer.id)
        let quote = try quoter.quote(plan: plan, period: checkout.planPeriod, payer: payer, items: items)
        var method: BillingPaymentMethodRecord?
        switch source {
        case .saved(let saved)?: method = saved
        case .new(let card, let gateway)?:
            method = try await BillingPaymentMethods.save(card, gateway: gateway, payer: &payer, in: ledger.db, now: instance.nowMS)
        case nil: method = nil
        }
        let item = try await ledger.apply(quote, plan: plan, payer: &payer, items: items, method: method)
        checkout.status = "completed"
        checkout.subscriptionItemId = item.id
        checkout.paymentMethodId = method?.id ?? checkout.paymentMethodId
        checkout.quote = try Self.encode(quote)
        checkout.updatedAt = instance.nowMS
        try await checkout.save(in: ledger.db)
        exchange.logger.info("checkout completed", metadata: [
            "checkout_id": "\(checkout.id)", "payer_id": "\(payer.id)", "change": "\(quote.change.rawValue)",
            "charged": "\(quote.totalDueNow)",
        ])
    }

    private func quote(_ checkout: BillingCheckoutRecord, payer: BillingPayerRecord, ledger: BillingLedger) async throws -> BillingQuote {
        guard let plan = catalog.plan(id: checkout.planId) else { throw APIFailure.planNotFound }
        return try quoter.quote(plan: plan, period: checkout.planPeriod, payer: payer, items: try await ledger.liveItems(payer.id))
    }
}
