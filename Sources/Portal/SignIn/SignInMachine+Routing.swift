import Foundation
import FrontendAPI

extension SignInMachine {
    // MARK: Answers

    mutating func handle(_ outcome: BackendOutcome, for pending: PendingCall) -> [Effect] {
        switch outcome {
        case .success(let result):
            guard let signIn = result.signIn else { return [] }
            return handle(signIn, for: pending.purpose)
        case .failure(let failure):
            return handle(failure, for: pending)
        }
    }

    private mutating func handle(_ signIn: SignIn, for purpose: Purpose) -> [Effect] {
        self.signIn = signIn
        switch purpose {
        case .create(_, let forgotPassword):
            return route(signIn, forgotPassword: forgotPassword)
        case .oauth(let provider):
            return startOAuth(signIn, provider: provider)
        case .prepare(let factor, _):
            preparedFactors.insert(FactorChoice.key(factor))
            // A code completed while the code was being sent is submitted now.
            if codeFactor == factor, codeIsComplete(for: factor), canSubmit { return attemptCode() }
            return []
        case .attempt:
            return route(signIn, forgotPassword: false)
        case .poll:
            if case .oauth = step { return oauthPolled(signIn) }
            return emailLinkPolled(signIn)
        case .resetPassword:
            passwordWasReset = true
            return route(signIn, forgotPassword: false)
        }
    }

    /// Moves to the card for the sign-in's status (components.md §6.2).
    mutating func route(_ signIn: SignIn, forgotPassword: Bool) -> [Effect] {
        switch signIn.status {
        case .complete:
            var effects = leaveFactorCard()
            if passwordWasReset {
                step = .resetPasswordSuccess(sessionID: signIn.createdSessionID)
                effects.append(.startTimer(timer(.successDelay), every: Self.resetSuccessDelay, repeats: false))
            } else {
                step = .done
                effects.append(.finish(.signedIn(sessionID: signIn.createdSessionID)))
            }
            return effects
        case .needsFirstFactor:
            return enterFirstFactor(signIn, forgotPassword: forgotPassword)
        case .needsSecondFactor, .needsClientTrust:
            let effects = leaveFactorCard()
            guard let factor = FactorChoice.startingSecondFactor(signIn.supportedSecondFactors ?? []) else {
                step = .noAvailableMethods
                return effects
            }
            secondFactor = factor
            return effects + showSecondFactor(factor)
        case .needsNewPassword:
            let effects = leaveFactorCard()
            let strategy = signIn.firstFactorVerification?.strategy
            let viaResetCode = strategy.map(FactorChoice.resetStrategies.contains) ?? false
            newPassword = NewPasswordForm()
            step = .resetPassword(required: !viaResetCode)
            if !viaResetCode { errors.card = Copy.SignIn.resetPasswordRequired }
            return effects
        case .needsProtectCheck:
            let effects = restart()
            errors.card = Copy.Errors.protectCheckUnsupported
            return effects
        default:
            return restart()
        }
    }

    private mutating func enterFirstFactor(_ signIn: SignIn, forgotPassword: Bool) -> [Effect] {
        let factors = signIn.supportedFirstFactors ?? []
        guard
            let factor = FactorChoice.startingFirstFactor(
                factors, identifier: signIn.identifier, preferred: config.preferredStrategy)
        else {
            step = .noAvailableMethods
            return []
        }
        firstFactor = factor
        if forgotPassword {
            step = .alternatives(FactorChoice.resetPasswordFactor(factors) == nil ? .all : .forgotPassword)
            return []
        }
        guard FactorChoice.localFirstFactors.contains(factor.strategy) else {
            step = .alternatives(.all)
            return []
        }
        return showFirstFactor(factor)
    }

    /// Shows the card of a first factor, sending its code or link unless one is already on its way.
    mutating func showFirstFactor(_ factor: Factor) -> [Effect] {
        var effects = leaveFactorCard()
        password = SecretText()
        switch factor.strategy {
        case .password:
            step = .password
        case .emailLink:
            step = .emailLink(expired: false)
            effects += prepare(factor, .firstFactor)
            effects.append(.startTimer(timer(.poll), every: .seconds(1), repeats: true))
        case _ where Self.preparedStrategies.contains(factor.strategy):
            step = .code(.firstFactor)
            effects += prepare(factor, .firstFactor)
        default:
            step = .alternatives(.all)
        }
        return effects
    }

    /// Shows the card of a second factor; SMS and email codes are sent first.
    mutating func showSecondFactor(_ factor: Factor) -> [Effect] {
        var effects = leaveFactorCard()
        step = .code(.secondFactor)
        if factor.strategy == .phoneCode || factor.strategy == .emailCode {
            effects += prepare(factor, .secondFactor)
        }
        return effects
    }

    /// Prepares `factor` unless it already was (or always, to resend), and starts the resend cooldown.
    mutating func prepare(_ factor: Factor, _ stage: CodeStage, resend: Bool = false) -> [Effect] {
        let cooldown = factor.strategy == .emailLink ? Self.emailLinkResendCooldown : Self.resendCooldown
        resendSeconds = cooldown
        var effects: [Effect] = [.startTimer(timer(.resendCooldown), every: .seconds(1), repeats: true)]
        guard resend || !isPrepared(factor, stage), let signIn else { return effects }
        let params = PrepareFactorParams(
            factor: factor, redirectURL: factor.strategy == .emailLink ? config.emailLinkRedirectURL : nil)
        let call: BackendCall =
            stage == .firstFactor
            ? .prepareFirstFactor(signInID: signIn.id, params) : .prepareSecondFactor(signInID: signIn.id, params)
        effects.insert(send(call, .prepare(factor, stage)), at: 0)
        return effects
    }

