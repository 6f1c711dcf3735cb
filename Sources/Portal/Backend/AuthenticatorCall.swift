import FrontendAPI

/// A WebAuthn ceremony on this machine's authenticator (a security key, or the software one), asked for like a
/// backend call: the runtime performs it and answers with ``BackendResult/publicKeyCredential(_:)``, the JSON the
/// next FAPI call posts as `public_key_credential`.
public enum AuthenticatorCall: Equatable, Sendable {
    /// `navigator.credentials.create()` with a registration's creation options.
    case register(PublicKeyCredentialCreationOptions, origin: String, pin: SecretText?)
    /// `navigator.credentials.get()` with a sign-in's or reverification's request options.
    case authenticate(PublicKeyCredentialRequestOptions, origin: String, pin: SecretText?)
}

/// The origin this terminal client puts in `clientDataJSON`: `https://<rp id>`, as a native app claims its
/// associated domain. The instance must accept it (`[passkeys] allowed_origins` locally).
public enum PasskeyOrigin {
    public static func forRelyingParty(_ id: String) -> String { "https://" + id }
}

/// Why an authenticator could not answer, as the portal shows it: Clerk's code where clerk-js has one.
public enum AuthenticatorFailureCode: String, Sendable {
    case noDevice = "passkey_no_security_key"
    case pinRequired = "passkey_pin_required"
    case pinInvalid = "passkey_pin_invalid"
    case pinBlocked = "passkey_pin_blocked"
    case alreadyRegistered = "passkey_already_exists"
    case registrationCancelled = "passkey_registration_cancelled"
    case retrievalCancelled = "passkey_retrieval_cancelled"
    case noCredential = "passkey_retrieval_failed"
    case failed = "passkey_operation_failed"
    case unavailable = "passkey_not_supported"
}

extension PortalFailure {
    /// An authenticator's failure, worded for the card that asked.
    public static func authenticator(_ code: AuthenticatorFailureCode, detail: String? = nil) -> PortalFailure {
        let message = Copy.Passkeys.failure(code, detail: detail)
        return .api(status: 0, errors: [ClerkAPIError(code: code.rawValue, message: message, longMessage: message)])
    }
}
