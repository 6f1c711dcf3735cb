import FrontendAPI

extension SignUpMachine: TrackedFlow {
    var canRetry: Bool { canSubmit }

    func isBackground(_ purpose: Purpose) -> Bool { purpose == .poll }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        if pending.purpose == .joinWaitlist { return waitlistJoined() }
        guard let signUp = result.signUp else { return [] }
        self.signUp = signUp
        switch pending.purpose {
        case .prepare:
            // A code completed while the code was being sent is submitted now.
            if case .verifyCode = step, codeIsComplete, canSubmit { return attempt() }
            return []
        case .poll:
            return linkRead(signUp.verifications.emailAddress?.status) { $0.route(signUp) }
        case .create, .update, .attempt:
            return route(signUp)
        case .joinWaitlist:
            return []
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
            let cooldown = byLink ? Self.emailLinkResendCooldown : Self.resendCooldown
            effects.append(resendCooldown.start(cooldown, on: timer(.resendCooldown)))
        } else {
            effects += prepare(field)
        }
        if byLink { effects.append(startPolling()) }
        return effects
    }

    /// Sends a code or link for `field` and starts the resend cooldown.
    mutating func prepare(_ field: SignUpField) -> [Effect] {
        guard let signUp else { return [] }
        let byLink: Bool = if case .verifyEmailLink = step { true } else { false }
        let strategy: Strategy = byLink ? .emailLink : (field == .phoneNumber ? .phoneCode : .emailCode)
        let call = BackendCall.prepareSignUpVerification(
            id: signUp.id, strategy: strategy, redirectURL: byLink ? config.emailLinkRedirectURL : nil)
        let cooldown = byLink ? Self.emailLinkResendCooldown : Self.resendCooldown
        return [send(call, .prepare(field)), resendCooldown.start(cooldown, on: timer(.resendCooldown))]
    }

    /// Stops the timers of a verification card.
    mutating func leaveVerification() -> [Effect] {
        code = SecretText()
        var effects: [Effect] = resendCooldown.stop(on: timer(.resendCooldown))
        if linkExpired != nil { effects += stopPolling() }
        return effects
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        if let seconds = failure.rateLimitSeconds {
            errors = .none
            return [rateLimit.start(seconds, on: timer(.rateLimit))]
        }
        switch pending.purpose {
        case .attempt:
            code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
        case .create where step == .continueMissing && signUp == nil:
            // A ticket the server refused (revoked, used, expired): back to the card it was pasted on.
            step = config.mode == .public ? .start : .restricted
            errors = FormErrors(failure.errors, fieldNames: [])
        default:
            var names = Set(Self.formFields.map(\.rawValue))
            names.insert(SignUpField.legalAccepted.rawValue)
            errors = FormErrors(failure.errors, fieldNames: names)
        }
        return []
    }
}

/// "Verify your email" by link: the sign-up is re-read until the link is used.
extension SignUpMachine: EmailLinkFlow {
    var linkExpired: Bool? {
        get { if case .verifyEmailLink(let expired) = step { expired } else { nil } }
        set { if let newValue { step = .verifyEmailLink(expired: newValue) } }
    }

    var reloadCall: BackendCall? { signUp.map { .reloadSignUp(id: $0.id) } }

    var pollPurpose: Purpose { .poll }
}
