import Crypto
import Foundation
import FrontendAPI

/// Makes and uses passkeys for the portal: the client side of WebAuthn. It builds the `clientDataJSON` itself (a
/// terminal has no browser) and answers with the credential JSON clerk-js posts as `public_key_credential`.
public protocol Authenticator: Sendable {
    /// `navigator.credentials.create()`: a new credential for `options.rp`, attested.
    func register(_ options: PublicKeyCredentialCreationOptions, origin: String, pin: String?) async throws(AuthenticatorFailure)
        -> PublicKeyCredentialJSON
    /// `navigator.credentials.get()`: an assertion over the options' challenge by one of the allowed credentials
    /// (any credential for the RP ID when none are listed).
    func authenticate(_ options: PublicKeyCredentialRequestOptions, origin: String, pin: String?) async throws(AuthenticatorFailure)
        -> PublicKeyCredentialJSON
}

/// Why an authenticator could not answer, with Clerk's code where clerk-js has one.
public enum AuthenticatorFailure: Error, Equatable, Sendable {
    /// No security key is connected.
    case noDevice
    /// The key has a PIN and none (or a wrong one) was given; `retries` when the key tells.
    case pinRequired
    case pinInvalid(retries: Int?)
    /// The key is locked after too many wrong PINs.
    case pinBlocked
    /// The key or file already holds one of the excluded credentials (`passkey_already_exists`).
    case alreadyRegistered
    /// Nothing was touched in time, or the user cancelled.
    case cancelled
    /// No credential for this RP ID (and these allowed credentials) is stored.
    case noCredential
    /// Anything else, said plainly.
    case failed(String)
}

/// The `clientDataJSON` a client signs over: its bytes and their SHA-256.
struct ClientData {
    let json: Data
    var hash: Data { Data(SHA256.hash(data: json)) }

    init(type: String, challenge: String, origin: String) {
        json = Data(CollectedClientData(type: type, challenge: challenge, origin: origin).webAuthnJSON().utf8)
    }
}

extension PublicKeyCredentialJSON {
    /// A credential answer carrying `clientData` and the authenticator's `response` fields.
    init(credentialID: Data, attachment: String, clientData: ClientData, response: Response) {
        var response = response
        response.clientDataJSON = clientData.json.base64URLEncodedString()
        self.init(id: credentialID.base64URLEncodedString(), authenticatorAttachment: attachment, response: response)
    }
}
