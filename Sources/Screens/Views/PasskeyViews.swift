import Portal
import TerminalUI

/// The passkey cards and controls: "Use your passkey" while signing in, "Use passkey instead" on the start card,
/// and the PIN field and busy label every passkey card shares. Pure.
enum PasskeyViews {
    /// "Use your passkey": Continue runs the authenticator; a security key's PIN when it asked for one.
    static func signInCard(_ machine: SignInMachine) -> Card {
        var card = Card(title: Copy.Passkeys.signInTitle, subtitle: Copy.Passkeys.signInSubtitle)
        let identified = machine.signIn?.identifier != nil
        if identified { card.lines = [machine.identityPreview] }
        if machine.needsPIN { card.controls.append(pin(error: nil)) }
        card.controls.append(.button(busyLabel(machine.isBusy), action: .signIn(.submit), enabled: machine.canSubmit))
        if machine.offersAnotherMethod {
            card.controls.append(.link(Copy.useAnotherMethod, prefix: nil, action: .signIn(.useAnotherMethod), enabled: true))
        }
        let back = identified ? Copy.SignIn.editIdentifier : Copy.back
        card.controls.append(.link(back, prefix: nil, action: .signIn(.back), enabled: true))
        return card
    }

    /// The start card's way in: "Use passkey instead", or why there is none over SSH.
    static func startControls(_ machine: SignInMachine) -> [Control] {
        guard machine.config.passkeyButton else { return [] }
        guard machine.config.usesPasskeys else { return overSSH }
        return [.link(Copy.Passkeys.usePasskeyInstead, prefix: nil, action: .signIn(.usePasskey), enabled: machine.canSubmit)]
    }

    /// Why no passkey is offered over SSH, a row each.
    static let overSSH: [Control] = [.note(Copy.Passkeys.overSSH), .note(Copy.Passkeys.overSSHReason)]

    /// The security key's PIN, typed into the card's code field.
    static func pin(error: String?) -> Control {
        .secret(.code, label: Copy.Passkeys.pin, placeholder: "", error: error, hint: nil)
    }

    /// The primary button: `idle` (Continue), or "Touch your security key" while the authenticator works.
    static func busyLabel(_ busy: Bool, idle: String = Copy.continueButton) -> String {
        busy ? Copy.Passkeys.touchSecurityKey : idle
    }
}
