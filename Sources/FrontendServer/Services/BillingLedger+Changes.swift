import FrontendAPI
import SQLKit

/// Plan changes: a confirmed checkout's quote carried out, and a subscription item cancelled.
extension BillingLedger {
    /// Carries out `quote` now, charging `method` what is due now (the gateway already approved it). Returns the item
    /// the checkout created or changed.
    func apply(_ quote: BillingQuote, plan: CatalogPlan, payer: inout BillingPayerRecord, items: [BillingSubscriptionItemRecord],
               method: BillingPaymentMethodRecord?) async throws -> BillingSubscriptionItemRecord {
        let current = items.first { $0.id == quote.currentItemID }
        var result: BillingSubscriptionItemRecord
        switch quote.change {
        case .resubscribe, .payPastDue:
            guard var item = current else { throw APIFailure.notFound("Subscription item") }
            if quote.change == .payPastDue {
                item.periodStart = now
                item.periodEnd = BillingCalendar.advance(now, by: item.planPeriod)
                item.pastDueAt = nil
                item.paymentMethodId = method?.id ?? item.paymentMethodId
            }
            item.status = .active
            item.canceledAt = nil
            item.updatedAt = now
            try await item.save(in: db)
            try await dropUpcoming(payer.id)
            result = item
        case .downgrade:
            try await endOrCancel(current, cancel: true)
            try await dropUpcoming(payer.id)
            result = newItem(payer: payer, plan: plan, period: quote.period, status: .upcoming, start: quote.periodStart,
                             trialEndsAt: nil, paymentMethodID: method?.id)
            try await result.insert(in: db)
        case .subscribe, .upgrade:
            try await endOrCancel(current, cancel: false)
            try await dropUpcoming(payer.id)
            result = newItem(payer: payer, plan: plan, period: quote.period, status: .active, start: now,
                             trialEndsAt: quote.trialEndsAt, paymentMethodID: method?.id)
            try await result.insert(in: db)
            if quote.trialEndsAt != nil { payer.trialUsed = true }
        }
        try await chargeCheckout(quote, item: result, method: method, payer: &payer)
        try await saveSchedule(&payer)
        return result
    }

    /// Records what the checkout charged, which settles any past-due amount carried in it.
    private func chargeCheckout(_ quote: BillingQuote, item: BillingSubscriptionItemRecord, method: BillingPaymentMethodRecord?,
                                payer: inout BillingPayerRecord) async throws {
        guard quote.totalDueNow > 0, let method else { return }
        let charge = BillingCharge(amount: quote.totalDueNow, subtotal: quote.subtotal, credit: quote.prorationCredit,
                                   pastDue: quote.pastDue, currency: quote.currency)
        try await record(DevelopmentGateway.charge(decline: nil), charge: charge, item: item, method: method,
                         chargeType: "checkout", at: now)
        payer.pastDueAmount = 0
    }

    /// The item being replaced: cancelled (access until its period ends) for a downgrade, ended now otherwise.
    private func endOrCancel(_ item: BillingSubscriptionItemRecord?, cancel: Bool) async throws {
        guard var item else { return }
        if cancel {
            item.status = .canceled
            item.canceledAt = now
        } else {
            item.status = .ended
            item.endedAt = now
        }
        item.updatedAt = now
        try await item.save(in: db)
    }

    /// Plans scheduled to start later are dropped when the payer changes plans again.
    func dropUpcoming(_ payerID: String) async throws {
        try await db.delete(from: BillingSubscriptionItemRecord.table).where("payer_id", .equal, payerID)
            .where("status", .equal, BillingItemStatus.upcoming).run()
    }

    /// Cancels an item as `DELETE …/subscription_items/{id}` asks: a paid plan keeps access until its period ends and
    /// the default plan follows; a past-due one ends now (its amount stays owed); a scheduled plan is dropped. The
    /// free plan cannot be cancelled.
    func cancel(_ item: inout BillingSubscriptionItemRecord, payer: inout BillingPayerRecord) async throws {
        guard let fallback = catalog.defaultPlan(for: item.ownerKind(payer)) else { throw APIFailure.billingNotEnabled(item.ownerKind(payer)) }
        switch item.status {
        case .active where item.amount > 0:
            item.status = .canceled
            item.canceledAt = now
            try await dropUpcoming(payer.id)
            try await newItem(payer: payer, plan: fallback, period: .month, status: .upcoming, start: item.periodEnd ?? now,
                              trialEndsAt: nil).insert(in: db)
        case .pastDue:
            item.status = .ended
            item.endedAt = now
            try await dropUpcoming(payer.id)
            try await newItem(payer: payer, plan: fallback, period: .month, status: .active, start: now, trialEndsAt: nil)
                .insert(in: db)
        case .upcoming where item.amount > 0:
            try await cancelScheduled(&item, payer: payer, fallback: fallback)
        case .canceled:
            throw APIFailure.subscriptionItemNotCancelable("This subscription is already canceled.")
        default:
            throw APIFailure.subscriptionItemNotCancelable("The free plan cannot be canceled.")
        }
        item.updatedAt = now
        try await item.save(in: db)
        try await saveSchedule(&payer)
    }

    /// A scheduled (downgrade) plan is dropped; the default plan follows the current one instead.
    private func cancelScheduled(_ item: inout BillingSubscriptionItemRecord, payer: BillingPayerRecord,
                                 fallback: CatalogPlan) async throws {
        item.status = .ended
        item.canceledAt = now
        item.endedAt = now
        try await item.save(in: db)
        try await dropUpcoming(payer.id)
        try await newItem(payer: payer, plan: fallback, period: .month, status: .upcoming, start: item.periodStart,
                          trialEndsAt: nil).insert(in: db)
    }
}
