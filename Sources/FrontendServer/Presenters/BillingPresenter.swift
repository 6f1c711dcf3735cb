import Foundation
import FrontendAPI
import SQLKit

/// Billing rows as FrontendAPI's wire models, reading what they need from the same transaction.
struct BillingPresenter: Sendable {
    let instance: FrontendInstance
    let db: any SQLDatabase
    var catalog: BillingCatalog { instance.billing.catalog }
    var instanceID: String { instance.secrets.instanceID }

    static let payee = BillingPayee(id: StableID.make("cpayee", from: "payee:development"), gatewayType: DevelopmentGateway.name,
                                    gatewayExternalID: DevelopmentGateway.name, gatewayStatus: "active")

    func date(_ ms: Int64) -> Date { Date(epochMilliseconds: ms) }
    func date(ifAny ms: Int64?) -> Date? { ms.map { Date(epochMilliseconds: $0) } }
    func money(_ cents: Int64, _ currency: String) -> BillingMoney { BillingMoney(cents: cents, currency: currency) }

    func plan(_ plan: CatalogPlan) -> BillingPlan { catalog.wire(plan) }

    // MARK: Payers and payment methods

    func payer(_ record: BillingPayerRecord) async throws -> BillingPayer {
        var payer = BillingPayer(id: record.id, instanceID: instanceID, userID: record.userId,
                                 organizationID: record.organizationId, createdAt: date(record.createdAt),
                                 updatedAt: date(record.updatedAt))
        if let userID = record.userId, let user = try await UserRecord.find(userID, in: db) {
            payer.firstName = user.firstName
            payer.lastName = user.lastName
            if let emailID = user.primaryEmailAddressId { payer.email = try await IdentificationRecord.find(emailID, in: db)?.value }
            let image = Presenter(instance: instance, origin: nil).imageURL(user)
            payer.imageURL = image.isEmpty ? nil : image
        } else if let organizationID = record.organizationId, let organization = try await OrganizationRecord.find(organizationID, in: db) {
            payer.organizationName = organization.name
            let logo = Presenter(instance: instance, origin: nil).logoURL(organization)
            payer.imageURL = logo.isEmpty ? nil : logo
        }
        return payer
    }

    /// A saved card. The default one is not removable while a paid subscription depends on it.
    func paymentMethod(_ record: BillingPaymentMethodRecord, payer: BillingPayerRecord) async throws -> BillingPaymentMethod {
        let isDefault = payer.defaultPaymentMethodId == record.id && record.removedAt == nil
        let inUse = isDefault ? try await BillingPaymentMethods.paidItemsExist(payerID: payer.id, in: db) : false
        return BillingPaymentMethod(
            id: record.id, payerID: record.payerId, isDefault: isDefault, gateway: record.gateway,
            gatewayExternalID: record.gatewayExternalId, last4: record.last4,
            status: record.removedAt == nil ? "active" : "disconnected", cardType: record.cardType,
            expiryYear: record.expiryYear, expiryMonth: record.expiryMonth, createdAt: date(record.createdAt),
            updatedAt: date(record.updatedAt), isRemovable: record.removedAt == nil && !inUse)
    }

    func paymentMethod(id: String?, payer: BillingPayerRecord) async throws -> BillingPaymentMethod? {
        guard let id, let record = try await BillingPaymentMethodRecord.find(id, in: db), record.payerId == payer.id else { return nil }
        return try await paymentMethod(record, payer: payer)
    }

    // MARK: Subscriptions

    func item(_ record: BillingSubscriptionItemRecord, payer: BillingPayerRecord) async throws -> BillingSubscriptionItem {
        let plan = catalog.plan(id: record.planId)
        // PostgreSQL sums BIGINTs as NUMERIC; the cast gives both stores' sums back as an integer.
        let row = try await db.select().column(SQLRaw("CAST(SUM(amount) AS BIGINT)"), as: "total")
            .from(BillingPaymentAttemptRecord.table).where("subscription_item_id", .equal, record.id)
            .where("status", .equal, "paid").first()
        let paid = try row?.decode(column: "total", as: Int64?.self) ?? 0
        let renews = record.status == .active && record.amount > 0
        return BillingSubscriptionItem(
            id: record.id, instanceID: instanceID, status: record.status.rawValue, planID: record.planId,
            priceID: plan?.priceID(record.planPeriod), plan: plan.map(self.plan), planPeriod: record.planPeriod.rawValue,
            paymentMethodID: record.paymentMethodId,
            paymentMethod: try await paymentMethod(id: record.paymentMethodId, payer: payer),
            lifetimePaid: money(paid, record.currency), amount: money(record.amount, record.currency),
            nextPayment: renews ? record.periodEnd.map { BillingNextPayment(amount: money(record.amount, record.currency),
                                                                            date: date($0)) } : nil,
            payerID: record.payerId, isFreeTrial: record.isFreeTrial, periodStart: date(record.periodStart),
            periodEnd: date(ifAny: record.periodEnd), canceledAt: date(ifAny: record.canceledAt), pastDueAt: date(ifAny: record.pastDueAt),
            endedAt: date(ifAny: record.endedAt), createdAt: date(record.createdAt), updatedAt: date(record.updatedAt),
            seats: plan.flatMap { $0.definition.seatLimit > 0 ? .init(quantity: $0.definition.seatLimit) : nil })
    }

