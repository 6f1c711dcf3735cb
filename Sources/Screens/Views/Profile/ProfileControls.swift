import Foundation
import FrontendAPI
import Portal
import TerminalUI

/// The controls the profile's cards share: fields bound to the profile's form, the primary button, the code field,
/// confirmations, and how dates and badges read.
enum ProfileControls {
    static let cancel = Control.link(Copy.Profile.cancel, prefix: nil, action: .profile(.back), enabled: true)

    static func text(
        _ field: SectionField, _ label: String, _ machine: ProfileMachine, placeholder: String = "", hint: String? = nil
    ) -> Control {
        .text(
            .section(field), label: label, placeholder: placeholder, value: machine.form[field],
            error: machine.errors[field.rawValue], hint: hint)
    }

    /// The card's primary button, disabled while an action is on its way.
    static func primary(_ label: String, _ machine: ProfileMachine, enabled: Bool = true) -> Control {
        .button(label, action: .profile(.submit), enabled: enabled && !machine.isBusy)
    }

    static func code(_ machine: ProfileMachine) -> Control {
        .code(.code, label: Copy.Field.verificationCode, error: machine.errors["code"])
    }

    /// "Didn't receive a code? Resend".
    static func resend(_ action: PortalMachine.Event, _ machine: ProfileMachine) -> Control {
        .link(Copy.Profile.resend, prefix: nil, action: action, enabled: !machine.isBusy)
    }

    /// A code sent to `identifier`, with Continue and Resend.
    static func verifyCard(_ title: String, identifier: String, resend: PortalMachine.Event, _ machine: ProfileMachine) -> Card {
        var card = Card(title: title, subtitle: Copy.Profile.codeSentTo(identifier))
        card.controls = [code(machine), primary(Copy.continueButton, machine), Self.resend(resend, machine)]
        return card
    }

    /// A confirmation: what will happen, and the button that does it.
    static func confirmation(
        _ title: String, subtitle: String? = nil, lines: [String], button: String = Copy.Profile.remove,
        _ machine: ProfileMachine
    ) -> Card {
        var card = Card(title: title, subtitle: subtitle)
        card.lines = lines
        card.controls = [primary(button, machine)]
        return card
    }

    static func badgeText(_ badges: [String]) -> String? { badges.isEmpty ? nil : badges.joined(separator: " · ") }

    /// "Nov 26, 2026" in UTC: the same on every machine, so frames are reproducible.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(months[(parts.month ?? 1) - 1]) \(parts.day ?? 1), \(parts.year ?? 1970)"
    }
}
