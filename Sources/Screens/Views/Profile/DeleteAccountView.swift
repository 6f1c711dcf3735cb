import Portal
import TerminalUI

extension DeleteAccountSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        guard profile.user?.deleteSelfEnabled == true else { return [] }
        return [
            .section(Copy.Profile.dangerSection),
            .option(Copy.Profile.deleteAccount, detail: nil, action: Self.opening(.confirm)),
        ]
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        var card = Card(title: Copy.Profile.deleteAccount)
        card.lines = [Copy.Profile.deleteMessage1, Copy.Profile.deleteMessage2]
        card.controls = [
            SectionControls.text(.deleteConfirmation, Copy.Profile.deleteConfirmLabel, profile),
            SectionControls.primary(Copy.Profile.deleteAccount, profile, enabled: profile.deleteConfirmed),
        ]
        return card
    }
}
