import FrontendAPI

extension SessionTaskMachine {
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .newPassword(let edit):
            newPassword.apply(edit, errors: &errors)
            return []
        case .chooseAuthenticatorApp:
            guard step == .chooseMethod, !isBusy else { return [] }
            errors = .none
            return [send(.createTOTP, .createTOTP)]
        case .chooseSMSCode:
            return chooseSMSCode()
        case .phoneNumberChanged(let text):
            phoneNumber = text
            errors.fields["phone_number"] = nil
            return []
        case .toggleKey:
            guard step == .verifyAuthenticator else { return [] }
            showsKey.toggle()
            return []
        case .codeChanged(let text):
            guard step == .verifyAuthenticator || step == .verifyPhone else { return [] }
            code = text
            errors.fields["code"] = nil
            if text.isCompleteCode, !isBusy { return verify() }
            return []
        case .submit:
            guard !isBusy else { return [] }
            return submit()
        case .back:
            guard [.verifyAuthenticator, .addPhone, .verifyPhone].contains(step) else { return [] }
            requests.forgetAll()
            code = SecretText()
            totp = nil
            phone = nil
            showsKey = false
            errors = .none
            step = .chooseMethod
            return []
        case .signOut:
            return [.finish(.signOut(sessionID: sessionID))]
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
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
            let call = ProfileCall.changePassword(
                current: nil, new: newPassword.password, signOutOfOtherSessions: newPassword.signOutOfOtherSessions)
            return [send(call, .changePassword)]
        case .chooseMethod:
            return update(methods.totp ? .chooseAuthenticatorApp : .chooseSMSCode)
        case .addPhone:
            return addPhone()
        case .verifyAuthenticator, .verifyPhone:
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
        if step == .verifyPhone, let phone {
            return [send(.attemptPhoneVerification(id: phone.id, code: code), .verifyPhone)]
        }
        return [send(.verifyTOTP(code: code), .verifyTOTP)]
    }

    mutating func send(_ call: ProfileCall, _ purpose: Purpose) -> Effect {
        requests.send(.profile(sessionID: sessionID, call), purpose)
    }
}

extension SessionTaskMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        switch pending.purpose {
        case .changePassword:
            return [.finish(.completed)]
        case .createTOTP:
            totp = result.totp
            step = .verifyAuthenticator
            return []
        case .verifyTOTP:
            if let verified = result.totp { totp = verified }
            backupCodes = result.totp?.backupCodes ?? []
            code = SecretText()
            step = .backupCodes
            return []
        case .addPhone, .preparePhone, .verifyPhone, .reservePhone:
            return phoneSucceeded(pending.purpose, result)
        }
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        switch pending.purpose {
        case .changePassword:
            errors = FormErrors(failure.errors, fieldNames: ["password", "new_password"])
            if let message = errors.fields.removeValue(forKey: "new_password") { errors.fields["password"] = message }
        case .verifyTOTP:
            code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
        case .createTOTP, .preparePhone, .reservePhone:
            errors = FormErrors(failure.errors, fieldNames: [])
        case .addPhone:
            errors = FormErrors(failure.errors, fieldNames: ["phone_number"])
        case .verifyPhone:
            code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
        }
        return []
    }
}
