import Foundation
import FrontendAPI
import SQLKit

/// A payer's books inside one write transaction: creating payers on their default plan, settling what fell due by
/// the clock (renewals, trial ends, cancellations and scheduled plan changes), and recording charges as payment
/// attempts on monthly statements.
///
/// There is no background job. Each payer row keeps `settle_at`, the earliest instant something falls due; whoever
/// touches the payer's billing (any billing route, a session-token request) settles it first when that instant has
/// passed. Each event is applied at the instant it fell due, not when it was noticed, so the books read the same as
/// if a scheduler had run on time.
struct BillingLedger: Sendable {
    let instance: FrontendInstance
    let db: any SQLDatabase
    var catalog: BillingCatalog { instance.billing.catalog }
    var now: Int64 { instance.nowMS }

    // MARK: Payers

    func payer(_ owner: BillingOwner) async throws -> BillingPayerRecord? {
        try await BillingPayerRecord.first(in: db, where: owner.column, equals: owner.id)
    }

    /// The owner's payer, created on the free default plan when it has none yet, and settled up to now.
    func settledPayer(_ owner: BillingOwner) async throws -> BillingPayerRecord {
        var payer: BillingPayerRecord
        if let existing = try await self.payer(owner) { payer = existing } else { payer = try await create(owner) }
        try await settle(&payer)
        return payer
    }

    private func create(_ owner: BillingOwner) async throws -> BillingPayerRecord {
        guard let plan = catalog.defaultPlan(for: owner.kind) else { throw APIFailure.billingNotEnabled(owner.kind) }
        let payer = BillingPayerRecord(
            id: StableID.random("cpayer"), userId: owner.kind == .user ? owner.id : nil,
            organizationId: owner.kind == .organization ? owner.id : nil, subscriptionId: StableID.random("csub"),
            defaultPaymentMethodId: nil, pastDueAmount: 0, trialUsed: false, settleAt: nil, createdAt: now, updatedAt: now)
        try await payer.insert(in: db)
        try await newItem(payer: payer, plan: plan, period: .month, status: .active, start: now, trialEndsAt: nil).insert(in: db)
        return payer
    }

