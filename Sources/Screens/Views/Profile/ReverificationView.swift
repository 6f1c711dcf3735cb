import Portal
import TerminalUI

/// "Verification required" before a sensitive action: the factor of the stage in progress. Pure.
enum ReverificationView {
    static func card(_ machine: ProfileMachine) -> Card {
        let factor = machine.reverification?.factor
        var card = Card(title: Copy.Profile.verificationRequired)
        switch factor?.strategy {
        case .passkey?:
            card = passkey(machine)
        case .password?:
            card.subtitle = Copy.Profile.verifyPasswordSubtitle
            card.controls = [
                .secret(
                    .currentPassword, label: Copy.Field.password, placeholder: Copy.Field.passwordPlaceholder,
                    error: machine.errors["password"], hint: nil)
            ]
        case .totp?:
            card.subtitle = Copy.Profile.verifyTOTPSubtitle
            card.controls = [SectionControls.code(machine)]
        case .backupCode?:
            card.subtitle = Copy.Profile.verifyBackupCodeSubtitle
            card.controls = [
                .secret(
                    .backupCode, label: Copy.Profile.backupCode, placeholder: Copy.Field.backupCodePlaceholder,
                    error: machine.errors["code"], hint: nil)
            ]
        case .some:
            card.subtitle = Copy.Profile.verifyCodeSubtitle(factor?.safeIdentifier ?? "")
            card.controls = [SectionControls.code(machine), SectionControls.resend(.profile(.resendCode), machine)]
        case nil:
            break
        }
        if factor != nil, factor?.strategy != .passkey {
            card.controls.insert(SectionControls.primary(Copy.continueButton, machine), at: 1)
        }
        if (machine.reverification?.factors.count ?? 0) > 1 {
            card.controls.append(.link(Copy.useAnotherMethod, prefix: nil, action: .profile(.useAnotherFactor), enabled: true))
        }
        return card
    }

    /// "Use your passkey": the authenticator answers the challenge; a security key's PIN when it asked for one.
    private static func passkey(_ machine: ProfileMachine) -> Card {
        var card = Card(title: Copy.Passkeys.signInTitle, subtitle: Copy.Passkeys.reverificationSubtitle)
        if machine.reverification?.needsPIN == true { card.controls.append(PasskeyViews.pin(error: nil)) }
        card.controls.append(SectionControls.primary(PasskeyViews.busyLabel(machine.isBusy, idle: Copy.Passkeys.useYourPasskey), machine))
        return card
    }
}
