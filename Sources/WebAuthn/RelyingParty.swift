import Crypto
import Foundation
import FrontendAPI

/// A WebAuthn relying party: checks a registration (attestation `none` or `packed`, self or x5c) and an assertion
/// against the challenge it issued, its RP ID and the origins it accepts. Signatures, the `rpIdHash` and the flags
/// are verified by libfido2 (`fido_cred_verify`, `fido_cred_verify_self`, `fido_assert_verify`); the client data is
/// JSON and is read here.
public struct RelyingParty: Sendable {
    public var id: String
    public var origins: [String]
    public var requiresUserVerification: Bool

    public init(id: String, origins: [String], requiresUserVerification: Bool) {
        self.id = id
        self.origins = origins
        self.requiresUserVerification = requiresUserVerification
    }

    /// Why a credential was refused.
    public enum Failure: Error, Equatable, Sendable {
        case malformed(String)
        case wrongCeremony
        case challengeMismatch
        case originNotAllowed(String)
        case rpIDMismatch
        case userNotPresent
        case userNotVerified
        case badSignature
        case unsupportedAlgorithm
        case unsupportedFormat(String)
        case counterWentBack
    }

    /// What a verified registration stores.
    public struct Registration: Sendable, Equatable {
        public var credentialID: Data
        public var key: COSEKey
        /// The COSE_Key exactly as the authenticator encoded it.
        public var coseKey: Data
        public var signCount: UInt32
        public var aaguid: Data
        public var format: String
    }

    /// What a verified assertion tells.
    public struct Assertion: Sendable, Equatable {
        public var credentialID: Data
        public var signCount: UInt32
        public var userHandle: Data?
        public var userVerified: Bool
    }

    /// Decodes `public_key_credential` as clerk-js and clerk-ios post it.
    public static func credential(_ json: String) throws(Failure) -> PublicKeyCredentialJSON {
        guard let credential = try? JSONDecoder().decode(PublicKeyCredentialJSON.self, from: Data(json.utf8)) else {
            throw .malformed("public_key_credential is not a WebAuthn credential")
        }
        return credential
    }

    /// The credential id a posted credential names (its `rawId`).
    public static func credentialID(of credential: PublicKeyCredentialJSON) throws(Failure) -> Data {
        guard credential.type == "public-key", let raw = Data(base64URLEncoded: credential.rawId), !raw.isEmpty,
              credential.id == credential.rawId else { throw .malformed("id and rawId must name the same credential") }
        return raw
    }

    public func verifyRegistration(_ credential: PublicKeyCredentialJSON, challenge: Data) throws(Failure) -> Registration {
        let credentialID = try Self.credentialID(of: credential)
        let clientDataHash = try checkClientData(credential.response.clientDataJSON, ceremony: CollectedClientData.create,
                                                 challenge: challenge)
        guard let encoded = credential.response.attestationObject.flatMap({ Data(base64URLEncoded: $0) }),
              let attestation = try? AttestationObject(encoded) else { throw .malformed("attestationObject is not valid") }
        let data = attestation.authenticatorData
        try checkFlagsAndRP(data)
        guard data.flags.contains(.attestedCredentialData), let attestedID = data.credentialID,
              let keyBytes = data.credentialPublicKey, attestedID == credentialID else {
            throw .malformed("authenticator data does not attest this credential")
        }
        guard let key = try? COSEKey(keyBytes) else { throw .unsupportedAlgorithm }
        switch attestation.format {
        case "none":
            guard attestation.statement == .map([]) else { throw .malformed("a none attestation has an empty statement") }
        case "packed":
            try PackedAttestation(rp: self, key: key, clientDataHash: clientDataHash).verify(attestation)
        default:
            throw .unsupportedFormat(attestation.format)
        }
        return Registration(credentialID: credentialID, key: key, coseKey: keyBytes, signCount: data.signCount,
                            aaguid: data.aaguid ?? Data(count: 16), format: attestation.format)
    }

    public func verifyAssertion(_ credential: PublicKeyCredentialJSON, challenge: Data, key: COSEKey,
                                storedSignCount: UInt32) throws(Failure) -> Assertion {
        let credentialID = try Self.credentialID(of: credential)
        let clientDataHash = try checkClientData(credential.response.clientDataJSON, ceremony: CollectedClientData.get,
                                                 challenge: challenge)
        guard let rawData = credential.response.authenticatorData.flatMap({ Data(base64URLEncoded: $0) }),
              let data = try? AuthenticatorData(rawData),
              let signature = credential.response.signature.flatMap({ Data(base64URLEncoded: $0) }), !signature.isEmpty else {
            throw .malformed("authenticatorData and signature are required")
        }
        try checkFlagsAndRP(data)
        let signCount = try AssertionSignature(rp: self, key: key, clientDataHash: clientDataHash)
            .verify(authenticatorData: rawData, signature: signature)
        // A counter kept by the authenticator must grow; two zeros mean it keeps none.
        if signCount != 0 || storedSignCount != 0, signCount <= storedSignCount { throw .counterWentBack }
        let handle = credential.response.userHandle.flatMap { $0.isEmpty ? nil : Data(base64URLEncoded: $0) }
        return Assertion(credentialID: credentialID, signCount: signCount, userHandle: handle,
                         userVerified: data.flags.contains(.userVerified))
    }

    /// Checks `clientDataJSON` (ceremony type, challenge, origin) and returns its SHA-256, which the authenticator
    /// signed over.
    private func checkClientData(_ encoded: String, ceremony: String, challenge: Data) throws(Failure) -> Data {
        guard let json = Data(base64URLEncoded: encoded),
              let clientData = try? JSONDecoder().decode(CollectedClientData.self, from: json) else {
            throw .malformed("clientDataJSON is not valid")
        }
        guard clientData.type == ceremony else { throw .wrongCeremony }
        guard let sent = Data(base64URLEncoded: clientData.challenge), constantTimeEquals(sent, challenge) else {
            throw .challengeMismatch
        }
        guard origins.contains(clientData.origin) else { throw .originNotAllowed(clientData.origin) }
        return Data(SHA256.hash(data: json))
    }

    /// The `rpIdHash` and the UP/UV flags, checked here first so that a refusal can say which failed; libfido2 checks
    /// them again with the signature.
    private func checkFlagsAndRP(_ data: AuthenticatorData) throws(Failure) {
        guard data.rpIDHash == Data(SHA256.hash(data: Data(id.utf8))) else { throw .rpIDMismatch }
        guard data.flags.contains(.userPresent) else { throw .userNotPresent }
        if requiresUserVerification, !data.flags.contains(.userVerified) { throw .userNotVerified }
    }

    private func constantTimeEquals(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
