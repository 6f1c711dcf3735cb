import Foundation
import FrontendAPI
import Portal
import TerminalUI

extension PaymentHistory: BillingHistoryView {
    typealias B = Copy.Billing

    static var title: String { B.payments }
    static var empty: String { B.noPayments }
    static var notFound: String { B.paymentNotFound }

    /// "December 4, 2026", the amount and the status badge.
    static func line(_ attempt: BillingPaymentAttempt) -> (title: String, detail: String) {
        (DateText.long(date(attempt)), "\(BillingFormat.money(attempt.amount)) · \(BillingRows.status(attempt.status))")
    }

    /// The attempt: when, its status, the plan, how the total adds up, and the card charged.
    static func card(_ attempt: BillingPaymentAttempt) -> Card {
        var card = Card(title: DateText.long(date(attempt)), subtitle: "\(attempt.id) · \(BillingRows.status(attempt.status))")
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
