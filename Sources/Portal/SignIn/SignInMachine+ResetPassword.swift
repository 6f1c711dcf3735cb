import FrontendAPI

/// "Forgot password?": the reset code, then "Set new password"; also a new password the server demands.
extension SignInMachine {
    mutating func forgotPassword() -> [Effect] {
        guard canSubmit else { return [] }
        switch step {
        case .start:
            return createSignIn(withPassword: false, forgotPassword: true)
        case .password:
            errors = .none
            step = .alternatives(resetPasswordFactor == nil ? .all : .forgotPassword)
            return []
        default:
            return []
        }
    }

    /// Leaving the reset code returns to the "Forgot password?" list.
    mutating func leaveResetCode() -> [Effect] {
        let effects = leaveFactorCard()
        firstFactor = previousFirstFactor
        step = .alternatives(.forgotPassword)
        return effects
    }

    /// `needs_new_password`: after a reset code, or because the server requires a new one.
    mutating func enterNewPassword(_ signIn: SignIn) -> [Effect] {
        let effects = leaveFactorCard()
        let strategy = signIn.firstFactorVerification?.strategy
        let viaResetCode = strategy.map(FactorChoice.resetStrategies.contains) ?? false
        newPassword = NewPasswordForm()
        step = .resetPassword(required: !viaResetCode)
        if !viaResetCode { errors.card = Copy.SignIn.resetPasswordRequired }
        return effects
    }

    mutating func submitNewPassword() -> [Effect] {
        guard let signIn else { return [] }
        if let blocking = newPassword.blockingErrors(feedback: newPasswordFeedback) {
            errors.fields.merge(blocking) { $1 }
            return []
        }
        errors = .none
        let call = BackendCall.resetPassword(
            signInID: signIn.id, password: newPassword.password,
            signOutOfOtherSessions: newPassword.signOutOfOtherSessions)
        return [send(call, .resetPassword)]
    }
}
