import FrontendAPI

/// Reverification (Clerk's UserVerification): start at the level the server asked for, prove each stage's
/// factor, then retry the action once.
extension ProfileMachine {
    mutating func startReverification(_ pending: PendingCall, _ failure: PortalFailure) -> [Effect] {
        let meta = failure.error(code: "session_reverification_required")?.meta?.other["reverification"]
        let level: SessionVerification.Level =
            if case .object(let object)? = meta, case .string(let raw)? = object["level"] {
                SessionVerification.Level(rawValue: raw)
            } else {
                .secondFactor
            }
        reverification = Reverification(level: level, action: pending, returnStep: step)
        step = .reverify
        form.code = SecretText()
        form.currentPassword = SecretText()
        return [send(.startVerification(level: level), .verification)]
    }

    /// A verification answer: the next stage, or the retried action once complete.
    mutating func verified(_ verification: SessionVerification) -> [Effect] {
        guard var state = reverification else { return [] }
        let previousStage = (state.isSecondFactor, state.factor?.strategy)
        guard state.advance(to: verification) else {
            reverification = nil
            step = state.returnStep
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
        let params = PrepareFactorParams(
            strategy: factor.strategy, emailAddressID: factor.emailAddressID, phoneNumberID: factor.phoneNumberID)
        return [send(.prepareVerification(secondFactor: state.isSecondFactor, params), .verification)]
    }

    mutating func attemptFactor() -> [Effect] {
        guard let state = reverification, let factor = state.factor else { return [] }
        let params: AttemptFactorParams
        if factor.strategy == .password {
            guard !form.currentPassword.isEmpty else { return [] }
            params = AttemptFactorParams(strategy: .password, password: form.currentPassword)
        } else {
            guard !form.code.isEmpty else { return [] }
            params = AttemptFactorParams(strategy: factor.strategy, code: form.code)
        }
        return [send(.attemptVerification(secondFactor: state.isSecondFactor, params), .verification)]
    }
}
