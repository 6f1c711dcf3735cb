import FrontendAPI

extension ProfileMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    func isBackground(_ purpose: Purpose) -> Bool { purpose.isBackground }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        if let user = result.user { self.user = user }
        switch pending.purpose {
        case .loadUser:
            return []
        case .verification:
            return result.verification.map { verified($0) } ?? []
        case .passkeyChallenge:
            return passkeyChallenged(result.verification)
        case .passkeyAssertion:
            guard case .publicKeyCredential(let credential) = result else { return [] }
            return passkeyAsserted(credential)
        case .section(let id, let purpose, _):
            return run(id, .answered(purpose, .success(result)))
        }
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        let needsReverification = failure.has(code: "session_reverification_required") && !pending.purpose.isReverifying
        if needsReverification, !pending.isReverifiedRetry { return startReverification(pending, failure) }
        var effects: [Effect] = []
        switch pending.purpose {
        case .loadUser:
            break
        case .verification:
            form.code = SecretText()
            form.currentPassword = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code", "password"])
        case .passkeyChallenge, .passkeyAssertion:
            effects = passkeyFailed(failure)
        case .section(let id, let purpose, _):
            effects = run(id, .answered(purpose, .failure(failure)))
        }
        if let seconds = failure.rateLimitSeconds { errors.card = Copy.rateLimited(seconds: seconds) }
        return effects
    }

    /// Timers belong to the card on screen.
    mutating func timerFired(_ kind: TimerID.Kind) -> [Effect] {
        guard let id = open else { return [] }
        return run(id, .timerFired(kind))
    }
}
