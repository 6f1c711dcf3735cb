import FrontendAPI
import Portal
import TerminalUI

/// A view of an OrganizationProfile section.
protocol OrganizationSectionView: PageSectionView where Host == OrganizationProfileMachine {}

extension OrganizationProfileMachine: SectionedScreen {
    static func portalEvent(_ event: Event) -> PortalMachine.Event { .organizationProfile(event) }
    static var submit: Event { .submit }
    static var back: Event { .back }
}

/// OrganizationProfile's pages (General, Members) with every section's rows, and the card on screen over them. Pure.
enum OrganizationProfileView {
    typealias O = Copy.OrganizationProfile

    static func card(_ machine: OrganizationProfileMachine) -> Card {
        var card = SectionControls.openCard(machine.openSection, machine) ?? page(machine)
        if let notice = machine.notice {
            card.notice = card.notice ?? Banner(.danger, notice)
        } else if let success = machine.success {
            card.notice = card.notice ?? Banner(.success, success)
        }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .organizationProfile(.retry), enabled: true), at: 0)
        }
        return card
    }

    private static func page(_ machine: OrganizationProfileMachine) -> Card {
        let isGeneral = machine.page == .general
        let other: OrganizationProfileMachine.Page = isGeneral ? .members : .general
        let navigation = Control.option(
            (isGeneral ? O.members : O.general) + " ›", detail: nil, action: .organizationProfile(.showPage(other)))
        return SectionControls.page(
            isGeneral ? O.general : O.members, subtitle: machine.organization.name, navigation: [navigation],
            sections: machine.sections.listed(on: machine.page), machine, home: Copy.Profile.backToHome)
    }

    /// "Acme Inc" for the organization in rows and confirmations.
    static func badges(_ membership: OrganizationMembership, you userID: String?) -> String {
        var parts = [membership.roleName]
        if membership.publicUserData?.userID == userID { parts.append(O.you) }
        return parts.joined(separator: " · ")
    }
}
