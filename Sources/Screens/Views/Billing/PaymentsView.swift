import Foundation
import FrontendAPI
import Portal
import TerminalUI

extension BillingPaymentsSection: PageSectionView where Host: SectionedScreen {
    typealias B = Copy.Billing

    /// Each payment attempt with its amount and status badge, newest first.
    func rows(_ host: Host) -> [Control] {
        guard host.billingAccount.canRead else { return [] }
        var controls: [Control] = [.section(B.payments)]
        if list.isLoaded, list.rows.isEmpty { controls.append(.row(B.noPayments, detail: nil)) }
        for attempt in list.rows {
            controls.append(.option(
                DateText.long(Self.date(attempt)),
                detail: "\(BillingFormat.money(attempt.amount)) · \(BillingRows.status(attempt.status))",
                action: Self.opening(.payment(id: attempt.id))))
        }
        return controls + BillingRows.paging(list) { Self.doing($0) }
    }

    /// The attempt: when, its status, the plan, how the total adds up, and the card charged.
    func card(_ step: Step, _ host: Host) -> Card {
        guard let attempt = detail else { return Card(title: B.payments, subtitle: B.paymentNotFound) }
        var card = Card(title: DateText.long(Self.date(attempt)), subtitle: "\(attempt.id) · \(BillingRows.status(attempt.status))")
        let item = attempt.subscriptionItem
        card.controls = [.row(item.plan?.name ?? "", detail: BillingFormat.itemFee(item))]
        if let totals = attempt.totals {
            card.controls.append(.row(B.subtotal, detail: BillingFormat.money(totals.subtotal)))
            if let credit = totals.credit, credit.amount > 0 {
                card.controls.append(.row(B.prorationCredit, detail: BillingFormat.negative(credit)))
            }
            if let pastDue = totals.pastDue, pastDue.amount > 0 {
                card.controls.append(.row(B.pastDue, detail: BillingFormat.money(pastDue)))
            }
        }
        card.controls.append(.row(B.totalDue, detail: BillingFormat.money(attempt.amount)))
        if let method = attempt.paymentMethod { card.controls.append(.row(B.paymentMethod, detail: BillingFormat.card(method))) }
        if let reason = attempt.failedReason?["message"]?.stringValue { card.lines = [reason] }
        return card
    }

    /// When it was paid, or failed, else last changed.
    static func date(_ attempt: BillingPaymentAttempt) -> Date { attempt.paidAt ?? attempt.failedAt ?? attempt.updatedAt }
}
