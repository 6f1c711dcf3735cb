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
            guard step == .start, canSubmit, let redirectURL = config.oauthRedirectURL else { return [] }
            errors = .none
            let params = SignInCreateParams(strategy: provider.strategy, redirectURL: redirectURL)
            return [send(.createSignIn(params), .oauth(provider))]
        case .passwordChanged(let text):
            password = text
            errors.fields["password"] = nil
            return []
        case .codeChanged(let text):
            return codeChanged(text)
        case .newPasswordChanged(let text):
            newPassword.password = text
            errors.fields["password"] = nil
            return []
        case .confirmPasswordChanged(let text):
            newPassword.confirmation = text
            errors.fields["confirm_password"] = nil
            return []
        case .toggleSignOutOfOtherSessions:
            newPassword.signOutOfOtherSessions.toggle()
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
            guard canSubmit, let retry: Effect = requests.retry() else { return [] }
            return [retry]
        case .response(let id, let outcome):
            guard let pending = requests.answered(id) else { return [] }
            return handle(outcome, for: pending)
        case .timerFired(let timer):
            guard timer.scope == requests.scope else { return [] }
            return timerFired(timer.kind)
        }
    }

    // MARK: Start card

    private mutating func identifierChanged(_ text: String) -> [Effect] {
        guard step == .start else { return [] }
        identifier = text
        errors.fields["identifier"] = nil
        lockoutSeconds = nil
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
            return createSignIn(withPassword: config.instantPassword && !password.isEmpty, forgotPassword: false)
        case .password:
            guard let factor = firstFactor, let signIn else { return [] }
            errors = .none
            return [
                send(
                    .attemptFirstFactor(signInID: signIn.id, AttemptFactorParams(strategy: .password, password: password)),
                    .attempt(factor, .firstFactor))
            ]
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
        let params = SignInCreateParams(
            identifier: trimmed, strategy: withPassword ? .password : nil, password: withPassword ? password : nil)
        return [send(.createSignIn(params), .create(withPassword: withPassword, forgotPassword: forgotPassword))]
    }

    private mutating func forgotPassword() -> [Effect] {
        guard canSubmit else { return [] }
        switch step {
        case .start:
            return createSignIn(withPassword: false, forgotPassword: true)
        case .password:
            errors = .none
            step = .alternatives(resetPasswordFactor == nil ? .all : .forgotPassword)
            return []
        default:
            return []
        }
    }

    // MARK: Code cards

    private mutating func codeChanged(_ text: SecretText) -> [Effect] {
        guard case .code = step, let factor = codeFactor else { return [] }
        code = text
        errors.fields["code"] = nil
        if codeIsComplete(for: factor), canSubmit { return attemptCode() }
        return []
    }

    /// Six digits of a one-time code (backup codes wait for Enter).
    func codeIsComplete(for factor: Factor) -> Bool {
        factor.strategy != .backupCode && code.count == Self.codeLength && code.value.allSatisfy(\.isNumber)
    }

    mutating func attemptCode() -> [Effect] {
        guard case .code(let stage) = step, let factor = codeFactor, let signIn, !code.isEmpty else { return [] }
        errors = .none
        let params = AttemptFactorParams(strategy: factor.strategy, code: code)
        let call: BackendCall =
            stage == .firstFactor
            ? .attemptFirstFactor(signInID: signIn.id, params) : .attemptSecondFactor(signInID: signIn.id, params)
        return [send(call, .attempt(factor, stage))]
    }

    private mutating func resend() -> [Effect] {
        guard offersResend, resendSeconds == 0, canSubmit else { return [] }
        switch step {
        case .code(let stage):
            guard let factor = codeFactor else { return [] }
            return prepare(factor, stage, resend: true)
        case .emailLink:
            guard let factor = firstFactor else { return [] }
            var effects = prepare(factor, .firstFactor, resend: true)
            if case .emailLink(expired: true) = step {
                errors = .none
                effects.append(.startTimer(timer(.poll), every: .seconds(1), repeats: true))
            }
            step = .emailLink(expired: false)
            return effects
        default:
            return []
        }
    }

    // MARK: Reset password

    private mutating func submitNewPassword() -> [Effect] {
        guard let signIn else { return [] }
        if let blocking = newPassword.blockingErrors(feedback: newPasswordFeedback) {
            errors.fields.merge(blocking) { $1 }
            return []
        }
        errors = .none
        let call = BackendCall.resetPassword(
            signInID: signIn.id, password: newPassword.password,
            signOutOfOtherSessions: newPassword.signOutOfOtherSessions)
        return [send(call, .resetPassword)]
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
            // Leaving the reset code returns to the "Forgot Password?" list.
            let effects = leaveFactorCard()
            firstFactor = previousFirstFactor
            step = .alternatives(.forgotPassword)
            return effects
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
        newPassword = NewPasswordForm()
        return effects
    }

    /// Stops the timers of a code or link card.
    mutating func leaveFactorCard() -> [Effect] {
        code = SecretText()
        var effects: [Effect] = []
        if resendSeconds > 0 {
            resendSeconds = 0
            effects.append(.cancelTimer(timer(.resendCooldown)))
        }
        if isPolling {
            effects.append(.cancelTimer(timer(.poll)))
            requests.forget { $0 == .poll }
        }
        return effects
    }

    // MARK: Timers

    private mutating func timerFired(_ kind: TimerID.Kind) -> [Effect] {
        switch kind {
        case .resendCooldown:
            resendSeconds = max(resendSeconds - 1, 0)
            return resendSeconds == 0 ? [.cancelTimer(timer(.resendCooldown))] : []
        case .rateLimit:
            return countDown(&rateLimitSeconds, timer: timer(.rateLimit))
        case .lockout:
            let effects: [Effect] = countDown(&lockoutSeconds, timer: timer(.lockout))
            if lockoutSeconds == nil { errors.card = nil }
            return effects
        case .poll:
            guard isPolling, step != .emailLink(expired: true), let signIn,
                !requests.contains(.poll)
            else { return [] }
            return [send(.reloadSignIn(id: signIn.id), .poll)]
        case .successDelay:
            guard case .resetPasswordSuccess(let sessionID) = step else { return [] }
            step = .done
            return [.finish(.signedIn(sessionID: sessionID))]
        }
    }

    // MARK: Helpers

    /// The card re-reads the sign-in every second (email link, browser sign-in).
    var isPolling: Bool {
        switch step {
        case .emailLink, .oauth: true
        default: false
        }
    }

    mutating func send(_ call: BackendCall, _ purpose: Purpose) -> Effect { requests.send(call, purpose) }

    func timer(_ kind: TimerID.Kind) -> TimerID { requests.timer(kind) }
}
