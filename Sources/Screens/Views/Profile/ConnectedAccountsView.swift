import Portal
import TerminalUI

extension ConnectedAccountsSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        let accounts = profile.user?.externalAccounts ?? []
        guard profile.config.connectedAccounts || !accounts.isEmpty else { return [] }
        var controls: [Control] = [.section(Copy.Profile.connectedAccountsSection)]
        for account in accounts {
            let verified = account.verification?.status == .verified
            let detail = verified ? account.emailAddress : "\(account.emailAddress)  \(Copy.Profile.requiresAction)"
            controls.append(.option(Self.providerName(account), detail: detail, action: Self.opening(.menu(id: account.id))))
        }
        if !profile.connectableProviders.isEmpty {
            controls.append(.option("+ " + Copy.Profile.connectAccount, detail: nil, action: Self.opening(.connect)))
        }
        return controls
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let account = { (id: String) in profile.user?.externalAccounts.first { $0.id == id } }
        switch step {
        case .menu(let id):
            let account = account(id)
            var card = Card(title: account.map(Self.providerName) ?? "", subtitle: account?.emailAddress)
            if account?.verification?.status != .verified, profile.config.oauthRedirectURL != nil {
                card.controls.append(.option(Copy.Profile.reconnect, detail: nil, action: Self.doing(.reconnect(accountID: id))))
            }
            card.controls.append(.option(Copy.Profile.remove, detail: nil, action: Self.opening(.remove(id: id))))
            return card
        case .connect:
            var card = Card(title: Copy.Profile.connectAccount)
            card.controls = profile.connectableProviders.map { .option($0.name, detail: nil, action: Self.doing(.connect($0))) }
            return card
        case .connecting(let provider, let url, _):
            var card = Card(title: Copy.Profile.connectWith(provider), subtitle: Copy.Profile.finishInBrowser(provider))
            card.handOff(to: url)
            return card
        case .remove(let id):
            let label = account(id).map(Self.providerName) ?? ""
            return SectionControls.confirmation(
                Copy.Profile.removeConnectedAccount, lines: [Copy.Profile.willBeRemoved(label)], profile)
        }
    }
}
