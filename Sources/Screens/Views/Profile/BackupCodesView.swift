import Portal
import TerminalUI

/// Its row is on the two-step verification section.
extension BackupCodesSection: ProfileSectionView {
    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        switch step {
        case .regenerate:
            var card = Card(title: Copy.Profile.regenerateTitle, subtitle: Copy.Profile.regenerateSubtitle)
            card.controls = [SectionControls.primary(Copy.Profile.regenerate, profile)]
            return card
        case .codes(let title, let message):
            var card = Card(title: title, subtitle: nil)
            card.lines = [message, Copy.Tasks.backupCodesMessage, codes.joined(separator: "  ")]
            card.controls = [.copy(Copy.copyAll, text: codes.joined(separator: "\n"))]
            if profile.config.localFiles {
                card.controls.append(SectionControls.text(.backupCodesPath, Copy.Profile.saveCodesPath, profile))
                card.controls.append(.button(Copy.Profile.saveCodes, action: Self.doing(.save), enabled: !profile.isBusy))
            }
            card.controls.append(.button(Copy.Profile.finish, action: .profile(.back), enabled: !profile.isBusy))
            return card
        }
    }

    /// New codes are shown once: Finish, not Cancel.
    func offersCancel(_ step: Step) -> Bool { step == .regenerate }
}
