import Portal
import TerminalUI

extension PasswordSection: ProfileSectionView {
    func rows(_ profile: ProfileMachine) -> [Control] {
        guard profile.config.password else { return [] }
        let hasPassword = profile.user?.passwordEnabled == true
        return [
            .section(Copy.Profile.passwordSection),
            .option(
                hasPassword ? "••••••••••" : "—", detail: hasPassword ? Copy.Profile.updatePassword : Copy.Profile.setPassword,
                action: Self.opening(.change)),
        ]
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let hasPassword = profile.user?.passwordEnabled == true
        var card = Card(title: hasPassword ? Copy.Profile.updatePassword : Copy.Profile.setPassword)
        if profile.asksCurrentPassword {
            card.controls.append(
                .secret(
                    .currentPassword, label: Copy.Profile.currentPassword, placeholder: "",
                    error: profile.errors["current_password"], hint: nil))
        }
        var errors = profile.errors
        errors.fields["password"] = errors.fields["new_password"]
        card.controls += NewPasswordControls.controls(
            form: profile.form.newPassword, feedback: profile.newPasswordFeedback, errors: errors,
            toggle: .profile(.newPassword(.toggleSignOutOfOtherSessions)))
        card.controls.append(SectionControls.primary(Copy.Profile.save, profile))
        return card
    }
}
