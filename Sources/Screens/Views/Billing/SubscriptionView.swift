import FrontendAPI
import Portal
import TerminalUI

extension BillingSubscriptionSection: PageSectionView where Host: SectionedScreen {
    typealias B = Copy.Billing

    /// The plans with their badges and captions, the next payment, and "Switch plans".
    func rows(_ host: Host) -> [Control] {
        guard host.billingAccount.canRead else { return [] }
        var controls: [Control] = [.section(B.subscription)]
        for item in items {
            let name = item.plan?.name ?? ""
            controls.append(
                Self.isManageable(item)
                    ? .option(name, detail: BillingRows.itemDetail(item, among: items.count), action: Self.opening(.details(itemID: item.id)))
                    : .row(name, detail: BillingRows.itemDetail(item, among: items.count)))
        }
        if let next = subscription?.nextPayment {
            controls.append(.row(B.overview, detail: "\(BillingFormat.money(next.amount)) · \(B.renews(DateText.short(next.date)))"))
        }
        controls.append(.option(items.isEmpty ? B.subscribeToAPlan : B.switchPlans, detail: nil, action: Self.doing(.plans)))
        return controls
    }

    func card(_ step: Step, _ host: Host) -> Card {
        switch step {
        case .details(let id): details(item(id), host)
        case .cancel(let id): cancel(item(id), host)
        }
    }

    /// "Keep subscription" replaces Cancel on the confirmation.
    func offersCancel(_ step: Step) -> Bool { if case .cancel = step { false } else { true } }

    /// Clerk's SubscriptionDetails: the plan, its dates, the next payment and what can be done.
    private func details(_ item: BillingSubscriptionItem?, _ host: Host) -> Card {
        var card = Card(title: B.subscription)
        guard let item else { return card }
        card.controls = [.row(item.plan?.name ?? "", detail: SectionControls.badgeText([BillingFormat.itemFee(item), BillingFormat.badge(item)].compactMap { $0 }))]
        card.controls += Self.dates(item) + summary(item)
        guard host.billingAccount.canManage, Self.isManageable(item) else { return card }
        if let period = Self.switchablePeriod(item), let plan = item.plan {
            card.controls.append(.option(Self.switchLabel(to: period, plan), detail: nil, action: Self.doing(.switchPeriod(itemID: item.id))))
        }
        if item.canceledAt == nil {
            let label = item.isFreeTrial ? B.cancelFreeTrial : B.cancelSubscription
            card.controls.append(.option(label, detail: nil, action: Self.opening(.cancel(itemID: item.id))))
        } else {
            card.controls.append(.option(B.reSubscribe, detail: nil, action: Self.doing(.resubscribe(itemID: item.id))))
        }
        return card
    }

    /// "Subscribed on", "Renews at" / "Trial ends on" / "Ends on", "Begins on", "Past due on".
    private static func dates(_ item: BillingSubscriptionItem) -> [Control] {
        var rows: [Control] = []
        if let pastDue = item.pastDueAt { rows.append(.row(B.pastDueOn, detail: DateText.long(pastDue))) }
        if item.status == "upcoming" { return rows + [.row(B.beginsOn, detail: DateText.long(item.periodStart))] }
        let started = item.createdAt ?? item.periodStart
        rows.append(.row(item.isFreeTrial ? B.trialStartedOn : B.subscribedOn, detail: DateText.long(started)))
        if let end = item.periodEnd {
            let label = item.canceledAt != nil ? B.endsOn : item.isFreeTrial ? B.trialEndsOn : B.renewsAt
            rows.append(.row(label, detail: DateText.long(end)))
        }
        return rows
    }

    /// The billing cycle and the next payment, while one is due.
    private func summary(_ item: BillingSubscriptionItem) -> [Control] {
        guard let next = subscription?.nextPayment, item.canceledAt == nil, item.status != "upcoming" else { return [] }
        return [
            .row(B.currentBillingCycle, detail: item.planPeriod == "annual" ? B.annually : B.monthly),
            .row(item.isFreeTrial ? B.firstPaymentOn : B.nextPaymentOn, detail: DateText.long(next.date)),
            .row(item.isFreeTrial ? B.firstPaymentAmount : B.nextPaymentAmount, detail: BillingFormat.money(next.amount)),
        ]
    }

    /// "Switch to annual $192.00 / year" or "Switch to monthly $20.00 / month".
    private static func switchLabel(to period: BillingPlanPeriod, _ plan: BillingPlan) -> String {
        switch period {
        case .annual: plan.annualFee.map { B.switchToAnnual(price: BillingFormat.money($0)) } ?? B.switchToAnnual
        case .month: plan.fee.map { B.switchToMonthly(price: BillingFormat.money($0)) } ?? B.switchToMonthly
        }
    }

    /// Clerk's confirmation: what happens to access, and "Cancel subscription" or "Keep subscription".
    private func cancel(_ item: BillingSubscriptionItem?, _ host: Host) -> Card {
        guard let item else { return Card(title: B.cancelSubscription) }
        let plan = item.plan?.name ?? ""
        let end = item.periodEnd.map(DateText.long) ?? ""
        let (title, text): (String, String) =
            if item.isFreeTrial { (B.cancelFreeTrialTitle(plan), B.cancelFreeTrialAccessUntil(end)) }
            else if item.status == "upcoming" { (B.cancelSubscriptionTitle("upcoming \(plan)"), B.cancelSubscriptionNoCharge) }
            else if item.status == "past_due" { (B.cancelSubscriptionTitle(plan), B.cancelSubscriptionPastDue) }
            else { (B.cancelSubscriptionTitle(plan), B.cancelSubscriptionAccessUntil(plan: plan, date: end)) }
        var card = SectionControls.confirmation(
            title, lines: [text], button: item.isFreeTrial ? B.cancelFreeTrial : B.cancelSubscription, host)
        card.controls.append(.link(item.isFreeTrial ? B.keepFreeTrial : B.keepSubscription, prefix: nil,
                                   action: Host.portalEvent(Host.back), enabled: !host.isBusy))
        return card
    }
}
