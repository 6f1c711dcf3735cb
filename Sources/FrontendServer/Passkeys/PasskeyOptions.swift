import Foundation
import FrontendAPI
import SQLKit
import WebAuthn

/// The relying party this instance is, and the WebAuthn options its verifications carry in `nonce`.
struct PasskeyOptions: Sendable {
    let settings: InstanceSettings

    var relyingParty: RelyingParty {
        RelyingParty(id: settings.passkeys.relyingPartyID, origins: settings.passkeys.acceptedOrigins,
                     requiresUserVerification: settings.passkeys.userVerification == .required)
    }

    private var timeoutMS: Int { Int(settings.passkeys.timeout * 1000) }

    /// The user handle a credential stores for `userID`: the id's bytes, base64url'd.
    static func userHandle(_ userID: String) -> String { Data(userID.utf8).base64URLEncodedString() }

    /// `PublicKeyCredentialCreationOptionsJSON` for a registration: a discoverable credential (so it can sign in
    /// without an identifier), the user's existing passkeys excluded.
    func creation(_ challenge: WebAuthnChallengeRecord, user: UserRecord, name: String, displayName: String,
                  existing: [PasskeyRecord]) -> PublicKeyCredentialCreationOptions {
        PublicKeyCredentialCreationOptions(
            rp: .init(id: settings.passkeys.relyingPartyID, name: settings.applicationName),
            user: .init(id: Self.userHandle(user.id), name: name, displayName: displayName),
            challenge: challenge.challenge,
            pubKeyCredParams: COSEKey.Algorithm.allCases.map { .init(alg: $0.rawValue) },
            timeout: timeoutMS, excludeCredentials: existing.map { .init(id: $0.credentialId) },
            authenticatorSelection: .init(requireResidentKey: true, residentKey: "required",
                                          userVerification: settings.passkeys.userVerification.rawValue),
            attestation: "none")
    }

    /// `PublicKeyCredentialRequestOptionsJSON` for a sign-in or reverification; `allowed` is empty when the user is not
    /// known yet (a discoverable sign-in).
    func request(_ challenge: WebAuthnChallengeRecord, allowed: [PasskeyRecord]) -> PublicKeyCredentialRequestOptions {
        PublicKeyCredentialRequestOptions(
            allowCredentials: allowed.filter { !$0.flagged }.map { .init(id: $0.credentialId) },
            challenge: challenge.challenge, rpId: settings.passkeys.relyingPartyID, timeout: timeoutMS,
            userVerification: settings.passkeys.userVerification.rawValue)
    }
}

extension Presenter {
    /// A passkey verification: its options in `nonce` while it waits for an answer.
    func passkeyVerification(_ challenge: WebAuthnChallengeRecord, nonce: String) -> Verification {
        Verification(object: "verification_passkey", status: challenge.status, strategy: .passkey,
                     expireAt: Date(epochMilliseconds: challenge.expireAt),
                     nonce: challenge.status == .unverified ? nonce : nil)
    }

    /// The request options of a sign-in or reverification challenge, listing `userID`'s passkeys when known.
    func passkeyRequestNonce(_ challenge: WebAuthnChallengeRecord, in db: any SQLDatabase) async throws -> String {
        let allowed = try await challenge.userId.asyncMap { try await PasskeyRecord.all(in: db, where: "user_id", equals: $0) } ?? []
        return PasskeyOptions(settings: instance.settings).request(challenge, allowed: allowed).webAuthnJSON()
    }
}

extension APIFailure {
    /// Passkeys are off on this instance.
    static let passkeysDisabled = APIFailure(.forbidden, "passkeys_not_enabled", "Passkeys are not enabled",
                                             long: "Passkeys are not enabled for this instance.")

    /// The credential names no passkey registered here (or one that may have been cloned, see `flagged`).
    static let passkeyNotFound = APIFailure(.unprocessableContent, "passkey_not_found", "Passkey not found",
                                            long: "This passkey is not registered to an account on this application.")

    /// A WebAuthn check failed; `long` says which, without naming key material.
    static func passkeyRefused(_ failure: RelyingParty.Failure) -> APIFailure {
        let long: String = switch failure {
        case .malformed(let reason): "The passkey response is malformed: \(reason)."
        case .wrongCeremony: "The passkey response answers a different WebAuthn ceremony."
        case .challengeMismatch: "The passkey response does not answer this verification's challenge."
        case .originNotAllowed(let origin): "The origin \(origin) is not allowed to use passkeys on this application."
        case .rpIDMismatch: "The passkey was made for another relying party."
        case .userNotPresent: "The authenticator did not confirm user presence."
        case .userNotVerified: "The authenticator did not verify the user, which this application requires."
        case .badSignature: "The passkey signature is not valid."
        case .unsupportedAlgorithm: "The passkey uses an algorithm this application does not accept (ES256, EdDSA, RS256)."
        case .unsupportedFormat(let format): "The attestation format \(format) is not supported (none, packed)."
        case .counterWentBack: "The authenticator's signature counter went back; the passkey may have been cloned and is now blocked."
        }
        return APIFailure(.badRequest, "passkey_verification_failed", "Passkey verification failed", long: long)
    }
}

extension Presenter {
    /// The passkey verification of a sign-in or reverification `owner`, if one was prepared.
    func passkeyVerification(owner: String, purpose: WebAuthnPurpose, in db: any SQLDatabase) async throws -> Verification? {
        guard instance.settings.passkeys.enabled,
              let challenge = try await WebAuthnChallenges(instance: instance).current(owner: owner, purpose: purpose, in: db) else {
            return nil
        }
        let nonce = challenge.status == .unverified ? try await passkeyRequestNonce(challenge, in: db) : ""
        return passkeyVerification(challenge, nonce: nonce)
    }

    /// Whether `userID` has a passkey that may sign in (passkeys on, not flagged).
    func hasUsablePasskey(_ userID: String?, in db: any SQLDatabase) async throws -> Bool {
        guard instance.settings.passkeys.enabled, let userID else { return false }
        return try await PasskeyRecord.all(in: db, where: "user_id", equals: userID).contains { !$0.flagged }
    }
}
