import Foundation
import FrontendAPI
import SQLKit

/// Checkouts, payment attempts and statements as FrontendAPI's wire models.
extension BillingPresenter {
    /// A checkout with its quote: the one it was confirmed with once completed, else one computed now.
    func checkout(_ record: BillingCheckoutRecord, quote: BillingQuote, payer: BillingPayerRecord) async throws -> BillingCheckout {
        guard let plan = catalog.plan(id: record.planId) else { throw APIFailure.planNotFound }
        let item = try await record.subscriptionItemId.asyncMap { try await BillingSubscriptionItemRecord.find($0, in: db) } ?? nil
        let method = try await paymentMethod(id: record.paymentMethodId ?? payer.defaultPaymentMethodId, payer: payer)
        return BillingCheckout(
            id: record.id, plan: self.plan(plan), planPeriod: record.planPeriod.rawValue, payer: try await self.payer(payer),
            paymentMethod: method, externalGatewayID: DevelopmentGateway.name, status: record.status,
            totals: totals(quote), subscriptionItem: try await item.asyncMap { try await self.item($0, payer: payer) },
            planPeriodStart: date(quote.periodStart), isImmediatePlanChange: quote.isImmediate,
            freeTrialEndsAt: quote.trialEndsAt.map(date), needsPaymentMethod: quote.needsPaymentMethod)
    }

    func totals(_ quote: BillingQuote) -> BillingCheckoutTotals {
        let currency = quote.currency
        let credit = quote.prorationCredit > 0 ? money(quote.prorationCredit, currency) : nil
        let proration = credit.map { amount in
            BillingCredits.Proration(
                amount: amount, cycleDaysRemaining: quote.prorationDaysLeft, cycleDaysTotal: quote.prorationDaysTotal,
                cycleRemainingPercent: Double(quote.prorationDaysLeft * 10000 / max(1, quote.prorationDaysTotal)) / 100)
        }
        return BillingCheckoutTotals(
            subtotal: money(quote.subtotal, currency), baseFee: money(quote.subtotal, currency), taxTotal: .zero(currency),
            grandTotal: money(max(0, quote.subtotal - quote.prorationCredit) + quote.pastDue, currency),
            totalDueAfterFreeTrial: quote.trialEndsAt == nil ? nil : money(quote.subtotal, currency),
            totalDueNow: money(quote.totalDueNow, currency), totalDuePerPeriod: money(quote.subtotal, currency),
            pastDue: quote.pastDue > 0 ? money(quote.pastDue, currency) : nil, credit: credit,
            credits: credit.map { BillingCredits(proration: proration, total: $0) })
    }

    // MARK: Payment attempts

    func attempt(_ record: BillingPaymentAttemptRecord, payer: BillingPayerRecord,
                 renderedPayer: BillingPayer? = nil) async throws -> BillingPaymentAttempt {
        guard let item = try await BillingSubscriptionItemRecord.find(record.subscriptionItemId, in: db) else {
            throw APIFailure.notFound("Payment attempt")
        }
        let currency = record.currency
        var payerView = renderedPayer
        if payerView == nil { payerView = try await self.payer(payer) }
        return BillingPaymentAttempt(
            id: record.id, paymentID: record.id, instanceID: instanceID, chargeType: record.chargeType,
            payeeID: Self.payee.id, payee: Self.payee, payerID: record.payerId,
            payer: payerView!, subscriptionItemID: item.id,
            subscriptionItem: try await self.item(item, payer: payer), amount: money(record.amount, currency),
            totals: BillingPaymentTotals(
                subtotal: money(record.subtotal, currency), baseFee: money(record.subtotal, currency), taxTotal: .zero(currency),
                grandTotal: money(record.amount, currency), credit: record.credit > 0 ? money(record.credit, currency) : nil,
                pastDue: record.pastDue > 0 ? money(record.pastDue, currency) : nil),
            paymentMethodID: record.paymentMethodId ?? "",
            paymentMethod: try await paymentMethod(id: record.paymentMethodId, payer: payer),
            statementID: record.statementId, gatewayExternalID: record.gatewayExternalId, status: record.status,
            paidAt: record.paidAt.map(date), failedAt: record.failedAt.map(date), failedReason: failedReason(record.failureCode),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// Why a charge failed, as Stripe reports a decline.
    private func failedReason(_ code: String?) -> JSONObject? {
        guard let code else { return nil }
        let insufficient = code == "insufficient_funds"
        return ["code": .string(insufficient ? "card_declined" : code),
                "decline_code": .string(insufficient ? "insufficient_funds" : "generic_decline"),
                "message": .string(insufficient ? "Your card has insufficient funds." : "Your card was declined.")]
    }

    // MARK: Statements

    /// A month's statement: its charges grouped by day, newest first; totals count what was paid.
    func statement(_ record: BillingStatementRecord, payer: BillingPayerRecord) async throws -> BillingStatement {
        let attempts = try await db.select().column("*").from(BillingPaymentAttemptRecord.table)
            .where("statement_id", .equal, record.id).orderBy("created_at", .descending).orderBy("rowid", .descending)
            .all(decoding: BillingPaymentAttemptRecord.self, keyDecodingStrategy: Columns.decoding)
        let renderedPayer = try await self.payer(payer)
        var groups: [BillingStatement.Group] = []
        for attempt in attempts {
            let rendered = try await self.attempt(attempt, payer: payer, renderedPayer: renderedPayer)
            let day = date(BillingCalendar.day(containing: attempt.createdAt))
            if groups.last?.timestamp == day { groups[groups.count - 1].items.append(rendered) } else {
                groups.append(.init(timestamp: day, items: [rendered]))
            }
        }
        let kind: BillingPayerKind = payer.userId != nil ? .user : .organization
        let currency = attempts.first?.currency ?? catalog.defaultPlan(for: kind)?.currency ?? "USD"
        let paid = money(attempts.filter { $0.status == "paid" }.reduce(0) { $0 + $1.amount }, currency)
        return BillingStatement(
            id: record.id, instanceID: instanceID, timestamp: date(record.periodStart), payer: renderedPayer,
            status: instance.nowMS < record.periodEnd ? "open" : "closed",
            totals: .init(subtotal: paid, baseFee: paid, taxTotal: .zero(currency), grandTotal: paid), groups: groups)
    }
}