    func subscription(_ payer: BillingPayerRecord, items records: [BillingSubscriptionItemRecord]) async throws -> BillingSubscription {
        var items: [BillingSubscriptionItem] = []
        for record in records { items.append(try await item(record, payer: payer)) }
        let pastDue = records.compactMap(\.pastDueAt).min()
        return BillingSubscription(
            id: payer.subscriptionId, instanceID: instanceID, status: pastDue == nil ? "active" : "past_due",
            payerID: payer.id, createdAt: date(payer.createdAt), updatedAt: date(payer.updatedAt),
            activeAt: date(payer.createdAt), pastDueAt: date(ifAny: pastDue), subscriptionItems: items,
            nextPayment: nextPayment(records), eligibleForFreeTrial: !payer.trialUsed)
    }

    /// The next charge: a paid item's renewal, or the first charge of a plan starting later.
    private func nextPayment(_ records: [BillingSubscriptionItemRecord]) -> BillingNextPayment? {
        let due = records.compactMap { item -> (Int64, BillingSubscriptionItemRecord)? in
            guard item.amount > 0 else { return nil }
            switch item.status {
            case .active: return item.periodEnd.map { ($0, item) }
            case .upcoming: return (item.periodStart, item)
            default: return nil
            }
        }.min { $0.0 < $1.0 }
        return due.map { BillingNextPayment(amount: money($0.1.amount, $0.1.currency), date: date($0.0)) }
    }
}

/// Plans and features as FAPI shows them; no database needed.
extension BillingCatalog {
    /// `plan` as FAPI shows it (`BillingPlan`).
    func wire(_ plan: CatalogPlan) -> BillingPlan {
        let definition = plan.definition, currency = plan.currency
        func money(_ cents: Int64) -> BillingMoney { BillingMoney(cents: cents, currency: currency) }
        let annual = definition.annualMonthlyFee.map { Int64($0) }
        return BillingPlan(
            id: plan.id, name: definition.name, fee: money(Int64(definition.monthlyFee)),
            annualMonthlyFee: annual.map(money), annualFee: annual.map { money($0 * 12) },
            description: definition.description.isEmpty ? nil : definition.description, productID: plan.productID,
            isDefault: definition.isDefault, isRecurring: !definition.isFree, publiclyVisible: definition.publiclyVisible,
            hasBaseFee: definition.monthlyFee > 0, forPayerType: plan.payer.wireValue, slug: plan.slug,
            freeTrialEnabled: definition.freeTrialDays > 0,
            freeTrialDays: definition.freeTrialDays > 0 ? definition.freeTrialDays : nil,
            unitPrices: seatPrices(plan), features: features(of: plan).map(feature))
    }

    /// An organization plan's seats: one tier of free blocks up to the seat limit (clerk-js's `getPlanSeatLimit`).
    private func seatPrices(_ plan: CatalogPlan) -> [BillingPlanUnitPrice]? {
        guard plan.payer == .organization, plan.definition.seatLimit > 0 else { return nil }
        return [BillingPlanUnitPrice(name: "seats", blockSize: 1, tiers: [
            .init(startsAtBlock: 1, endsAfterBlock: plan.definition.seatLimit, feePerBlock: .zero(plan.currency)),
        ])]
    }

    private func feature(_ feature: CatalogFeature) -> BillingFeature {
        BillingFeature(id: feature.id, name: feature.definition.name,
                       description: feature.definition.description.isEmpty ? nil : feature.definition.description,
                       slug: feature.definition.slug)
    }
}
