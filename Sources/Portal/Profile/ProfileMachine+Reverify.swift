import FrontendAPI

/// Reverification (Clerk's UserVerification): start at the level the server asked for, prove each stage's
/// factor, then retry the action once.
extension ProfileMachine {
    mutating func startReverification(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        let meta = failure.error(code: "session_reverification_required")?.meta?.other["reverification"]
        let level: SessionVerification.Level =
            if case .object(let object)? = meta, case .string(let raw)? = object["level"] {
                SessionVerification.Level(rawValue: raw)
            } else {
                .secondFactor
            }
        var state = Reverification(level: level, action: pending)
        state.passkeys = config.passkeyAccess == .available
        reverification = state
        form.code = SecretText()
        form.currentPassword = SecretText()
        return [verify(.startVerification(level: level))]
    }

    /// A verification answer: the next stage, or the retried action once complete.
    mutating func verified(_ verification: SessionVerification) -> [Effect] {
        guard var state = reverification else { return [] }
        let previousStage = (state.isSecondFactor, state.factor?.strategy)
        guard state.advance(to: verification) else {
            reverification = nil
            var retry = state.action
            retry.isReverifiedRetry = true
            return [requests.send(retry)]
        }
        reverification = state
        guard state.factor != nil else {
            errors.card = Copy.Profile.reverificationFailed
            return []
        }
        // Send a code when a new stage starts with an emailed or texted one.
        let newStage = previousStage.0 != state.isSecondFactor || previousStage.1 == nil
        return newStage ? prepareFactor() : []
    }

    /// Sends the code of the chosen factor, when it is one that must be sent.
    mutating func prepareFactor() -> [Effect] {
        guard let state = reverification, state.needsPreparation, let factor = state.factor else { return [] }
        let parameters = PrepareFactorParameters(factor: factor)
        return [verify(.prepareVerification(secondFactor: state.isSecondFactor, parameters))]
    }

    mutating func attemptFactor() -> [Effect] {
        guard let state = reverification, let factor = state.factor else { return [] }
        let parameters: AttemptFactorParameters
        if factor.strategy == .passkey {
            errors = .none
            let prepare = ProfileCall.prepareVerification(secondFactor: false, PrepareFactorParameters(strategy: .passkey))
            return [requests.send(.profile(sessionID: sessionID, prepare), .passkeyChallenge)]
        } else if factor.strategy == .password {
            guard !form.currentPassword.isEmpty else { return [] }
            parameters = AttemptFactorParameters(strategy: .password, password: form.currentPassword)
        } else {
            guard !form.code.isEmpty else { return [] }
            parameters = AttemptFactorParameters(strategy: factor.strategy, code: form.code)
        }
        return [verify(.attemptVerification(secondFactor: state.isSecondFactor, parameters))]
    }

    /// "Use another method": the next factor of the stage, its code sent if it needs one.
    mutating func useAnotherFactor() -> [Effect] {
        guard var state = reverification, state.factors.count > 1, !isBusy else { return [] }
        state.factorIndex = (state.factorIndex + 1) % state.factors.count
        state.needsPIN = false
        reverification = state
        form.code = SecretText()
        form.currentPassword = SecretText()
        errors = .none
        return prepareFactor()
    }

    /// The passkey challenge arrived: the authenticator answers it; its assertion is then attempted.
    mutating func passkeyChallenged(_ verification: SessionVerification?) -> [Effect] {
        guard reverification != nil else { return [] }
        guard let ceremony = AuthenticatorCall.assertion(verification?.firstFactorVerification, pin: form.code) else {
            return passkeyFailed(.noPasskeyOptions)
        }
        return [requests.send(.authenticator(ceremony), .passkeyAssertion)]
    }

    mutating func passkeyAsserted(_ credential: String) -> [Effect] {
        guard reverification != nil else { return [] }
        form.code = SecretText()
        let parameters = AttemptFactorParameters(strategy: .passkey, publicKeyCredential: credential)
        return [verify(.attemptVerification(secondFactor: false, parameters))]
    }

    /// The card keeps the authenticator's message; a security key that wants its PIN adds the PIN field.
    mutating func passkeyFailed(_ failure: PortalFailure) -> [Effect] {
        if failure.asksForPIN { reverification?.needsPIN = true }
        form.code = SecretText()
        errors = FormErrors(failure.errors, fieldNames: [])
        return []
    }

    private mutating func verify(_ call: ProfileCall) -> Effect {
        requests.send(.profile(sessionID: sessionID, call), .verification)
    }
}
