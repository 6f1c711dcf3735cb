import Foundation
import FrontendAPI

extension SignInMachine: TrackedFlow {
    var canRetry: Bool { canSubmit }

    func isBackground(_ purpose: Purpose) -> Bool { purpose == .poll }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        if pending.purpose == .passkeyCredential, case .publicKeyCredential(let credential) = result {
            return attemptPasskey(credential)
        }
        guard let signIn = result.signIn else { return [] }
        self.signIn = signIn
        switch pending.purpose {
        case .create(_, let forgotPassword):
            return route(signIn, forgotPassword: forgotPassword)
        case .ticket:
            return route(signIn, forgotPassword: false)
        case .oauth(let provider):
            return startBrowserHandOff(signIn, provider: provider)
        case .prepare(let factor, _):
            preparedFactors.insert(FactorChoice.key(factor))
            // A code completed while the code was being sent is submitted now.
            if codeFactor == factor, codeIsComplete(for: factor), canSubmit { return attemptCode() }
            return []
        case .passkeyChallenge:
            return answerPasskeyChallenge(signIn)
        case .attempt:
            return route(signIn, forgotPassword: false)
        case .passkeyCredential:
            return []
        case .poll:
            if step.isBrowserHandOff { return browserPolled(signIn) }
            return linkRead(signIn.firstFactorVerification?.status) { $0.route(signIn, forgotPassword: false) }
        case .resetPassword:
            passwordWasReset = true
            return route(signIn, forgotPassword: false)
        }
    }

    /// Moves to the card for the sign-in's status, as Clerk's SignIn component does after every answer.
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
            return enterSecondFactor(signIn)
        case .needsNewPassword:
            return enterNewPassword(signIn)
        case .needsProtectCheck:
            let effects = restart()
            errors.card = Copy.Errors.protectCheckUnsupported
            return effects
        default:
            return restart()
        }
    }

    // MARK: Failures

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        if let seconds = failure.rateLimitSeconds {
            errors = .none
            return [rateLimit.start(seconds, on: timer(.rateLimit))]
        }
        if let locked = failure.error(code: "user_locked") {
            var effects = restart()
            errors = FormErrors(card: locked.longMessage)
            effects += lockOut(locked)
            return effects
        }
        switch pending.purpose {
        case .create(let withPassword, let forgotPassword):
            return createFailed(failure, withPassword: withPassword, forgotPassword: forgotPassword)
        case .oauth:
            return createFailed(failure, withPassword: false, forgotPassword: false)
        case .ticket(let ticket):
            return ticketFailed(failure, ticket: ticket)
        case .attempt(let factor, _) where factor.strategy == .password:
            return passwordFailed(failure)
        case .passkeyChallenge, .passkeyCredential, .attempt(.passkey, _):
            return passkeyFailed(failure)
        case .attempt:
            code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
            return []
        case .prepare, .resetPassword, .poll:
            errors = FormErrors(failure.errors, fieldNames: ["password", "code"])
            return []
        }
    }

    /// A `user_locked` error counts its lockout down in the notice.
    mutating func lockOut(_ error: ClerkAPIError) -> [Effect] {
        guard let seconds = error.meta?.lockoutExpiresInSeconds, seconds > 0 else { return [] }
        return [lockout.start(seconds, on: timer(.lockout))]
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
            let attribute = IdentifierAttribute(value: trimmed, kind: identifierKind)
            return [.finish(.transferToSignUp(identifier: trimmed, attribute: attribute))]
        }
        errors = FormErrors(failure.errors, fieldNames: ["identifier", "password"])
        return []
    }
}
