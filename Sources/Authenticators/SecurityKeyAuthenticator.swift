import CFido2
import Foundation
import FrontendAPI
import WebAuthn

/// USB and NFC security keys on this machine, through libfido2: the first key found makes or uses the credential.
/// libfido2 talks CTAP to the key; the key asks for a touch, and for its PIN when it has one.
public struct SecurityKeyAuthenticator: Authenticator {
    public init() {}

    /// The paths of the connected FIDO devices (`fido_dev_info_manifest`).
    public static func devices() -> [String] {
        Fido2.initialize()
        let capacity = 16
        guard let list = fido_dev_info_new(capacity) else { return [] }
        defer { var owned: OpaquePointer? = list; fido_dev_info_free(&owned, capacity) }
        var found = 0
        guard fido_dev_info_manifest(list, capacity, &found) == FIDO_OK else { return [] }
        return (0..<found).compactMap { fido_dev_info_ptr(list, $0).flatMap { fido_dev_info_path($0) }.map { String(cString: $0) } }
    }

    public func register(_ options: PublicKeyCredentialCreationOptions, origin: String, pin: String?) async throws(AuthenticatorFailure)
        -> PublicKeyCredentialJSON {
        let clientData = ClientData(type: CollectedClientData.create, challenge: options.challenge, origin: origin)
        let algorithm = try SoftwareAuthenticator.algorithm(options.pubKeyCredParams.map(\.alg))
        guard let cred = fido_cred_new() else { throw .failed("out of memory") }
        defer { var owned: OpaquePointer? = cred; fido_cred_free(&owned) }
        guard let userHandle = Data(base64URLEncoded: options.user.id) else { throw .failed("the user handle is not base64url") }
        try Self.check(fido_cred_set_type(cred, Int32(algorithm.rawValue)))
        try Self.check(Self.bytes(clientData.hash) { fido_cred_set_clientdata_hash(cred, $0, $1) })
        try Self.check(fido_cred_set_rp(cred, options.rp.id, options.rp.name))
        try Self.check(Self.bytes(userHandle) { fido_cred_set_user(cred, $0, $1, options.user.name, options.user.displayName, nil) })
        try Self.check(fido_cred_set_rk(cred, FIDO_OPT_TRUE))
        if options.authenticatorSelection.userVerification == "required" { try Self.check(fido_cred_set_uv(cred, FIDO_OPT_TRUE)) }
        for excluded in options.excludeCredentials {
            guard let id = Data(base64URLEncoded: excluded.id) else { continue }
            try Self.check(Self.bytes(id) { fido_cred_exclude(cred, $0, $1) })
        }
        try withDevice { device in fido_dev_make_cred(device, cred, pin) }
        return try Self.registration(cred, clientData: clientData)
    }

    public func authenticate(_ options: PublicKeyCredentialRequestOptions, origin: String, pin: String?) async throws(AuthenticatorFailure)
        -> PublicKeyCredentialJSON {
        let clientData = ClientData(type: CollectedClientData.get, challenge: options.challenge, origin: origin)
        guard let assertion = fido_assert_new() else { throw .failed("out of memory") }
        defer { var owned: OpaquePointer? = assertion; fido_assert_free(&owned) }
        try Self.check(fido_assert_set_rp(assertion, options.rpId))
        try Self.check(Self.bytes(clientData.hash) { fido_assert_set_clientdata_hash(assertion, $0, $1) })
        try Self.check(fido_assert_set_up(assertion, FIDO_OPT_TRUE))
        if options.userVerification == "required" { try Self.check(fido_assert_set_uv(assertion, FIDO_OPT_TRUE)) }
        for allowed in options.allowCredentials {
            guard let id = Data(base64URLEncoded: allowed.id) else { continue }
            try Self.check(Self.bytes(id) { fido_assert_allow_cred(assertion, $0, $1) })
        }
        try withDevice { device in fido_dev_get_assert(device, assertion, pin) }
        return try Self.assertionAnswer(assertion, clientData: clientData)
    }

