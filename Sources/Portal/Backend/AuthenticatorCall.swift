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

/// Whether this terminal can reach an authenticator for passkey actions.
public enum PasskeyAccess: Equatable, Sendable {
    /// A security key on this machine (libfido2), or a software authenticator's file.
    case available
    /// A remote session with no software authenticator: the visitor's security key is on another computer, out of
    /// reach. Passkey actions are not offered, and the copy says why.
    case overSSH
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

extension AuthenticatorCall {
    /// `navigator.credentials.create()` for a registration whose verification's `nonce` holds the creation
    /// options; nil when it holds none. `pin` is the security key's PIN when one was typed.
    static func registration(_ verification: Verification?, pin: SecretText) -> AuthenticatorCall? {
        guard let options = PublicKeyCredentialCreationOptions(nonce: verification?.nonce) else { return nil }
        return .register(options, origin: PasskeyOrigin.forRelyingParty(options.rp.id), pin: pin.isEmpty ? nil : pin)
    }

    /// `navigator.credentials.get()` for a sign-in's or reverification's first factor verification, whose
    /// `nonce` holds the request options; nil when it holds none.
    static func assertion(_ verification: Verification?, pin: SecretText) -> AuthenticatorCall? {
        guard let options = PublicKeyCredentialRequestOptions(nonce: verification?.nonce) else { return nil }
        return .authenticate(options, origin: PasskeyOrigin.forRelyingParty(options.rpId), pin: pin.isEmpty ? nil : pin)
    }
}

extension PortalFailure {
    /// The security key wants its PIN (none was given, or a wrong one): the card shows a PIN field.
    var asksForPIN: Bool {
        has(code: AuthenticatorFailureCode.pinRequired.rawValue) || has(code: AuthenticatorFailureCode.pinInvalid.rawValue)
    }

    /// The failure a passkey ceremony ends with when the server's nonce holds no WebAuthn options.
    static var noPasskeyOptions: PortalFailure { .authenticator(.failed, detail: nil) }
}

extension Factor {
    /// The passkey first factor, as attempted with `public_key_credential`.
    static let passkey = Factor(strategy: .passkey)
}
