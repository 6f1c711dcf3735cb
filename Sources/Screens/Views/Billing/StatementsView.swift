import FrontendAPI
import Portal
import TerminalUI

extension StatementHistory: BillingHistoryView {
    typealias B = Copy.Billing

    static var title: String { B.statements }
    static var empty: String { B.noStatements }
    static var notFound: String { B.statementNotFound }

    /// "December 2026", what it adds up to and its status.
    static func line(_ statement: BillingStatement) -> (title: String, detail: String) {
        (DateText.monthYear(statement.timestamp),
         "\(BillingFormat.money(statement.totals.grandTotal)) · \(BillingRows.status(statement.status))")
    }

    /// The statement's charges by day, and what was paid in all.
    static func card(_ statement: BillingStatement) -> Card {
        var card = Card(title: DateText.monthYear(statement.timestamp), subtitle: "\(statement.id) · \(BillingRows.status(statement.status))")
        for group in statement.groups {
            card.controls.append(.section(DateText.long(group.timestamp)))
            for item in group.items { card.controls += charge(item) }
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
