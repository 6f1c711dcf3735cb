import Portal
import TerminalUI

/// What the email-address and phone-number views share: rows with their badges, the menu of one identifier, and the
/// card of its code.
struct IdentifierViews {
    let open: (IdentifierStep) -> PortalMachine.Event
    let act: (IdentifierAction) -> PortalMachine.Event

    /// One identifier as a row and as its menu's title.
    struct Item {
        let id: String
        let label: String
        let isVerified: Bool
    }

    /// The heading, a row per identifier (primary first), and "+ Add …".
    func rows(_ heading: String, _ items: [Item], add: String, _ profile: ProfileMachine) -> [Control] {
        var controls: [Control] = [.section(heading)]
        for item in items {
            let badges = SectionControls.badgeText(profile.badges(id: item.id, verified: item.isVerified))
            controls.append(.option(item.label, detail: badges, action: open(.menu(id: item.id))))
        }
        controls.append(.option("+ " + add, detail: nil, action: open(.add)))
        return controls
    }

    /// Verify it (unverified) or make it primary (verified), then remove it.
    func menu(_ item: Item, verify: String, remove: String, isPrimary: Bool, _ profile: ProfileMachine) -> Card {
        let badges = SectionControls.badgeText(profile.badges(id: item.id, verified: item.isVerified))
        var card = Card(title: item.label, subtitle: badges)
        if !item.isVerified {
            card.controls.append(.option(verify, detail: nil, action: act(.verify(id: item.id))))
        } else if !isPrimary {
            card.controls.append(.option(Copy.Profile.setAsPrimary, detail: nil, action: act(.setPrimary(id: item.id))))
        }
        card.controls.append(.option(remove, detail: nil, action: open(.remove(id: item.id))))
        return card
    }

    /// The code sent to `label`.
    func verify(_ title: String, _ label: String, _ profile: ProfileMachine) -> Card {
        SectionControls.verifyCard(title, identifier: label, resend: act(.resend), profile)
    }
}
