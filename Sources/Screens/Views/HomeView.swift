import FrontendAPI
import Portal
import TerminalUI

/// The signed-in home with the UserButton menu and the account switcher. Pure.
enum HomeView {
    static func card(_ machine: AccountMachine, applicationName: String, keepSignedIn: KeepSignedIn? = nil) -> Card {
        var card: Card
        switch machine.step {
        case .home, .menu:
            let identifier = machine.activeSession.map(AccountMachine.identifier) ?? ""
            card = Card(title: applicationName, subtitle: Copy.Tasks.signedInAs(identifier))
            if let session = machine.activeSession {
                let name = AccountMachine.displayName(session)
                card.controls = [
                    .option(name, detail: name == identifier ? nil : identifier, action: .account(.openMenu))
                ]
                if machine.organizationsEnabled { card.controls.append(organizationSwitcher(machine)) }
                if machine.activeMembership != nil {
                    card.controls.append(
                        .option(Copy.OrganizationProfile.manageOrganization, detail: nil, action: .account(.manageOrganization)))
                }
                if machine.offersPlans {
                    card.controls.append(.option(Copy.Billing.plans, detail: nil, action: .account(.openPlans)))
                }
            }
            if machine.step == .menu {
                card.lines = [Copy.UserButton.accountActions]
                card.controls = machine.menuItems.map { item in
                    .option(AccountMachine.label(item), detail: detail(item), action: .account(.select(item)))
                }
            }
        case .chooseAccount:
            card = Card(title: Copy.SignIn.accountSwitcherTitle, subtitle: Copy.SignIn.accountSwitcherSubtitle)
            card.controls = machine.chooseItems.map { item in
                .option(AccountMachine.label(item), detail: detail(item), action: .account(.select(item)))
            }
        }
        if machine.step == .home, let keepSignedIn {
            card.controls.append(
                .checkbox(label: Copy.UserButton.keepSignedIn, checked: keepSignedIn.isOn, action: .toggleKeepSignedIn))
        }
        card.notice = machine.notice.map { Banner(.danger, $0) }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .account(.retry), enabled: true), at: 0)
        }
        return card
    }

    /// The OrganizationSwitcher: the active organization (or the personal account), with a badge counting the
    /// invitations and suggestions waiting.
    private static func organizationSwitcher(_ machine: AccountMachine) -> Control {
        let name = machine.activeMembership?.organization.name ?? Copy.Organizations.personalAccount
        let badge = machine.pendingOrganizationCount > 0 ? "(\(machine.pendingOrganizationCount))" : nil
        return .option(name, detail: badge, action: .account(.openOrganizations))
    }

    /// The identifier beside a session whose display name is a real name.
    private static func detail(_ item: AccountMachine.Item) -> String? {
        guard case .switchTo(let session) = item else { return nil }
        let identifier = AccountMachine.identifier(session)
        return AccountMachine.displayName(session) == identifier ? nil : identifier
    }
}
