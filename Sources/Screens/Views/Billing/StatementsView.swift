import FrontendAPI
import Portal
import TerminalUI

extension BillingStatementsSection: PageSectionView where Host: SectionedScreen {
    typealias B = Copy.Billing

    /// Each month's statement with what it adds up to, newest first.
    func rows(_ host: Host) -> [Control] {
        guard host.billingAccount.canRead else { return [] }
        var controls: [Control] = [.section(B.statements)]
        if list.isLoaded, list.rows.isEmpty { controls.append(.row(B.noStatements, detail: nil)) }
        for statement in list.rows {
            controls.append(.option(
                DateText.monthYear(statement.timestamp),
                detail: "\(BillingFormat.money(statement.totals.grandTotal)) · \(BillingRows.status(statement.status))",
                action: Self.opening(.statement(id: statement.id))))
        }
        return controls + BillingRows.paging(list) { Self.doing($0) }
    }

    /// The statement's charges by day, and what was paid in all.
    func card(_ step: Step, _ host: Host) -> Card {
        guard let statement = detail else { return Card(title: B.statements, subtitle: B.statementNotFound) }
        var card = Card(title: DateText.monthYear(statement.timestamp), subtitle: "\(statement.id) · \(BillingRows.status(statement.status))")
        for group in statement.groups {
            card.controls.append(.section(DateText.long(group.timestamp)))
            for item in group.items { card.controls += Self.charge(item) }
        }
        card.controls.append(.row(B.totalPaid, detail: BillingFormat.money(statement.totals.grandTotal)))
        return card
    }

    /// One charge: the plan and what was paid, how it came about, and any proration credit in it.
    private static func charge(_ attempt: BillingPaymentAttempt) -> [Control] {
        let item = attempt.subscriptionItem
        let plan = item.plan?.name ?? ""
        let caption = attempt.chargeType == "recurring"
            ? B.paidFor(plan: plan, period: item.planPeriod) : B.subscribedAndPaidFor(plan: plan, period: item.planPeriod)
        var rows: [Control] = [
            .row(plan, detail: SectionControls.badgeText([BillingFormat.itemFee(item), BillingFormat.money(attempt.amount)].compactMap { $0 })),
            .note(caption),
        ]
        if let credit = attempt.totals?.credit, credit.amount > 0 {
            rows.append(.row(B.proratedCreditCaption, detail: "(\(BillingFormat.money(credit)))"))
        }
        return rows
    }
}
