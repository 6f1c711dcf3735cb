import FrontendAPI

extension SessionTaskMachine {
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
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
        case .chooseAuthenticatorApp:
            guard step == .chooseMethod, !isBusy else { return [] }
            errors = .none
            return [send(.profile(sessionID: sessionID, .createTOTP), .createTOTP)]
        case .toggleKey:
            guard step == .verifyAuthenticator else { return [] }
            showsKey.toggle()
            return []
        case .codeChanged(let text):
            guard step == .verifyAuthenticator else { return [] }
            code = text
            errors.fields["code"] = nil
            if text.count == Self.codeLength, text.value.allSatisfy(\.isNumber), !isBusy { return verify() }
            return []
        case .submit:
            guard !isBusy else { return [] }
            return submit()
        case .back:
            guard step == .verifyAuthenticator else { return [] }
            requests.forgetAll()
            code = SecretText()
            totp = nil
            showsKey = false
            errors = .none
            step = .chooseMethod
            return []
        case .signOut:
            return [.finish(.signOut(sessionID: sessionID))]
        case .retry:
            guard !isBusy, let retry: Effect = requests.retry() else { return [] }
            return [retry]
        case .response(let id, let outcome):
            guard let pending = requests.answered(id) else { return [] }
            return handle(outcome, for: pending)
        }
    }

    private mutating func submit() -> [Effect] {
        switch step {
        case .resetPassword:
            if let blocking = newPassword.blockingErrors(feedback: newPasswordFeedback) {
                errors.fields.merge(blocking) { $1 }
                return []
            }
            errors = .none
            let call = BackendCall.profile(
                sessionID: sessionID,
                .changePassword(
                    current: nil, new: newPassword.password, signOutOfOtherSessions: newPassword.signOutOfOtherSessions))
            return [send(call, .changePassword)]
        case .chooseMethod:
            return update(.chooseAuthenticatorApp)
        case .verifyAuthenticator:
            return verify()
        case .backupCodes:
            return [.finish(.completed)]
        case .unsupported:
            return []
        }
    }

    private mutating func verify() -> [Effect] {
        guard !code.isEmpty else { return [] }
        errors = .none
        return [send(.profile(sessionID: sessionID, .verifyTOTP(code: code)), .verifyTOTP)]
    }

    private mutating func handle(_ outcome: BackendOutcome, for pending: PendingCall) -> [Effect] {
        switch outcome {
        case .success(let result):
            switch pending.purpose {
            case .changePassword:
                return [.finish(.completed)]
            case .createTOTP:
                totp = result.totp
                step = .verifyAuthenticator
                return []
            case .verifyTOTP:
                if let verified = result.totp { totp = verified }
                code = SecretText()
                step = .backupCodes
                return []
            }
        case .failure(let failure):
            if case .unavailable = failure {
                requests.unavailable = pending
                return []
            }
            switch pending.purpose {
            case .changePassword:
                errors = FormErrors(failure.errors, fieldNames: ["password", "new_password"])
                if let message = errors.fields.removeValue(forKey: "new_password") { errors.fields["password"] = message }
            case .verifyTOTP:
                code = SecretText()
                errors = FormErrors(failure.errors, fieldNames: ["code"])
            case .createTOTP:
                errors = FormErrors(failure.errors, fieldNames: [])
            }
            return []
        }
    }

    mutating func send(_ call: BackendCall, _ purpose: Purpose) -> Effect { requests.send(call, purpose) }
}
