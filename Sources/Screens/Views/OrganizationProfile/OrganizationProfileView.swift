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
        let apiKeys = OrganizationProfileMachine.apiKeysOwner(machine.subject) != nil
        let pages: [OrganizationProfileMachine.Page] =
            [.general, .members] + (machine.offersBilling ? [.billing] : []) + (apiKeys ? [.apiKeys] : [])
        let navigation = pages.filter { $0 != machine.page }.map { page in
            Control.option(title(page) + " ›", detail: nil, action: .organizationProfile(.showPage(page)))
        }
        return SectionControls.page(
            title(machine.page), subtitle: machine.organization.name, navigation: navigation,
            sections: machine.sections.listed(on: machine.page), machine, home: Copy.Profile.backToHome)
    }

    private static func title(_ page: OrganizationProfileMachine.Page) -> String {
        switch page {
        case .general: O.general
        case .members: O.members
        case .billing: Copy.Billing.billing
        case .apiKeys: Copy.APIKeys.page
        }
    }

    /// "Acme Inc" for the organization in rows and confirmations.
    static func badges(_ membership: OrganizationMembership, you userID: String?) -> String {
        var parts = [membership.roleName]
        if membership.publicUserData?.userID == userID { parts.append(O.you) }
        return parts.joined(separator: " · ")
    }
}