    /// Opens the first connected key, runs `body` on it and maps libfido2's answer.
    private func withDevice(_ body: (OpaquePointer) -> Int32) throws(AuthenticatorFailure) {
        guard let path = Self.devices().first else { throw .noDevice }
        guard let device = fido_dev_new() else { throw .failed("out of memory") }
        defer { var owned: OpaquePointer? = device; fido_dev_free(&owned) }
        try Self.check(fido_dev_open(device, path))
        defer { fido_dev_close(device) }
        try Self.check(body(device))
    }

    private static func registration(_ cred: OpaquePointer, clientData: ClientData) throws(AuthenticatorFailure) -> PublicKeyCredentialJSON {
        guard let format = fido_cred_fmt(cred).map({ String(cString: $0) }),
              let authData = data(fido_cred_authdata_raw_ptr(cred), fido_cred_authdata_raw_len(cred)),
              let statementBytes = data(fido_cred_attstmt_ptr(cred), fido_cred_attstmt_len(cred)),
              let statement = try? CBOR.decode(statementBytes), let parsed = try? AuthenticatorData(authData),
              let credentialID = data(fido_cred_id_ptr(cred), fido_cred_id_len(cred)) else {
            throw .failed("the security key's answer could not be read")
        }
        let attestation = AttestationObject(format: format, statement: statement, authenticatorData: parsed)
        return PublicKeyCredentialJSON(
            credentialID: credentialID, attachment: "cross-platform", clientData: clientData,
            response: .init(clientDataJSON: "", attestationObject: attestation.encoded.base64URLEncodedString(), transports: ["usb"]))
    }

    private static func assertionAnswer(_ assertion: OpaquePointer, clientData: ClientData) throws(AuthenticatorFailure) -> PublicKeyCredentialJSON {
        // libfido2 keeps the authenticator data CBOR-wrapped (a byte string); WebAuthn posts the bytes inside.
        guard let wrapped = data(fido_assert_authdata_ptr(assertion, 0), fido_assert_authdata_len(assertion, 0)),
              let authData = (try? CBOR.decode(wrapped))?.bytesValue,
              let signature = data(fido_assert_sig_ptr(assertion, 0), fido_assert_sig_len(assertion, 0)),
              let credentialID = data(fido_assert_id_ptr(assertion, 0), fido_assert_id_len(assertion, 0)) else {
            throw .failed("the security key's answer could not be read")
        }
        let userHandle = data(fido_assert_user_id_ptr(assertion, 0), fido_assert_user_id_len(assertion, 0))
        return PublicKeyCredentialJSON(
            credentialID: credentialID, attachment: "cross-platform", clientData: clientData,
            response: .init(clientDataJSON: "", authenticatorData: authData.base64URLEncodedString(),
                            signature: signature.base64URLEncodedString(), userHandle: userHandle?.base64URLEncodedString()))
    }

    private static func data(_ pointer: UnsafePointer<UInt8>?, _ length: Int) -> Data? {
        guard let pointer, length > 0 else { return nil }
        return Data(bytes: pointer, count: length)
    }

    private static func bytes(_ data: Data, _ body: (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
    }

    /// libfido2's result codes as what the portal can say about them.
    static func check(_ code: Int32) throws(AuthenticatorFailure) {
        switch code {
        case FIDO_OK: return
        case FIDO_ERR_PIN_REQUIRED, FIDO_ERR_UV_INVALID: throw .pinRequired
        case FIDO_ERR_PIN_INVALID: throw .pinInvalid(retries: nil)
        case FIDO_ERR_PIN_BLOCKED, FIDO_ERR_PIN_AUTH_BLOCKED: throw .pinBlocked
        case FIDO_ERR_CREDENTIAL_EXCLUDED: throw .alreadyRegistered
        case FIDO_ERR_NO_CREDENTIALS: throw .noCredential
        case FIDO_ERR_ACTION_TIMEOUT, FIDO_ERR_KEEPALIVE_CANCEL, FIDO_ERR_OPERATION_DENIED, FIDO_ERR_USER_ACTION_TIMEOUT:
            throw .cancelled
        default: throw .failed(String(cString: fido_strerr(code)))
        }
    }
}