    /// A code for `factor` is already pending: prepared here, or by the create call.
    private func isPrepared(_ factor: Factor, _ stage: CodeStage) -> Bool {
        if preparedFactors.contains(FactorChoice.key(factor)) { return true }
        let verification = stage == .firstFactor ? signIn?.firstFactorVerification : signIn?.secondFactorVerification
        return verification?.strategy == factor.strategy && verification?.status == .unverified
    }

    /// Sends the browser to the provider and polls until the sign-in moves on.
    private mutating func startOAuth(_ signIn: SignIn, provider: SocialProvider) -> [Effect] {
        guard let url = signIn.firstFactorVerification?.externalVerificationRedirectURL else {
            errors.card = Copy.Errors.unableToComplete
            return []
        }
        step = .oauth(provider: provider.name, url: url)
        return [.openExternally(url), .startTimer(timer(.poll), every: .seconds(1), repeats: true)]
    }

    private mutating func oauthPolled(_ signIn: SignIn) -> [Effect] {
        let verification = signIn.firstFactorVerification
        if verification?.status == .transferable {
            var effects = leaveFactorCard()
            step = .done
            effects.append(.finish(.transferOAuthToSignUp))
            return effects
        }
        if let error = verification?.error {
            var effects = restart()
            errors.card = Self.replayedOAuthErrors.contains(error.code) ? error.longMessage : Copy.Errors.unableToComplete
            if error.code == "user_locked", let seconds = error.meta?.lockoutExpiresInSeconds, seconds > 0 {
                lockoutSeconds = seconds
                effects.append(.startTimer(timer(.lockout), every: .seconds(1), repeats: true))
            }
            return effects
        }
        switch signIn.status {
        case .needsFirstFactor, .needsIdentifier: return []
        default: return route(signIn, forgotPassword: false)
        }
    }

    private mutating func emailLinkPolled(_ signIn: SignIn) -> [Effect] {
        guard case .emailLink(expired: false) = step else { return [] }
        switch signIn.firstFactorVerification?.status {
        case .verified:
            return route(signIn, forgotPassword: false)
        case .expired:
            step = .emailLink(expired: true)
            errors.card = Copy.Field.verificationLinkExpired
            return [.cancelTimer(timer(.poll))]
        default:
            return []
        }
    }

    // MARK: Failures

    private mutating func handle(_ failure: PortalFailure, for pending: PendingCall) -> [Effect] {
        let purpose = pending.purpose
        if purpose == .poll { return [] }  // the next tick polls again
        if case .unavailable = failure {
            requests.unavailable = pending
            return []
        }
        if let seconds = failure.rateLimitSeconds {
            rateLimitSeconds = seconds
            errors = .none
            return [.startTimer(timer(.rateLimit), every: .seconds(1), repeats: true)]
        }
        if let locked = failure.error(code: "user_locked") {
            var effects = restart()
            errors = FormErrors(card: locked.longMessage)
            if let seconds = locked.meta?.lockoutExpiresInSeconds, seconds > 0 {
                lockoutSeconds = seconds
                effects.append(.startTimer(timer(.lockout), every: .seconds(1), repeats: true))
            }
            return effects
        }
        switch purpose {
        case .create(let withPassword, let forgotPassword):
            return createFailed(failure, withPassword: withPassword, forgotPassword: forgotPassword)
        case .oauth:
            return createFailed(failure, withPassword: false, forgotPassword: false)
        case .attempt(let factor, _) where factor.strategy == .password:
            return passwordFailed(failure)
        case .attempt:
            code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
            return []
        case .prepare, .resetPassword, .poll:
            errors = FormErrors(failure.errors, fieldNames: ["password", "code"])
            return []
        }
    }

    private mutating func createFailed(_ failure: PortalFailure, withPassword: Bool, forgotPassword: Bool) -> [Effect] {
        let silentPasswordFallback = [
            "form_password_incorrect", "strategy_for_user_invalid", "form_password_pwned", "form_password_compromised",
        ]
        if withPassword, silentPasswordFallback.contains(where: failure.has(code:)) {
            // A wrong instant password quietly continues with the normal first-factor flow.
            password = SecretText()
            return createSignIn(withPassword: false, forgotPassword: forgotPassword)
        }
        if failure.has(code: "session_exists") {
            step = .done
            return [.finish(.activateExistingSession(id: nil))]
        }
        if let signedIn = failure.error(code: "identifier_already_signed_in") {
            step = .done
            return [.finish(.activateExistingSession(id: signedIn.meta?.sessionID))]
        }
        let notFound = failure.has(code: "form_identifier_not_found") || failure.has(code: "invitation_account_not_exists")
        if notFound, config.combinedFlow {
            let trimmed = identifier.trimmingCharacters(in: .whitespaces)
            step = .done
            if config.signUpMode == .waitlist { return [.finish(.joinWaitlist)] }
            return [
                .finish(
                    .transferToSignUp(
                        identifier: trimmed, attribute: IdentifierAttribute(value: trimmed, kind: identifierKind)))
            ]
        }
        errors = FormErrors(failure.errors, fieldNames: ["identifier", "password"])
        return []
    }

    private mutating func passwordFailed(_ failure: PortalFailure) -> [Effect] {
        password = SecretText()
        if failure.has(code: "form_password_pwned") {
            errors = FormErrors(card: Copy.Errors.passwordPwnedSignIn)
            step = .alternatives(.passwordCompromised)
        } else if failure.has(code: "form_password_compromised") {
            errors = FormErrors(card: Copy.Errors.passwordUntrustedSignIn)
            step = .alternatives(.passwordCompromised)
        } else {
            errors = FormErrors(failure.errors, fieldNames: ["password"])
        }
        return []
    }
}
