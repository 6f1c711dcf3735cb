import FrontendAPI

/// The first and second factor cards: which one opens, sending its code, attempting it, resending it.
extension SignInMachine {
    // MARK: First factor

    mutating func enterFirstFactor(_ signIn: SignIn, forgotPassword: Bool) -> [Effect] {
        let factors = signIn.supportedFirstFactors ?? []
        guard
            let factor = FactorChoice.startingFirstFactor(
                factors, identifier: signIn.identifier, preferred: config.preferredStrategy, passkeys: config.usesPasskeys)
        else {
            step = .noAvailableMethods
            return []
        }
        firstFactor = factor
        if forgotPassword {
            step = .alternatives(FactorChoice.resetPasswordFactor(factors) == nil ? .all : .forgotPassword)
            return []
        }
        guard FactorChoice.usable(factor, passkeys: config.usesPasskeys) else {
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
        case .passkey where config.usesPasskeys:
            step = .passkey
        case .emailLink:
            step = .emailLink(expired: false)
            effects += prepare(factor, .firstFactor)
            effects.append(startPolling())
        case _ where Self.preparedStrategies.contains(factor.strategy):
            step = .code(.firstFactor)
            effects += prepare(factor, .firstFactor)
        default:
            step = .alternatives(.all)
        }
        return effects
    }

    mutating func attemptPassword() -> [Effect] {
        guard let factor = firstFactor, let signIn else { return [] }
        errors = .none
        let parameters = AttemptFactorParameters(strategy: .password, password: password)
        return [send(.attemptFirstFactor(signInID: signIn.id, parameters), .attempt(factor, .firstFactor))]
    }

    mutating func passwordFailed(_ failure: PortalFailure) -> [Effect] {
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

    // MARK: Second factor

    mutating func enterSecondFactor(_ signIn: SignIn) -> [Effect] {
        let effects = leaveFactorCard()
        guard let factor = FactorChoice.startingSecondFactor(signIn.supportedSecondFactors ?? []) else {
            step = .noAvailableMethods
            return effects
        }
        secondFactor = factor
        return effects + showSecondFactor(factor)
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

    // MARK: Codes

    mutating func codeChanged(_ text: SecretText) -> [Effect] {
        if step == .passkey {
            code = text
            return []
        }
        guard case .code = step, let factor = codeFactor else { return [] }
        code = text
        errors.fields["code"] = nil
        if codeIsComplete(for: factor), canSubmit { return attemptCode() }
        return []
    }

    /// Six digits of a one-time code (backup codes wait for Enter).
    func codeIsComplete(for factor: Factor) -> Bool {
        factor.strategy != .backupCode && code.isCompleteCode
    }

    mutating func attemptCode() -> [Effect] {
        guard case .code(let stage) = step, let factor = codeFactor, let signIn, !code.isEmpty else { return [] }
        errors = .none
        let parameters = AttemptFactorParameters(strategy: factor.strategy, code: code)
        let call: BackendCall =
            stage == .firstFactor
            ? .attemptFirstFactor(signInID: signIn.id, parameters) : .attemptSecondFactor(signInID: signIn.id, parameters)
        return [send(call, .attempt(factor, stage))]
    }

    /// Prepares `factor` unless it already was (or always, to resend), and starts the resend cooldown.
    mutating func prepare(_ factor: Factor, _ stage: CodeStage, resend: Bool = false) -> [Effect] {
        let cooldown = factor.strategy == .emailLink ? Self.emailLinkResendCooldown : Self.resendCooldown
        var effects: [Effect] = [resendCooldown.start(cooldown, on: timer(.resendCooldown))]
        guard resend || !isPrepared(factor, stage), let signIn else { return effects }
        let parameters = PrepareFactorParameters(
            factor: factor, redirectURL: factor.strategy == .emailLink ? config.emailLinkRedirectURL : nil)
        let call: BackendCall =
            stage == .firstFactor
            ? .prepareFirstFactor(signInID: signIn.id, parameters) : .prepareSecondFactor(signInID: signIn.id, parameters)
        effects.insert(send(call, .prepare(factor, stage)), at: 0)
        return effects
    }

    /// A code for `factor` is already pending: prepared here, or by the create call.
    private func isPrepared(_ factor: Factor, _ stage: CodeStage) -> Bool {
        if preparedFactors.contains(FactorChoice.key(factor)) { return true }
        let verification = stage == .firstFactor ? signIn?.firstFactorVerification : signIn?.secondFactorVerification
        return verification?.strategy == factor.strategy && verification?.status == .unverified
    }

    /// "Didn't receive a code? Resend" on a code or email-link card.
    mutating func resend() -> [Effect] {
        guard offersResend, !resendCooldown.isRunning, canSubmit else { return [] }
        switch step {
        case .code(let stage):
            guard let factor = codeFactor else { return [] }
            return prepare(factor, stage, resend: true)
        case .emailLink:
            guard let factor = firstFactor else { return [] }
            return prepare(factor, .firstFactor, resend: true) + linkResent()
        default:
            return []
        }
    }
}