    /// The payer's items that have not ended, in the order they start.
    func liveItems(_ payerID: String) async throws -> [BillingSubscriptionItemRecord] {
        try await db.select().column("*").from(BillingSubscriptionItemRecord.table)
            .where("payer_id", .equal, payerID).where("status", .notEqual, BillingItemStatus.ended)
            .orderBy("period_start").orderBy("created_at").orderBy("rowid")
            .all(decoding: BillingSubscriptionItemRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// A subscription item of `plan` for `period` starting at `start`; a trial runs to `trialEndsAt`, a free plan never
    /// ends, a paid one ends a period later.
    func newItem(payer: BillingPayerRecord, plan: CatalogPlan, period: BillingPeriod, status: BillingItemStatus,
                 start: Int64, trialEndsAt: Int64?, paymentMethodID: String? = nil) -> BillingSubscriptionItemRecord {
        let price = plan.price(period) ?? 0
        let end: Int64? = trialEndsAt ?? (price == 0 ? nil : BillingCalendar.advance(start, by: period))
        return BillingSubscriptionItemRecord(
            id: StableID.random("csubi"), payerId: payer.id, planId: plan.id, planPeriod: period, status: status,
            isFreeTrial: trialEndsAt != nil, amount: price, currency: plan.currency, periodStart: start, periodEnd: end,
            canceledAt: nil, pastDueAt: nil, endedAt: nil, paymentMethodId: paymentMethodID, createdAt: now, updatedAt: now)
    }

    // MARK: Settling

    /// Applies every event that fell due by now, earliest first, then records when the next one falls due.
    func settle(_ payer: inout BillingPayerRecord) async throws {
        guard let due = payer.settleAt, due <= now else { return }
        for _ in 0..<1000 {
            let items = try await liveItems(payer.id)
            guard let event = BillingSchedule.nextEvent(items, now: now) else { break }
            try await apply(event, payer: &payer)
        }
        try await saveSchedule(&payer)
    }

    /// Recomputes `settle_at` from the live items and saves the payer.
    func saveSchedule(_ payer: inout BillingPayerRecord) async throws {
        payer.settleAt = BillingSchedule.nextDue(try await liveItems(payer.id))
        payer.updatedAt = now
        try await payer.save(in: db)
    }

    private func apply(_ event: BillingSchedule.Event, payer: inout BillingPayerRecord) async throws {
        switch event {
        case .renew(var item, let at):
            try await renew(&item, at: at, payer: &payer)
        case .end(var item, let at):
            item.status = .ended
            item.endedAt = at
            item.updatedAt = at
            try await item.save(in: db)
            try await startSuccessor(of: item, at: at, payer: &payer)
        case .start(var item, let at):
            try await start(&item, at: at, payer: &payer)
        }
    }

    /// A renewal (or a trial's end): charge the next period; a failed charge leaves the item `past_due`.
    private func renew(_ item: inout BillingSubscriptionItemRecord, at: Int64, payer: inout BillingPayerRecord) async throws {
        let paid = try await chargeScheduled(item, at: at, payer: payer)
        item.updatedAt = at
        if paid {
            item.periodStart = at
            item.periodEnd = BillingCalendar.advance(at, by: item.planPeriod)
            item.isFreeTrial = false
        } else {
            item.status = .pastDue
            item.pastDueAt = at
            payer.pastDueAmount += item.amount
        }
        try await item.save(in: db)
    }

    /// The plan that follows a cancelled one: the upcoming item, or the default plan if none was scheduled.
    private func startSuccessor(of ended: BillingSubscriptionItemRecord, at: Int64, payer: inout BillingPayerRecord) async throws {
        let items = try await liveItems(payer.id)
        if var next = items.first(where: { $0.status == .upcoming }) {
            try await start(&next, at: at, payer: &payer)
        } else if items.allSatisfy({ $0.status == .upcoming }), let plan = catalog.defaultPlan(for: ended.ownerKind(payer)) {
            try await newItem(payer: payer, plan: plan, period: .month, status: .active, start: at, trialEndsAt: nil).insert(in: db)
        }
    }

    /// An upcoming item starts: a paid one is charged for its first period.
    private func start(_ item: inout BillingSubscriptionItemRecord, at: Int64, payer: inout BillingPayerRecord) async throws {
        item.periodStart = at
        item.updatedAt = at
        item.status = .active
        if item.amount > 0 {
            item.periodEnd = BillingCalendar.advance(at, by: item.planPeriod)
            if try await !chargeScheduled(item, at: at, payer: payer) {
                item.status = .pastDue
                item.pastDueAt = at
                payer.pastDueAmount += item.amount
            }
        } else {
            item.periodEnd = nil
        }
        try await item.save(in: db)
    }

    // MARK: Charges

    /// Charges an item's period at `at` with the payer's default payment method (or, without one, the card the item was
    /// bought with); true when paid. Without a usable card nothing is charged and no attempt is recorded.
    private func chargeScheduled(_ item: BillingSubscriptionItemRecord, at: Int64,
                                 payer: BillingPayerRecord) async throws -> Bool {
        guard let method = try await usableMethod(payer.defaultPaymentMethodId, item.paymentMethodId, payer: payer) else {
            return false
        }
        let outcome = DevelopmentGateway.charge(decline: method.chargeDecline)
        let charge = BillingCharge(amount: item.amount, subtotal: item.amount, credit: 0, pastDue: 0, currency: item.currency)
        try await record(outcome, charge: charge, item: item, method: method, chargeType: "recurring", at: at)
        if case .paid = outcome { return true }
        return false
    }

    /// The first of `candidates` that is one of the payer's cards and still saved.
    func usableMethod(_ candidates: String?..., payer: BillingPayerRecord) async throws -> BillingPaymentMethodRecord? {
        for id in candidates.compactMap({ $0 }) {
            if let method = try await BillingPaymentMethodRecord.find(id, in: db), method.payerId == payer.id,
               method.removedAt == nil {
                return method
            }
        }
        return nil
    }

    /// Records a charge as a payment attempt, a line of the statement of the month it happened in.
    @discardableResult
    func record(_ outcome: DevelopmentGateway.Charge, charge: BillingCharge, item: BillingSubscriptionItemRecord,
                method: BillingPaymentMethodRecord?, chargeType: String, at: Int64) async throws -> BillingPaymentAttemptRecord {
        let statement = try await statement(payerID: item.payerId, at: at)
        var attempt = BillingPaymentAttemptRecord(
            id: StableID.random("cpay"), payerId: item.payerId, subscriptionItemId: item.id, paymentMethodId: method?.id,
            statementId: statement.id, chargeType: chargeType, status: "paid", amount: charge.amount, currency: charge.currency,
            subtotal: charge.subtotal, credit: charge.credit, pastDue: charge.pastDue, failureCode: nil,
            gatewayExternalId: nil, paidAt: at, failedAt: nil, createdAt: at, updatedAt: at)
        switch outcome {
        case .paid(let chargeID):
            attempt.gatewayExternalId = chargeID
        case .declined(let code):
            attempt.status = "failed"
            attempt.failureCode = code
            attempt.paidAt = nil
            attempt.failedAt = at
        }
        try await attempt.insert(in: db)
        return attempt
    }

    /// The payer's statement for the calendar month of `at`, created on its first line.
    private func statement(payerID: String, at: Int64) async throws -> BillingStatementRecord {
        let month = BillingCalendar.month(containing: at)
        if let existing = try await db.select().column("*").from(BillingStatementRecord.table)
            .where("payer_id", .equal, payerID).where("period_start", .equal, month.start)
            .first(decoding: BillingStatementRecord.self, keyDecodingStrategy: Columns.decoding) {
            return existing
        }
        let statement = BillingStatementRecord(id: StableID.random("cstmt"), payerId: payerID, periodStart: month.start,
                                               periodEnd: month.end, createdAt: at, updatedAt: at)
        try await statement.insert(in: db)
        return statement
    }
}

/// The amounts of one charge, in the smallest currency unit.
struct BillingCharge: Sendable, Equatable {
    /// What is taken from the card.
    let amount: Int64
    /// The plan's price for the period.
    let subtotal: Int64
    let credit: Int64
    let pastDue: Int64
    let currency: String
}

extension BillingSubscriptionItemRecord {
    /// The kind of payer the item belongs to.
    func ownerKind(_ payer: BillingPayerRecord) -> BillingPayerKind { payer.userId != nil ? .user : .organization }
}
