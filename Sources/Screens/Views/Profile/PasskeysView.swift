import Portal
import TerminalUI

extension PasskeysSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        let passkeys = profile.user?.passkeys ?? []
        guard profile.config.passkeys || !passkeys.isEmpty else { return [] }
        return [.section(Copy.Profile.passkeysSection)]
            + passkeys.map {
                .option(
                    $0.name, detail: Copy.Profile.created(SectionControls.date($0.createdAt)),
                    action: Self.opening(.menu(id: $0.id)))
            }
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let name = { (id: String) in profile.user?.passkeys.first { $0.id == id }?.name }
        switch step {
        case .menu(let id):
            var card = Card(title: name(id) ?? Copy.Profile.passkeysSection, subtitle: Copy.Profile.passkeysReadOnly)
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
}
