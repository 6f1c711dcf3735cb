import Portal
import TerminalUI

extension UsernameSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        guard profile.config.username else { return [] }
        let username = profile.user?.username
        return [
            .section(Copy.Profile.usernameSection),
            .option(
                username ?? "—", detail: username == nil ? Copy.Profile.setUsername : Copy.Profile.updateUsername,
                action: Self.opening(.edit)),
        ]
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        var card = Card(title: profile.user?.username == nil ? Copy.Profile.setUsername : Copy.Profile.updateUsername)
        card.controls = [
            SectionControls.text(.username, Copy.Field.username, profile), SectionControls.primary(Copy.Profile.save, profile),
        ]
        return card
    }
}
