import Foundation
import FrontendAPI

/// The plans of `Config/examples/billing.toml` (free, pro with a 14-day trial, plus) and the payer objects the billing
/// machines consume.
enum BillingFixtures {
    static let start = Date(timeIntervalSince1970: 1_798_502_400)  // 2026-12-29
    static let renewal = Date(timeIntervalSince1970: 1_801_180_800)  // 2027-01-29

    static func usd(_ cents: Int64) -> BillingMoney { BillingMoney(cents: cents, currency: "USD") }

    static func plan(_ slug: String, _ name: String, monthly: Int64, annual: Int64 = 0, trialDays: Int? = nil,
                     isDefault: Bool = false, payer: String = "user") -> BillingPlan {
        BillingPlan(
            id: "cplan_\(slug)", name: name, fee: usd(monthly), annualMonthlyFee: annual > 0 ? usd(annual) : nil,
            annualFee: annual > 0 ? usd(annual * 12) : nil, description: "\(name) plan", productID: "prod_1",
            isDefault: isDefault, isRecurring: !isDefault, hasBaseFee: monthly > 0, forPayerType: payer, slug: slug,
            freeTrialEnabled: trialDays != nil, freeTrialDays: trialDays,
            features: [BillingFeature(id: "feat_dashboard", name: "Dashboard", description: nil, slug: "dashboard")])
    }

    static let free = plan("free_user", "Free", monthly: 0, isDefault: true)
    static let pro = plan("pro", "Pro", monthly: 2000, annual: 1600, trialDays: 14)
    static let plus = plan("plus", "Plus", monthly: 5000, annual: 4000)
    static let plans = PaginatedList(data: [free, pro, plus], totalCount: 3)

    static func item(_ plan: BillingPlan, _ status: String = "active", period: String = "month", trial: Bool = false,
                     canceled: Bool = false, id: String? = nil) -> BillingSubscriptionItem {
        BillingSubscriptionItem(
            id: id ?? "csubi_\(plan.slug)", instanceID: "ins_1", status: canceled ? "canceled" : status, planID: plan.id,
            plan: plan, planPeriod: period, amount: period == "annual" ? plan.annualFee : plan.fee, payerID: "cpayer_1",
            isFreeTrial: trial, periodStart: start, periodEnd: plan.isDefault ? nil : renewal,
            canceledAt: canceled ? start : nil, createdAt: start)
    }

    static func subscription(_ items: [BillingSubscriptionItem], eligibleForTrial: Bool = true) -> BillingSubscription {
        let paid = items.first { $0.plan?.isDefault == false && $0.canceledAt == nil }
        return BillingSubscription(
            id: "csub_1", instanceID: "ins_1", status: "active", payerID: "cpayer_1", createdAt: start, updatedAt: start,
            activeAt: start, pastDueAt: nil, subscriptionItems: items,
            nextPayment: paid.flatMap { $0.amount }.map { BillingNextPayment(amount: $0, date: renewal) },
            eligibleForFreeTrial: eligibleForTrial)
    }

    static func method(_ id: String, last4: String, brand: String = "visa", isDefault: Bool = false) -> BillingPaymentMethod {
        BillingPaymentMethod(
            id: id, payerID: "cpayer_1", isDefault: isDefault, gateway: "development", gatewayExternalID: "pm_dev",
            last4: last4, cardType: brand, expiryYear: 2034, expiryMonth: 12, createdAt: start, updatedAt: start,
            isRemovable: true)
    }

    static let visa = method("cpm_visa", last4: "4242", isDefault: true)
    static let mastercard = method("cpm_mc", last4: "4444", brand: "mastercard")

    static let payer = BillingPayer(id: "cpayer_1", instanceID: "ins_1", userID: "user_1", email: "ada@acme.test")

    static func checkout(_ plan: BillingPlan, period: String = "month", dueNow: Int64, trialEnds: Date? = nil,
                         needsPaymentMethod: Bool = true, status: String = "needs_confirmation",
                         method: BillingPaymentMethod? = nil, credit: Int64 = 0) -> BillingCheckout {
        let fee = period == "annual" ? plan.annualMonthlyFee ?? usd(0) : plan.fee ?? usd(0)
        let perPeriod = period == "annual" ? plan.annualFee ?? usd(0) : fee
        let credits = credit > 0
            ? BillingCredits(proration: .init(amount: usd(credit), cycleDaysRemaining: 10, cycleDaysTotal: 30,
                                              cycleRemainingPercent: 33.3), total: usd(credit)) : nil
        let totals = BillingCheckoutTotals(
            subtotal: perPeriod, baseFee: fee, taxTotal: usd(0), grandTotal: perPeriod,
            totalDueAfterFreeTrial: trialEnds == nil ? nil : perPeriod, totalDueNow: usd(dueNow), totalDuePerPeriod: perPeriod,
            pastDue: nil, credit: credit > 0 ? usd(credit) : nil, credits: credits)
        return BillingCheckout(
            id: "cchk_1", plan: plan, planPeriod: period, payer: payer, paymentMethod: method,
            externalGatewayID: "development", status: status, totals: totals,
            subscriptionItem: status == "completed" ? item(plan, period: period, trial: trialEnds != nil) : nil,
            planPeriodStart: start, isImmediatePlanChange: true, freeTrialEndsAt: trialEnds,
            needsPaymentMethod: needsPaymentMethod)
    }

    static let initialized = BillingPaymentMethodInitialize(externalClientSecret: "seti_dev", externalGatewayID: "development")
}
