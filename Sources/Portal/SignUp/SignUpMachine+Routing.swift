import FrontendAPI

extension SignUpMachine {
    mutating func handle(_ outcome: BackendOutcome, for pending: PendingCall) -> [Effect] {
        switch outcome {
        case .success(let result):
            guard let signUp = result.signUp else { return [] }
            self.signUp = signUp
            switch pending.purpose {
            case .prepare:
                // A code completed while the code was being sent is submitted now.
                if case .verifyCode = step, codeIsComplete, canSubmit { return attempt() }
                return []
            case .poll:
                return emailLinkPolled(signUp)
            case .create, .update, .attempt:
                return route(signUp)
            }
        case .failure(let failure):
            return handle(failure, for: pending)
        }
    }

    /// Moves to the card the sign-up needs next (clerk-js `completeSignUpFlow`).
    mutating func route(_ signUp: SignUp) -> [Effect] {
        switch signUp.status {
        case .complete:
            let effects = leaveVerification()
            step = .done
            return effects + [.finish(.signedUp(sessionID: signUp.createdSessionID))]
        case .missingRequirements:
            if signUp.unverifiedFields.contains(.emailAddress), signUp.verifications.emailAddress != nil {
                return verify(.emailAddress, signUp)
            }
            if signUp.unverifiedFields.contains(.phoneNumber), signUp.verifications.phoneNumber != nil {
                return verify(.phoneNumber, signUp)
            }
            let effects = leaveVerification()
            step = .continueMissing
            return effects
        default:
            let effects = leaveVerification()
            step = .start
            return effects
        }
    }

    /// Opens the verification card of `field`, sending a code (or link) unless one is already pending.
    private mutating func verify(_ field: SignUpField, _ signUp: SignUp) -> [Effect] {
        let verification = field == .emailAddress ? signUp.verifications.emailAddress : signUp.verifications.phoneNumber
        let strategies = verification?.supportedStrategies ?? []
        let byLink =
            field == .emailAddress
            && (strategies.isEmpty ? config.emailLinkVerification : !strategies.contains(.emailCode) && strategies.contains(.emailLink))
        let target: Step = byLink ? .verifyEmailLink(expired: false) : .verifyCode(field)
        if step == target { return [] }
        var effects = leaveVerification()
        step = target
        let pending = verification?.nextAction == .needsAttempt && verification?.status == .unverified
        if pending {
            resendSeconds = byLink ? Self.emailLinkResendCooldown : Self.resendCooldown
            effects.append(.startTimer(timer(.resendCooldown), every: .seconds(1), repeats: true))
        } else {
            effects += prepare(field)
        }
        if byLink { effects.append(.startTimer(timer(.poll), every: .seconds(1), repeats: true)) }
        return effects
    }

    /// Sends a code or link for `field` and starts the resend cooldown.
    mutating func prepare(_ field: SignUpField) -> [Effect] {
        guard let signUp else { return [] }
        let byLink: Bool = if case .verifyEmailLink = step { true } else { false }
        let strategy: Strategy = byLink ? .emailLink : (field == .phoneNumber ? .phoneCode : .emailCode)
        resendSeconds = byLink ? Self.emailLinkResendCooldown : Self.resendCooldown
        let call = BackendCall.prepareSignUpVerification(
            id: signUp.id, strategy: strategy, redirectURL: byLink ? config.emailLinkRedirectURL : nil)
        return [
            send(call, .prepare(field)),
            .startTimer(timer(.resendCooldown), every: .seconds(1), repeats: true),
        ]
    }

    /// Stops the timers of a verification card.
    mutating func leaveVerification() -> [Effect] {
        code = SecretText()
        var effects: [Effect] = []
        if resendSeconds > 0 {
            resendSeconds = 0
            effects.append(.cancelTimer(timer(.resendCooldown)))
        }
        if case .verifyEmailLink = step {
            effects.append(.cancelTimer(timer(.poll)))
            requests.forget { $0 == .poll }
        }
        return effects
    }

    private mutating func emailLinkPolled(_ signUp: SignUp) -> [Effect] {
        guard case .verifyEmailLink(expired: false) = step else { return [] }
        switch signUp.verifications.emailAddress?.status {
        case .verified:
            return route(signUp)
        case .expired:
            step = .verifyEmailLink(expired: true)
            errors.card = Copy.Field.verificationLinkExpired
            return [.cancelTimer(timer(.poll))]
        default:
            return []
        }
    }

    private mutating func handle(_ failure: PortalFailure, for pending: PendingCall) -> [Effect] {
        if pending.purpose == .poll { return [] }
        if case .unavailable = failure {
            requests.unavailable = pending
            return []
        }
        if let seconds = failure.rateLimitSeconds {
            rateLimitSeconds = seconds
            errors = .none
            return [.startTimer(timer(.rateLimit), every: .seconds(1), repeats: true)]
        }
        switch pending.purpose {
        case .attempt:
            code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
        default:
            var names = Set(Self.formFields.map(\.rawValue))
            names.insert(SignUpField.legalAccepted.rawValue)
            errors = FormErrors(failure.errors, fieldNames: names)
        }
        return []
    }
}
