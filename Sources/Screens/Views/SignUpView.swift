import FrontendAPI
import Portal
import TerminalUI

/// The sign-up cards. Pure.
enum SignUpView {
    static func card(_ machine: SignUpMachine) -> Card {
        var card: Card
        switch machine.step {
        case .start:
            card = Card(title: Copy.SignUp.title, subtitle: Copy.SignUp.subtitle)
            card.controls = form(machine)
            if let label = machine.emailPhoneSwitchLabel {
                card.controls.append(.link(label, prefix: nil, action: .signUp(.switchEmailPhone), enabled: true))
            }
            card.controls.append(signInLink)
        case .continueMissing:
            let onlyLegal = machine.visibleFields.isEmpty && machine.showsLegalConsent
            card = Card(
                title: onlyLegal ? Copy.SignUp.legalConsentTitle : Copy.SignUp.continueTitle,
                subtitle: onlyLegal ? Copy.SignUp.legalConsentSubtitle : Copy.SignUp.continueSubtitle)
            card.controls = form(machine) + [signInLink]
        case .restricted, .waitlist, .waitlistJoined:
            card = WaitlistView.card(machine)
        case .verifyCode(let field):
            let phone = field == .phoneNumber
            card = Card(
                title: phone ? Copy.SignUp.verifyPhoneTitle : Copy.SignUp.verifyEmailTitle,
                subtitle: phone ? Copy.SignUp.verifyPhoneSubtitle : Copy.SignUp.verifyEmailSubtitle)
            if let target = machine.verificationTarget { card.lines = [target] }
            if machine.config.isDevelopment { card.lines.append(Copy.developmentCodesHint) }
            card.controls = [
                .code(.code, label: Copy.Field.verificationCode, error: machine.errors["code"]),
                resend(machine, label: Copy.SignUp.resendCode),
                back,
            ]
        case .verifyEmailLink(let expired):
            card = Card(title: Copy.SignUp.verifyEmailTitle, subtitle: Copy.SignUp.emailLinkFormSubtitle)
            if let target = machine.verificationTarget { card.lines = [target] }
            if expired { card.lines.append(Copy.SignIn.emailLinkExpiredTitle) }
            card.controls = [resend(machine, label: Copy.SignUp.resendLink), back]
        case .done:
            card = Card(title: Copy.loading, subtitle: nil)
        }
        if let notice = machine.notice, card.notice == nil {
            card.notice = Banner(machine.rateLimitSeconds != nil && !machine.serverUnavailable ? .warning : .danger, notice)
        }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .signUp(.retry), enabled: true), at: 0)
        }
        return card
    }

    /// The fields on the card, the legal checkbox and Continue.
    static func form(_ machine: SignUpMachine) -> [Control] {
        var controls: [Control] = machine.visibleFields.map { spec in
            let label = spec.required ? spec.label : "\(spec.label) (\(Copy.optional))"
            let error = machine.errors[spec.field.rawValue]
            if spec.field == .password {
                return .secret(
                    .password, label: label, placeholder: spec.placeholder ?? "", error: error,
                    hint: machine.passwordFeedback?.message)
            }
            return .text(
                .signUp(spec.field.rawValue), label: label, placeholder: spec.placeholder ?? "",
                value: machine.values[spec.field] ?? "", error: error, hint: nil)
        }
        if machine.showsLegalConsent {
            controls.append(
                .checkbox(label: machine.config.legalConsentLabel, checked: machine.legalAccepted, action: .signUp(.toggleLegalAccepted)))
        }
        controls.append(.button(Copy.continueButton, action: .signUp(.submit), enabled: machine.canSubmit))
        return controls
    }

    private static func resend(_ machine: SignUpMachine, label: String) -> Control {
        let text = machine.resendSeconds > 0 ? "\(label) \(Copy.countdown(machine.resendSeconds))" : label
        return .link(text, prefix: nil, action: .signUp(.resend), enabled: machine.resendSeconds == 0 && machine.canSubmit)
    }

    static let signInLink = Control.link(
        Copy.SignUp.signInLink, prefix: Copy.SignUp.signInPrompt, action: .signUp(.goToSignIn), enabled: true)
    private static let back = Control.link(Copy.back, prefix: nil, action: .signUp(.back), enabled: true)
}
