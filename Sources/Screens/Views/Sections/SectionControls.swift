import Foundation
import FrontendAPI
import Portal
import TerminalUI

/// A component made of sections (UserProfile, OrganizationProfile), as its views draw it.
protocol SectionedScreen: SectionHost {
    var form: SectionForm { get }
    var errors: FormErrors { get }
    var isBusy: Bool { get }
    /// The portal's event carrying the component's `event`.
    static func portalEvent(_ event: Event) -> PortalMachine.Event
    /// The card's primary button, and Escape or Cancel.
    static var submit: Event { get }
    static var back: Event { get }
}

/// How a section looks: its rows on its page, and its cards. Each section's view file conforms the section to it.
protocol PageSectionView<Host>: PageSection where Host: SectionedScreen {
    /// Its heading and rows on the page; none where the section is not offered.
    func rows(_ host: Host) -> [Control]
    /// The card of `step`; the component adds the notice, "Try again" and Cancel.
    func card(_ step: Step, _ host: Host) -> Card
    /// Whether the card offers Cancel: not one that shows a result once, like new backup codes.
    func offersCancel(_ step: Step) -> Bool
}

extension PageSectionView {
    func rows(_ host: Host) -> [Control] { [] }
    func offersCancel(_ step: Step) -> Bool { true }

    /// The card on screen, when this section has one open.
    func openCard(_ host: Host) -> (card: Card, offersCancel: Bool)? {
        step.map { (card($0, host), offersCancel($0)) }
    }

    /// A control's event that opens `step`.
    static func opening(_ step: Step) -> PortalMachine.Event { Host.portalEvent(open(step)) }

    /// A control's event that does `action`.
    static func doing(_ action: Action) -> PortalMachine.Event { Host.portalEvent(act(action)) }
}

/// The controls the sections' cards share: fields bound to the component's form, the primary button, the code
/// field, confirmations, and how dates and badges read.
enum SectionControls {
    static func cancel<Host: SectionedScreen>(_ host: Host) -> Control {
        .link(Copy.Profile.cancel, prefix: nil, action: Host.portalEvent(Host.back), enabled: true)
    }

    static func text<Host: SectionedScreen>(
        _ field: SectionField, _ label: String, _ host: Host, placeholder: String = "", hint: String? = nil
    ) -> Control {
        .text(
            .section(field), label: label, placeholder: placeholder, value: host.form[field],
            error: host.errors[field.rawValue], hint: hint)
    }

    /// The card's primary button, disabled while an action is on its way.
    static func primary<Host: SectionedScreen>(_ label: String, _ host: Host, enabled: Bool = true) -> Control {
        .button(label, action: Host.portalEvent(Host.submit), enabled: enabled && !host.isBusy)
    }

    static func code<Host: SectionedScreen>(_ host: Host) -> Control {
        .code(.code, label: Copy.Field.verificationCode, error: host.errors["code"])
    }

    /// "Didn't receive a code? Resend".
    static func resend<Host: SectionedScreen>(_ action: PortalMachine.Event, _ host: Host, label: String = Copy.Profile.resend)
        -> Control
    {
        .link(label, prefix: nil, action: action, enabled: !host.isBusy)
    }

    /// A code sent to `identifier`, with Continue and Resend.
    static func verifyCard<Host: SectionedScreen>(
        _ title: String, identifier: String, resend: PortalMachine.Event, _ host: Host
    ) -> Card {
        var card = Card(title: title, subtitle: Copy.Profile.codeSentTo(identifier))
        card.controls = [code(host), primary(Copy.continueButton, host), Self.resend(resend, host)]
        return card
    }

    /// A confirmation: what will happen, and the button that does it.
    static func confirmation<Host: SectionedScreen>(
        _ title: String, subtitle: String? = nil, lines: [String], button: String = Copy.Profile.remove, _ host: Host
    ) -> Card {
        var card = Card(title: title, subtitle: subtitle)
        card.lines = lines
        card.controls = [primary(button, host)]
        return card
    }

    static func badgeText(_ badges: [String]) -> String? { badges.isEmpty ? nil : badges.joined(separator: " · ") }

    /// "Nov 26, 2026" in UTC: the same on every machine, so frames are reproducible.
    static func date(_ date: Date) -> String { DateText.short(date) }

    /// A page of sections: the page's title, its navbar entries, every section's rows, and a way home.
    static func page<Host: SectionedScreen>(
        _ title: String, subtitle: String?, navigation: [Control], sections: [any PageSection<Host>], _ host: Host,
        home: String
    ) -> Card {
        var card = Card(title: title, subtitle: subtitle)
        card.controls = navigation
        for section in sections {
            card.controls += (section as? any PageSectionView<Host>)?.rows(host) ?? []
        }
        card.controls.append(.option(home, detail: nil, action: Host.portalEvent(Host.back)))
        return card
    }

    /// The card of the section on screen, with Cancel unless the card shows a result once.
    static func openCard<Host: SectionedScreen>(_ section: (any PageSection<Host>)?, _ host: Host) -> Card? {
        guard let open = (section as? any PageSectionView<Host>)?.openCard(host) else { return nil }
        var card = open.card
        if open.offersCancel { card.controls.append(cancel(host)) }
        return card
    }
}
