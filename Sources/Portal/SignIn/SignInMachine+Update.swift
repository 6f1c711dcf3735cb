import Foundation
import FrontendAPI

extension SignInMachine {
    /// Applies `event` and returns the effects to perform.
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .identifierChanged(let text):
            return identifierChanged(text)
        case .switchIdentifierKind:
            guard step == .start, config.identifierKinds.count > 1 else { return [] }
            identifierKindIndex = (identifierKindIndex + 1) % config.identifierKinds.count
            identifier = ""
            errors = .none
            return []
        case .continueWith(let provider):
            return continueWith(provider)
        case .usePasskey:
            return usePasskey()
        case .passwordChanged(let text):
            password = text
            errors.fields["password"] = nil
            return []
        case .codeChanged(let text):
            return codeChanged(text)
        case .newPassword(let edit):
            newPassword.apply(edit, errors: &errors)
            return []
        case .submit:
            return submit()
        case .forgotPassword:
            return forgotPassword()
        case .resend:
            return resend()
        case .useAnotherMethod:
            return useAnotherMethod()
        case .chooseFactor(let factor):
            return choose(factor)
        case .getHelp:
            guard case .alternatives = step else { return [] }
            step = .getHelp
            return []
        case .back:
            return back()
        case .goToSignUp:
            guard step == .start else { return [] }
            step = .done
            return [.finish(config.signUpMode == .waitlist ? .joinWaitlist : .signUp)]
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
        case .timerFired(let timer):
            return fire(timer)
        }
    }

    // MARK: Start card

    private mutating func identifierChanged(_ text: String) -> [Effect] {
        guard step == .start else { return [] }
        identifier = text
        errors.fields["identifier"] = nil
        lockout.reset()
        // A leading "+" means a phone number: switch the field, as Clerk does.
        if text.hasPrefix("+"), identifierKind != .phone,
            let phone = config.identifierKinds.firstIndex(of: .phone)
        {
            identifierKindIndex = phone
        }
        return []
    }

    private mutating func submit() -> [Effect] {
        guard canSubmit else { return [] }
        switch step {
        case .start:
            // A pasted invitation link accepts its invitation.
            if let ticket = Self.ticket(inLink: identifier) { return signIn(ticket: ticket) }
            return createSignIn(withPassword: config.instantPassword && !password.isEmpty, forgotPassword: false)
        case .password:
            return attemptPassword()
        case .passkey:
            return requestPasskeyChallenge()
        case .code:
            return attemptCode()
        case .resetPassword:
            return submitNewPassword()
        case .emailLink(expired: true):
            return resend()
        default:
            return []
        }
    }

    mutating func createSignIn(withPassword: Bool, forgotPassword: Bool) -> [Effect] {
        errors = .none
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        let parameters = SignInParameters(
            strategy: withPassword ? .password : nil, identifier: trimmed, password: withPassword ? password : nil,
            locale: Self.locale)
        return [send(.createSignIn(parameters), .create(withPassword: withPassword, forgotPassword: forgotPassword))]
    }

    // MARK: Method lists and navigation

    private mutating func useAnotherMethod() -> [Effect] {
        guard offersAnotherMethod else { return [] }
        errors = .none
        let effects = leaveFactorCard()
        if case .code(.secondFactor) = step {
            step = .secondFactorAlternatives
        } else {
            step = .alternatives(.all)
        }
        return effects
    }

    private mutating func choose(_ factor: Factor) -> [Effect] {
        errors = .none
        switch step {
        case .alternatives:
            previousFirstFactor = firstFactor
            firstFactor = factor
            return showFirstFactor(factor)
        case .secondFactorAlternatives:
            secondFactor = factor
            return showSecondFactor(factor)
        default:
            return []
        }
    }

    private mutating func back() -> [Effect] {
        errors.fields = [:]
        switch step {
        case .start, .done, .resetPasswordSuccess:
            return []
        case .getHelp:
            step = .alternatives(.all)
            return []
        case .alternatives:
            guard alternativesCanGoBack, let factor = firstFactor else { return [] }
            errors = .none
            return showFirstFactor(factor)
        case .secondFactorAlternatives:
            guard let factor = secondFactor else { return [] }
            return showSecondFactor(factor)
        case .code(.firstFactor) where codeFactor.map { FactorChoice.resetStrategies.contains($0.strategy) } ?? false:
            return leaveResetCode()
        default:
            // "Edit identifier" / "Sign in as a different user": start over.
            return restart()
        }
    }

    /// Back to an empty start card, dropping every call in flight.
    mutating func restart() -> [Effect] {
        let effects = leaveFactorCard()
        requests.forgetAll()
        requests.unavailable = nil
        step = .start
        signIn = nil
        password = SecretText()
        firstFactor = nil
        previousFirstFactor = nil
        secondFactor = nil
        preparedFactors = []
        passwordWasReset = false
        needsPIN = false
        newPassword = NewPasswordForm()
        return effects
    }

    /// Leaving a code, link or browser card: its code is dropped, its resend countdown and polling stop.
    mutating func leaveFactorCard() -> [Effect] {
        code = SecretText()
        needsPIN = false
        var effects: [Effect] = resendCooldown.stop(on: timer(.resendCooldown))
        if isPolling { effects += stopPolling() }
        return effects
    }

    // MARK: Timers

    mutating func timerFired(_ kind: TimerID.Kind) -> [Effect] {
        switch kind {
        case .resendCooldown:
            return resendCooldown.tick(on: timer(.resendCooldown))
        case .rateLimit:
            return rateLimit.tick(on: timer(.rateLimit))
        case .lockout:
            let effects: [Effect] = lockout.tick(on: timer(.lockout))
            if !lockout.isRunning { errors.card = nil }
            return effects
        case .poll:
            return step.isBrowserHandOff ? pollBrowser() : pollLink()
        case .successDelay:
            guard case .resetPasswordSuccess(let sessionID) = step else { return [] }
            step = .done
            return [.finish(.signedIn(sessionID: sessionID))]
        case .retryDelay:
            return []
        }
    }

    // MARK: Helpers

    /// The card re-reads the sign-in every second (email link, browser sign-in).
    var isPolling: Bool { linkExpired != nil || step.isBrowserHandOff }

    mutating func send(_ call: BackendCall, _ purpose: Purpose) -> Effect { requests.send(call, purpose) }

    func timer(_ kind: TimerID.Kind) -> TimerID { requests.timer(kind) }

    /// Clerk's components send the locale with a new sign-in.
    static let locale = "en-US"
}

extension SignInMachine.Step {
    var isBrowserHandOff: Bool { if case .oauth = self { true } else { false } }
}
