import FrontendAPI
import Portal
import TerminalUI

/// How a UserProfile section looks: its rows on its page, and its cards. Each section's view file conforms the
/// section to it.
protocol ProfileSectionView: PageSection where Host == ProfileMachine {
    /// Its heading and rows on the page; none where the instance turns the section off.
    func rows(_ profile: ProfileMachine) -> [Control]
    /// The card of `step`; the profile adds the notice, "Try again" and Cancel.
    func card(_ step: Step, _ profile: ProfileMachine) -> Card
    /// Whether the card offers Cancel: not one that shows a result once, like new backup codes.
    func offersCancel(_ step: Step) -> Bool
}

extension ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] { [] }
    func offersCancel(_ step: Step) -> Bool { true }

    /// The card on screen, when this section has one open.
    func openCard(_ profile: ProfileMachine) -> (card: Card, offersCancel: Bool)? {
        step.map { (card($0, profile), offersCancel($0)) }
    }

    /// A control's event that opens `step`.
    static func opening(_ step: Step) -> PortalMachine.Event { .profile(open(step)) }

    /// A control's event that does `action`.
    static func doing(_ action: Action) -> PortalMachine.Event { .profile(act(action)) }
}

/// The UserProfile pages (Account, Security) with every section's rows, and the card on screen over them. Pure.
enum ProfileView {
    static func card(_ machine: ProfileMachine) -> Card {
        var card: Card
        if machine.reverification != nil {
            card = ReverificationView.card(machine)
            card.controls.append(ProfileControls.cancel)
        } else if let open = (machine.openSection as? any ProfileSectionView)?.openCard(machine) {
            card = open.card
            if open.offersCancel { card.controls.append(ProfileControls.cancel) }
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
        let isAccount = machine.page == .account
        var card =
            isAccount
            ? Card(title: Copy.Profile.accountPage, subtitle: Copy.Profile.accountSubtitle)
            : Card(title: Copy.Profile.securityPage, subtitle: Copy.Profile.securitySubtitle)
        card.controls = [navigation(to: isAccount ? .security : .account)]
        for section in machine.sections.listed(on: machine.page) {
            card.controls += (section as? any ProfileSectionView)?.rows(machine) ?? []
        }
        card.controls.append(.option(Copy.Profile.backToHome, detail: nil, action: .profile(.back)))
        return card
    }

    /// The navbar: the other page, with what it holds.
    private static func navigation(to page: ProfileMachine.Page) -> Control {
        page == .security
            ? .option(Copy.Profile.securityPage + " ›", detail: Copy.Profile.securitySubtitle, action: .profile(.showPage(page)))
            : .option(Copy.Profile.accountPage + " ›", detail: Copy.Profile.accountSubtitle, action: .profile(.showPage(page)))
    }
}
