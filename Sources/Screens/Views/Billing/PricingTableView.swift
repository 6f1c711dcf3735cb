import FrontendAPI
import Portal
import TerminalUI

/// Clerk's PricingTable: "Billed annually", each plan with its price and, for the plans the payer is on, its badge
/// and caption; a plan's details with its features and call to action. Pure.
enum PricingTableView {
    typealias B = Copy.Billing

    static func card(_ machine: PricingTableMachine) -> Card {
        var card: Card
        if case .plan(let id) = machine.step, let plan = machine.plan(id) {
            card = details(plan, machine)
        } else {
            card = list(machine)
        }
        card.notice = machine.notice.map { Banner(.danger, $0) }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .pricingTable(.retry), enabled: true), at: 0)
        }
        return card
    }

    private static func list(_ machine: PricingTableMachine) -> Card {
        var card = Card(title: B.plans, subtitle: machine.account.organizationName)
        if machine.isLoading, machine.notice == nil { card.lines = [Copy.loading] }
        if !machine.isLoading {
            card.controls = [periodToggle(machine)]
            card.controls += machine.visiblePlans.map { plan in
                .option(plan.name, detail: summary(plan, machine), action: .pricingTable(.openPlan(id: plan.id)))
            }
        }
        card.controls.append(.link(Copy.back, prefix: nil, action: .pricingTable(.back), enabled: true))
        return card
    }

    /// A plan's details: price, how it is billed, its features, and its call to action or notice.
    private static func details(_ plan: BillingPlan, _ machine: PricingTableMachine) -> Card {
        var card = Card(title: plan.name, subtitle: plan.description)
        card.lines = [price(plan, machine.period)] + [billing(plan)].compactMap { $0 }
        if let seats = PricingTableMachine.seatLimit(plan) { card.lines.append(B.upToSeats(seats)) }
        if !plan.features.isEmpty { card.lines += ["", B.availableFeatures] + plan.features.map { "• " + $0.name } }
        if BillingFormat.hasBothPeriods(plan) { card.controls.append(periodToggle(machine)) }
        switch machine.footer(plan) {
        case .action(let label, let enabled):
            card.controls.append(.button(label, action: .pricingTable(.select(planID: plan.id)), enabled: enabled))
            if !enabled, let why = machine.restriction(plan) { card.controls.append(.note(why)) }
        case .notice(let text):
            card.controls.append(.note(text))
        case .none:
            break
        }
        card.controls.append(.link(Copy.back, prefix: nil, action: .pricingTable(.back), enabled: true))
        return card
    }

    private static func periodToggle(_ machine: PricingTableMachine) -> Control {
        .checkbox(label: B.billedAnnually, checked: machine.period == .annual, action: .pricingTable(.togglePeriod))
    }

    /// "$16.00 / Month · Active · Renews Jan 5, 2027".
    private static func summary(_ plan: BillingPlan, _ machine: PricingTableMachine) -> String? {
        var parts = [price(plan, machine.period)]
        if let item = machine.item(for: plan) {
            parts.append(BillingFormat.badge(item))
            if let caption = BillingFormat.caption(item) { parts.append(caption) }
        }
        return SectionControls.badgeText(parts)
    }

    /// "$16.00 / Month", "$192.00 / Year" for a plan billed annually only, "Always free", "Free".
    static func price(_ plan: BillingPlan, _ period: BillingPlanPeriod) -> String {
        guard let fee = BillingFormat.fee(plan, period), fee.amount > 0 else { return plan.isDefault ? B.alwaysFree : B.free }
        // A plan billed annually only shows its yearly price, as Clerk's table does.
        return "\(BillingFormat.money(fee)) / \((plan.fee?.amount ?? 0) > 0 ? B.month : B.year)"
    }

    /// "Only billed monthly", "Only billed annually"; nil where "Billed annually" can be toggled or the plan is free.
    private static func billing(_ plan: BillingPlan) -> String? {
        // The price of a default plan already reads "Always free".
        if plan.isDefault || BillingFormat.hasBothPeriods(plan) { return nil }
        return (plan.annualMonthlyFee?.amount ?? 0) > 0 ? B.billedAnnuallyOnly : B.billedMonthlyOnly
    }
}
