import FrontendAPI
import Portal
import TerminalUI

/// The sign-in cards: machine state in, `Card` out. Pure.
enum SignInView {
    static func card(_ machine: SignInMachine) -> Card {
        let app = machine.config.applicationName
        var card: Card
        switch machine.step {
        case .start:
            card = start(machine)
        case .password:
            card = Card(title: Copy.SignIn.passwordTitle, subtitle: Copy.SignIn.passwordSubtitle)
            card.lines = [machine.identityPreview]
            card.controls = [
                .secret(
                    .password, label: Copy.Field.password, placeholder: Copy.Field.passwordPlaceholder,
                    error: machine.errors["password"], hint: nil),
                submit(machine),
                .link(Copy.forgotPassword, prefix: nil, action: .signIn(.forgotPassword), enabled: true),
            ]
            card.controls += anotherMethod(machine) + [editIdentifier]
        case .code(let stage):
            card = code(machine, stage: stage, app: app)
        case .emailLink(let expired):
            card = Card(title: Copy.SignIn.checkEmail, subtitle: Copy.SignIn.continueTo(app: app))
            card.lines = [Copy.SignIn.emailLinkFormSubtitle, machine.firstFactor?.safeIdentifier ?? machine.identityPreview]
            if expired { card.lines.append(Copy.SignIn.emailLinkExpiredTitle) }
            card.controls = [resend(machine, label: Copy.SignIn.resendLink)] + anotherMethod(machine) + [editIdentifier]
        case .passkey:
            card = PasskeyViews.signInCard(machine)
        case .alternatives(let mode):
            card = alternatives(machine, mode: mode)
        case .secondFactorAlternatives:
            card = Card(title: Copy.SignIn.alternativeMethodsTitle, subtitle: Copy.SignIn.alternativeMethodsSubtitle)
            card.controls = machine.alternativeSecondFactors.map {
                .option(FactorChoice.label($0), detail: nil, action: .signIn(.chooseFactor($0)))
            }
            card.controls.append(back)
        case .getHelp:
            card = Card(title: Copy.SignIn.getHelpTitle, subtitle: nil)
            card.lines = [Copy.SignIn.getHelpContent]
            if let email = machine.config.supportEmail { card.lines.append("\(Copy.SignIn.emailSupport): \(email)") }
            card.controls = [back]
        case .resetPassword(let required):
            card = Card(title: Copy.SignIn.setNewPasswordTitle, subtitle: nil)
            card.controls = NewPasswordControls.controls(
                form: machine.newPassword, feedback: machine.newPasswordFeedback, errors: machine.errors,
                toggle: required ? nil : .signIn(.newPassword(.toggleSignOutOfOtherSessions)))
            card.controls += [
                .button(Copy.SignIn.resetPasswordButton, action: .signIn(.submit), enabled: machine.canSubmit),
                back,
            ]
        case .resetPasswordSuccess:
            card = Card(title: Copy.SignIn.setNewPasswordTitle, subtitle: nil)
            card.lines = [Copy.SignIn.resetPasswordSuccess]
        case .oauth(let provider, let url):
            card = Card(title: Copy.SignIn.continueWith(provider), subtitle: Copy.SignIn.finishInBrowser(provider))
            card.controls = [back]
            card.handOff(to: url)
        case .noAvailableMethods:
            card = Card(
                title: Copy.SignIn.noAvailableMethodsTitle, subtitle: Copy.SignIn.noAvailableMethodsSubtitle,
                notice: Banner(.danger, Copy.SignIn.noAvailableMethodsMessage))
            card.controls = [back]
        case .done:
            card = Card(title: Copy.loading, subtitle: nil)
        }
        if card.notice == nil { card.notice = notice(machine) }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .signIn(.retry), enabled: true), at: 0)
        }
        return card
    }

    private static func start(_ machine: SignInMachine) -> Card {
        var card = Card(
            title: Copy.SignIn.title(app: machine.config.applicationName), subtitle: Copy.SignIn.subtitle)
        let kind = machine.identifierKind
        let lastUsed = machine.config.lastUsed
        card.controls = machine.config.socialProviders.map {
            var label = Copy.SignIn.continueWith($0.name)
            if lastUsed == .provider($0.strategy) { label += " · \(Copy.lastUsed)" }
            return .button(label, action: .signIn(.continueWith($0)), enabled: machine.canSubmit)
        }
        if !card.controls.isEmpty { card.controls.append(.note(Copy.or)) }
        card.controls += [
            .text(
                .identifier, label: lastUsed == .identifier ? "\(kind.label) · \(Copy.lastUsed)" : kind.label,
                placeholder: kind.placeholder, value: machine.identifier,
                error: machine.errors["identifier"], hint: nil)
        ]
        if machine.config.instantPassword {
            card.controls.append(
                .secret(
                    .password, label: Copy.Field.password, placeholder: Copy.Field.passwordPlaceholder,
                    error: machine.errors["password"], hint: nil))
        }
        card.controls.append(submit(machine))
        if let next = machine.nextIdentifierKind {
            card.controls.append(.link(next.switchLinkLabel, prefix: nil, action: .signIn(.switchIdentifierKind), enabled: true))
        }
        if machine.config.instantPassword {
            card.controls.append(.link(Copy.forgotPassword, prefix: nil, action: .signIn(.forgotPassword), enabled: true))
        }
        card.controls += PasskeyViews.startControls(machine)
        if machine.config.signUpMode == .waitlist {
            card.controls.append(
                .link(Copy.SignIn.joinWaitlistLink, prefix: Copy.SignIn.joinWaitlistPrompt, action: .signIn(.goToSignUp), enabled: true))
        } else {
            card.controls.append(
                .link(Copy.SignIn.signUpLink, prefix: Copy.SignIn.signUpPrompt, action: .signIn(.goToSignUp), enabled: true))
        }
        return card
    }

    private static func code(_ machine: SignInMachine, stage: SignInMachine.CodeStage, app: String) -> Card {
        let factor = machine.codeFactor
        let strategy = factor?.strategy
        let target = factor?.safeIdentifier ?? machine.identityPreview
        var card: Card
        var codeLabel = Copy.Field.verificationCode
        switch strategy {
        case .resetPasswordEmailCode?, .resetPasswordPhoneCode?:
            let subtitle =
                strategy == .resetPasswordEmailCode
                ? Copy.SignIn.resetPasswordCodeSubtitleEmail : Copy.SignIn.resetPasswordCodeSubtitlePhone
            card = Card(title: Copy.SignIn.resetPasswordCodeTitle, subtitle: subtitle)
            codeLabel = Copy.SignIn.resetPasswordCodeFormTitle
        case .totp?:
            card = Card(title: Copy.SignIn.totpTitle, subtitle: Copy.SignIn.totpSubtitle)
        case .backupCode?:
            card = Card(title: Copy.SignIn.backupCodeTitle, subtitle: Copy.SignIn.backupCodeSubtitle)
        case .phoneCode?:
            card = Card(
                title: Copy.SignIn.checkPhone,
                subtitle: stage == .secondFactor ? Copy.SignIn.phoneCodeMFASubtitle : Copy.SignIn.continueTo(app: app))
        default:
            card = Card(title: Copy.SignIn.checkEmail, subtitle: Copy.SignIn.continueTo(app: app))
        }
        if stage == .firstFactor || strategy == .phoneCode || strategy == .emailCode { card.lines = [target] }
        if stage == .secondFactor, machine.passwordWasReset { card.lines.append(Copy.SignIn.resetPasswordMFADetails) }
        if stage == .secondFactor, machine.signIn?.clientTrustState == "new" {
            card.lines.append(Copy.SignIn.newDeviceNotice)
        }
        if machine.config.isDevelopment, machine.offersResend { card.lines.append(Copy.developmentCodesHint) }
        if strategy == .backupCode {
            card.controls = [
                .text(
                    .code, label: Copy.Field.backupCode, placeholder: Copy.Field.backupCodePlaceholder,
                    value: machine.code.value, error: machine.errors["code"], hint: nil),
                submit(machine),
            ]
        } else {
            card.controls = [.code(.code, label: codeLabel, error: machine.errors["code"])]
        }
        if machine.offersResend { card.controls.append(resend(machine, label: Copy.SignIn.resendCode)) }
        card.controls += anotherMethod(machine)
        let isReset = strategy == .resetPasswordEmailCode || strategy == .resetPasswordPhoneCode
        card.controls.append(isReset || stage == .secondFactor ? back : editIdentifier)
        return card
    }

    private static func alternatives(_ machine: SignInMachine, mode: SignInMachine.AlternativesMode) -> Card {
        var card: Card
        var controls: [Control] = []
        switch mode {
        case .all:
            card = Card(title: Copy.SignIn.alternativeMethodsTitle, subtitle: Copy.SignIn.alternativeMethodsSubtitle)
        case .forgotPassword, .passwordCompromised:
            card = Card(
                title: mode == .forgotPassword ? Copy.SignIn.forgotPasswordTitle : Copy.SignIn.passwordCompromisedTitle,
                subtitle: nil)
            if let reset = machine.resetPasswordFactor {
                controls.append(.button(Copy.SignIn.resetYourPassword, action: .signIn(.chooseFactor(reset)), enabled: true))
                if !machine.alternativeFactors.isEmpty { controls.append(.note(Copy.SignIn.orSignInWithAnotherMethod)) }
            }
        }
        controls += machine.alternativeFactors.map {
            .option(FactorChoice.label($0), detail: nil, action: .signIn(.chooseFactor($0)))
        }
        if machine.alternativesCanGoBack { controls.append(back) }
        controls.append(.link(Copy.SignIn.getHelpLink, prefix: Copy.SignIn.getHelpPrompt, action: .signIn(.getHelp), enabled: true))
        card.controls = controls
        return card
    }

    private static func submit(_ machine: SignInMachine) -> Control {
        .button(Copy.continueButton, action: .signIn(.submit), enabled: machine.canSubmit)
    }

    private static func resend(_ machine: SignInMachine, label: String) -> Control {
        let text = machine.resendSeconds > 0 ? "\(label) \(Copy.countdown(machine.resendSeconds))" : label
        return .link(text, prefix: nil, action: .signIn(.resend), enabled: machine.resendSeconds == 0 && machine.canSubmit)
    }

    private static func anotherMethod(_ machine: SignInMachine) -> [Control] {
        machine.offersAnotherMethod
            ? [.link(Copy.useAnotherMethod, prefix: nil, action: .signIn(.useAnotherMethod), enabled: true)] : []
    }

    private static let back = Control.link(Copy.back, prefix: nil, action: .signIn(.back), enabled: true)
    private static let editIdentifier = Control.link(Copy.SignIn.editIdentifier, prefix: nil, action: .signIn(.back), enabled: true)

    /// Rate limits warn; everything else is an error.
    static func notice(_ machine: SignInMachine) -> Banner? {
        guard let text = machine.notice else { return nil }
        return Banner(machine.rateLimitSeconds != nil && !machine.serverUnavailable ? .warning : .danger, text)
    }
}

/// New password + confirmation + "Sign out of all other devices", shared by reset and the password task.
enum NewPasswordControls {
    static func controls(form: NewPasswordForm, feedback: PasswordFeedback?, errors: FormErrors, toggle: PortalMachine.Event?)
        -> [Control]
    {
        var controls: [Control] = [
            .secret(
                .newPassword, label: Copy.Field.newPassword, placeholder: "", error: errors["password"],
                hint: feedback?.message),
            .secret(
                .confirmPassword, label: Copy.Field.confirmPassword, placeholder: "", error: errors["confirm_password"],
                hint: form.matchFeedback),
        ]
        if let toggle {
            controls.append(.checkbox(label: Copy.Field.signOutOfOtherSessions, checked: form.signOutOfOtherSessions, action: toggle))
        }
        return controls
    }
}
