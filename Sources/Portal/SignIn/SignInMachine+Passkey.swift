import FrontendAPI

/// Signing in with a passkey, as clerk-ios does it: a challenge (a discoverable sign-in created with
/// `strategy=passkey` from "Use passkey instead", or `prepare_first_factor strategy=passkey` once the user is
/// known), the authenticator's assertion over it, then `attempt_first_factor` with `public_key_credential`.
extension SignInMachine {
    /// "Use passkey instead" on the start card: no identifier, any passkey this authenticator holds for the RP ID.
    mutating func usePasskey() -> [Effect] {
        guard step == .start, config.passkeyButton, config.usesPasskeys, canSubmit else { return [] }
        errors = .none
        firstFactor = .passkey
        step = .passkey
        return requestPasskeyChallenge()
    }

    /// The challenge for the passkey card: a new discoverable sign-in, or the known user's sign-in prepared for a
    /// passkey. "Continue" asks again after a failure (a PIN typed, a key plugged in).
    mutating func requestPasskeyChallenge() -> [Effect] {
        errors = .none
        guard let signIn, signIn.status == .needsFirstFactor else {
            let parameters = SignInParameters(strategy: .passkey, locale: Self.locale)
            return [send(.createSignIn(parameters), .passkeyChallenge)]
        }
        let parameters = PrepareFactorParameters(strategy: .passkey)
        return [send(.prepareFirstFactor(signInID: signIn.id, parameters), .passkeyChallenge)]
    }

    /// The challenge arrived: the authenticator answers it (a security key waits for a touch meanwhile).
    mutating func answerPasskeyChallenge(_ signIn: SignIn) -> [Effect] {
        guard step == .passkey else { return [] }
        guard let ceremony = AuthenticatorCall.assertion(signIn.firstFactorVerification, pin: code) else {
            return passkeyFailed(.noPasskeyOptions)
        }
        return [send(.authenticator(ceremony), .passkeyCredential)]
    }

    /// The authenticator's assertion goes to the server as the first factor.
    mutating func attemptPasskey(_ credential: String) -> [Effect] {
        guard step == .passkey, let signIn else { return [] }
        code = SecretText()
        let parameters = AttemptFactorParameters(strategy: .passkey, publicKeyCredential: credential)
        return [send(.attemptFirstFactor(signInID: signIn.id, parameters), .attempt(.passkey, .firstFactor))]
    }

    /// A failed challenge, assertion or attempt stays on the passkey card with its message; a security key that
    /// wants its PIN adds the PIN field.
    mutating func passkeyFailed(_ failure: PortalFailure) -> [Effect] {
        if failure.asksForPIN { needsPIN = true }
        code = SecretText()
        errors = FormErrors(failure.errors, fieldNames: [])
        return []
    }
}
