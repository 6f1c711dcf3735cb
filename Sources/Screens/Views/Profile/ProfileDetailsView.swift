import Portal
import TerminalUI

extension ProfileDetailsSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        let name = "\(Copy.Profile.initials(profile.initials)) \(profile.displayName)"
        let editable = profile.config.names || profile.config.localFiles || profile.user?.hasImage == true
        return [
            .section(Copy.Profile.profileSection),
            editable
                ? .option(name, detail: Copy.Profile.updateProfile, action: Self.opening(.edit))
                : .row(name, detail: nil),
        ]
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        switch step {
        case .edit:
            var card = Card(title: Copy.Profile.updateProfile, subtitle: nil)
            card.lines = ["\(Copy.Profile.profileImage): \(Copy.Profile.initials(profile.initials))"]
            if profile.config.names {
                card.controls += [
                    SectionControls.text(.firstName, Copy.Profile.firstName, profile),
                    SectionControls.text(.lastName, Copy.Profile.lastName, profile),
                ]
            }
            if profile.config.localFiles {
                card.controls.append(
                    SectionControls.text(.imagePath, Copy.Profile.imagePathLabel, profile, hint: Copy.Profile.imageHint))
            }
            if profile.user?.hasImage == true {
                card.controls.append(
                    .link(Copy.Profile.removeImage, prefix: nil, action: Self.opening(.removeImage), enabled: true))
            }
            card.controls.append(SectionControls.primary(Copy.Profile.save, profile))
            return card
        case .removeImage:
            return SectionControls.confirmation(
                Copy.Profile.removeImage, lines: [Copy.Profile.willBeRemoved(Copy.Profile.profileImage)], profile)
        }
    }
}
