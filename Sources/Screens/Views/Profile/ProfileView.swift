import FrontendAPI
import Portal
import TerminalUI

/// A view of a UserProfile section.
protocol ProfileSectionView: PageSectionView where Host == ProfileMachine {}

extension ProfileMachine: SectionedScreen {
    static func portalEvent(_ event: Event) -> PortalMachine.Event { .profile(event) }
    static var submit: Event { .submit }
    static var back: Event { .back }
}

/// The UserProfile pages (Account, Security) with every section's rows, and the card on screen over them. Pure.
enum ProfileView {
    static func card(_ machine: ProfileMachine) -> Card {
        var card: Card
        if machine.reverification != nil {
            card = ReverificationView.card(machine)
            card.controls.append(SectionControls.cancel(machine))
        } else if let open = SectionControls.openCard(machine.openSection, machine) {
            card = open
        } else {
            card = page(machine)
        }
        card.notice = card.notice ?? notice(machine)
        if machine.serverUnavailable { card.controls.insert(.button(Copy.retry, action: .profile(.retry), enabled: true), at: 0) }
        return card
    }

    /// An error, or what the last action did.
    static func notice(_ machine: ProfileMachine) -> Banner? {
        if let notice = machine.notice { return Banner(.danger, notice) }
        return machine.success.map { Banner(.success, $0) }
    }

    private static func page(_ machine: ProfileMachine) -> Card {
        let (title, subtitle) = heading(machine.page)
        let pages: [ProfileMachine.Page] = [.account, .security] + (machine.config.billing ? [.billing] : [])
            + (machine.config.apiKeys ? [.apiKeys] : [])
        return SectionControls.page(
            title, subtitle: subtitle, navigation: pages.filter { $0 != machine.page }.map(navigation(to:)),
            sections: machine.sections.listed(on: machine.page), machine, home: Copy.Profile.backToHome)
    }

    private static func heading(_ page: ProfileMachine.Page) -> (title: String, subtitle: String?) {
        switch page {
        case .account: (Copy.Profile.accountPage, Copy.Profile.accountSubtitle)
        case .security: (Copy.Profile.securityPage, Copy.Profile.securitySubtitle)
        case .billing: (Copy.Billing.billing, nil)
        case .apiKeys: (Copy.APIKeys.page, nil)
        }
    }

    /// The navbar: the other pages, with what they hold.
    private static func navigation(to page: ProfileMachine.Page) -> Control {
        let (title, subtitle) = heading(page)
        return .option(title + " ›", detail: subtitle, action: .profile(.showPage(page)))
    }
}
