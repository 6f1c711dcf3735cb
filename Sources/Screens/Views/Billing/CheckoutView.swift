import FrontendAPI
import Portal
import TerminalUI

/// Clerk's Checkout: the summary lines, the ways to pay and the confirm button, then the completion screen. Pure.
enum CheckoutView {
    typealias B = Copy.Billing

    static func card(_ machine: CheckoutMachine) -> Card {
        var card: Card
        switch machine.step {
        case .loading, .failed:
            card = Card(title: B.checkout)
            if machine.step == .loading, machine.notice == nil { card.lines = [Copy.loading] }
            card.controls = [back]
        case .form:
            card = form(machine)
        case .complete:
            card = complete(machine)
        }
        card.notice = machine.notice.map { Banner(.danger, $0) }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .checkout(.retry), enabled: true), at: 0)
        }
        return card
    }

    private static let back = Control.link(Copy.back, prefix: nil, action: .checkout(.back), enabled: true)

    private static func form(_ machine: CheckoutMachine) -> Card {
        var card = Card(title: B.checkout)
        guard let checkout = machine.checkout else { return card }
        card.controls = summary(checkout)
        if !checkout.isImmediatePlanChange { card.controls.append(.note(B.downgradeNotice)) }
        card.controls += payment(machine) + [back]
        return card
    }

    // MARK: Summary

    /// The plan (×12 billed annually), credits, past due, what is due after a trial or each period, and today.
    static func summary(_ checkout: BillingCheckout) -> [Control] {
        let totals = checkout.totals
        let annual = checkout.planPeriod == "annual"
        // "x12 $79.00 per month": billed annually, the month's share of the year (the plan's), not the year's fee.
        let monthly = annual ? checkout.plan.annualMonthlyFee ?? totals.baseFee : totals.baseFee
        let fee = "\(annual ? B.annualPrefix + " " : "")\(BillingFormat.money(monthly)) \(B.perMonth)"
        let trial = checkout.plan.freeTrialEnabled && checkout.freeTrialEndsAt != nil
        var rows: [Control] = [.row(checkout.plan.name, detail: SectionControls.badgeText([fee] + (trial ? [B.freeTrial] : [])))]
        if annual { rows.append(.note(B.billedAnnually)) }
        if let credit = totals.credits?.proration?.amount ?? totals.credit, credit.amount > 0 {
            rows.append(.row(B.creditRemainder, detail: BillingFormat.negative(credit)))
        }
        if let payer = totals.credits?.payer?.appliedAmount, payer.amount > 0 {
            rows.append(.row(B.payerCreditRemainder, detail: BillingFormat.negative(payer)))
        }
        if let pastDue = totals.pastDue, pastDue.amount > 0 { rows.append(.row(B.pastDue, detail: BillingFormat.money(pastDue))) }
        if trial, let days = checkout.plan.freeTrialDays, let after = totals.totalDueAfterFreeTrial {
            rows.append(.row(B.totalDueAfterTrial(days: days), detail: BillingFormat.money(after)))
        } else {
            rows.append(.row(B.checkoutTotalDuePerPeriod, detail: BillingFormat.money(totals.totalDuePerPeriod)))
        }
        if let now = totals.totalDueNow { rows.append(.row(B.totalDueToday, detail: BillingFormat.money(now))) }
        return rows
    }

    // MARK: Paying

    /// A saved card or a new one (when both are offered), its fields, the confirm button, and the test card.
    private static func payment(_ machine: CheckoutMachine) -> [Control] {
        let confirm = Control.button(machine.submitLabel, action: .checkout(.submit), enabled: !machine.isBusy)
        guard machine.needsPaymentMethod else { return [confirm] }
        var controls: [Control] = [.section(B.paymentMethod)]
        if machine.offersBothSources {
            controls += [
                .checkbox(label: B.savedPaymentMethods, checked: machine.source == .saved, action: .checkout(.useSource(.saved))),
                .checkbox(label: B.addPaymentMethodLabel, checked: machine.source == .newCard, action: .checkout(.useSource(.newCard))),
            ]
        }
        switch machine.source {
        case .saved:
            controls += machine.paymentMethods.map { method in
                .checkbox(label: BillingFormat.card(method) + (method.isDefault ? " · \(B.defaultBadge)" : ""),
                          checked: machine.selectedMethodID == method.id, action: .checkout(.chooseMethod(id: method.id)))
            }
            controls.append(confirm)
        case .newCard where machine.acceptsCards:
            controls += CardFields.controls(machine.card, errors: machine.errors) + [confirm]
        case .newCard:
            if machine.gateway == nil { controls.append(.note(Copy.loading)) }
        }
        if machine.offersTestCard {
            controls += [
                .note(Copy.developmentMode),
                .button(B.payWithTestCard, action: .checkout(.payWithTestCard), enabled: !machine.isBusy),
            ]
        }
        return controls
    }

    // MARK: Complete

    /// "Payment was successful!" (or the trial's, or "Success!"), what was paid and with which card, and "Continue".
    private static func complete(_ machine: CheckoutMachine) -> Card {
        guard let checkout = machine.checkout else { return Card(title: B.subscriptionSuccessfulTitle) }
        let paid = (checkout.totals.totalDueNow?.amount ?? 0) > 0
        let title = checkout.freeTrialEndsAt != nil ? B.trialSuccessTitle : paid ? B.paymentSuccessfulTitle : B.subscriptionSuccessfulTitle
        var card = Card(title: title, subtitle: paid ? B.paymentSuccessful : B.subscriptionSuccessful)
        if let due = checkout.totals.totalDueNow { card.controls.append(.row(B.totalPaid, detail: BillingFormat.money(due))) }
        if let trialEnd = checkout.freeTrialEndsAt { card.controls.append(.row(B.trialEndsOnLine, detail: DateText.long(trialEnd))) }
        if paid || checkout.freeTrialEndsAt != nil {
            card.controls.append(.row(B.paymentMethod, detail: checkout.paymentMethod.map(BillingFormat.card) ?? "–"))
        } else {
            card.controls.append(.row(B.subscriptionBegins, detail: checkout.planPeriodStart.map(DateText.long) ?? "–"))
        }
        card.controls.append(.button(Copy.continueButton, action: .checkout(.submit), enabled: true))
        return card
    }
}
