import Portal
import TerminalUI

extension PasskeysSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        let passkeys = profile.user?.passkeys ?? []
        guard profile.config.passkeys || !passkeys.isEmpty else { return [] }
        let listed: [Control] = passkeys.map {
            .option($0.name, detail: Copy.Profile.created(SectionControls.date($0.createdAt)), action: Self.opening(.menu(id: $0.id)))
        }
        guard profile.config.passkeys else { return [.section(Copy.Profile.passkeysSection)] + listed }
        // Over SSH the session cannot reach the visitor's security key: say why instead of offering it.
        let add: [Control] = profile.config.passkeyAccess == .available
            ? [.option("+ " + Copy.Passkeys.addPasskey, detail: nil, action: Self.opening(.add))] : PasskeyViews.overSSH
        return [.section(Copy.Profile.passkeysSection)] + listed + add
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let name = { (id: String) in profile.user?.passkeys.first { $0.id == id }?.name }
        switch step {
        case .add:
            return addCard(profile)
        case .menu(let id):
            var card = Card(title: name(id) ?? Copy.Profile.passkeysSection)
            card.controls = [
                .option(Copy.Profile.rename, detail: nil, action: Self.opening(.rename(id: id))),
                .option(Copy.Profile.remove, detail: nil, action: Self.opening(.remove(id: id))),
            ]
            return card
        case .rename:
            var card = Card(title: Copy.Profile.renamePasskeyTitle, subtitle: Copy.Profile.renamePasskeySubtitle)
            card.controls = [
                SectionControls.text(.passkeyName, Copy.Profile.passkeyName, profile),
                SectionControls.primary(Copy.Profile.save, profile),
            ]
            return card
        case .remove(let id):
            return SectionControls.confirmation(
                Copy.Profile.removePasskeyTitle, lines: [Copy.Profile.willBeRemoved(name(id) ?? "")], profile)
        }
    }

    /// "Add a passkey": the authenticator at work ("Touch your security key"), its PIN when it asks for one.
    private func addCard(_ profile: ProfileMachine) -> Card {
        guard profile.config.passkeyAccess == .available else {
            var card = Card(title: Copy.Passkeys.addPasskey, subtitle: Copy.Passkeys.overSSH + " " + Copy.Passkeys.overSSHReason)
            card.controls = []
            return card
        }
        var card = Card(title: Copy.Passkeys.addPasskey,
                        subtitle: profile.isBusy ? Copy.Passkeys.touchSecurityKey : (needsPIN ? Copy.Passkeys.pinSubtitle : nil))
        if needsPIN { card.controls.append(PasskeyViews.pin(error: nil)) }
        card.controls.append(SectionControls.primary(PasskeyViews.busyLabel(profile.isBusy), profile))
        return card
    }
}
