import FrontendAPI
import Portal
import TerminalUI

extension BillingPaymentMethodsSection: PageSectionView where Host: SectionedScreen {
    typealias B = Copy.Billing

    /// The saved cards, the default first, and "+ Add new payment method".
    func rows(_ host: Host) -> [Control] {
        let account = host.billingAccount
        guard account.canRead else { return [] }
        var controls: [Control] = [.section(B.paymentMethods)]
        for method in methods {
            let label = BillingFormat.card(method)
            controls.append(
                account.canManage
                    ? .option(label, detail: Self.badges(method), action: Self.opening(.menu(id: method.id)))
                    : .row(label, detail: Self.badges(method)))
        }
        if account.canManage { controls.append(.option("+ " + B.addPaymentMethod, detail: nil, action: Self.opening(.add))) }
        return controls
    }

    func card(_ step: Step, _ host: Host) -> Card {
        switch step {
        case .menu(let id):
            let method = method(id)
            var card = Card(title: method.map(BillingFormat.card) ?? B.paymentMethods, subtitle: method.flatMap(Self.badges))
            if method?.isDefault == false {
                card.controls.append(.option(B.makeDefault, detail: nil, action: Self.doing(.makeDefault(id: id))))
            }
            if method?.isRemovable != false { card.controls.append(.option(B.remove, detail: nil, action: Self.opening(.remove(id: id)))) }
            return card
        case .remove(let id):
            let label = method(id).map(BillingFormat.card) ?? ""
            return SectionControls.confirmation(
                B.removePaymentMethodTitle, lines: [B.willBeRemoved(label), B.removePaymentMethodWarning], button: B.remove, host)
        case .add:
            var card = Card(title: B.addPaymentMethod, subtitle: B.addPaymentMethodSubtitle)
            guard acceptsCards else {
                if gateway == nil { card.lines = [Copy.loading] }
                return card
            }
            card.controls = CardFields.controls(host.form.card, errors: host.errors)
                + [SectionControls.primary(B.addPaymentMethodButton, host)]
            return card
        }
    }

    /// "Default", "Expired".
    static func badges(_ method: BillingPaymentMethod) -> String? {
        SectionControls.badgeText((method.isDefault ? [B.defaultBadge] : []) + (method.status == "expired" ? [B.expired] : []))
    }
}
