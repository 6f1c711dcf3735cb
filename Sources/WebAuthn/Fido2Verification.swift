import CFido2
import Foundation

/// A `packed` attestation verified by libfido2: `fido_cred_verify` checks the signature with the x5c certificate's
/// key, `fido_cred_verify_self` with the credential's own key (self attestation). Both check the `rpIdHash` and flags.
struct PackedAttestation {
    let rp: RelyingParty
    let key: COSEKey
    let clientDataHash: Data

    func verify(_ attestation: AttestationObject) throws(RelyingParty.Failure) {
        Fido2.initialize()
        guard let cred = fido_cred_new() else { throw .malformed("libfido2 is out of memory") }
        defer { var owned: OpaquePointer? = cred; fido_cred_free(&owned) }
        let statement = attestation.statement
        let hasCertificate = statement[text: "x5c"] != nil
        // Self attestation signs with the credential key, so its `alg` must be the key's.
        if !hasCertificate, statement[text: "alg"]?.intValue != key.algorithm.rawValue { throw .unsupportedAlgorithm }
        guard statement[text: "sig"]?.bytesValue != nil else { throw .malformed("a packed attestation has a signature") }
        do {
            try Fido2.check(fido_cred_set_type(cred, Int32(key.algorithm.rawValue)))
            try Fido2.check(Fido2.with(clientDataHash) { fido_cred_set_clientdata_hash(cred, $0, $1) })
            try Fido2.check(fido_cred_set_rp(cred, rp.id, nil))
            try Fido2.check(Fido2.with(attestation.authenticatorData.raw) { fido_cred_set_authdata_raw(cred, $0, $1) })
            try Fido2.check(fido_cred_set_uv(cred, rp.requiresUserVerification ? FIDO_OPT_TRUE : FIDO_OPT_OMIT))
            try Fido2.check(fido_cred_set_fmt(cred, "packed"))
            try Fido2.check(Fido2.with(statement.encoded()) { fido_cred_set_attstmt(cred, $0, $1) })
        } catch {
            throw .malformed("libfido2 refused the attestation: \(error)")
        }
        let result = hasCertificate ? fido_cred_verify(cred) : fido_cred_verify_self(cred)
        guard result == FIDO_OK else { throw result == FIDO_ERR_INVALID_SIG ? .badSignature : .malformed(Fido2.Failure(result).description) }
        // libfido2 decoded the key from the same authenticator data; it must be the one that will be stored.
        guard let pointer = fido_cred_pubkey_ptr(cred),
              Data(bytes: pointer, count: fido_cred_pubkey_len(cred)) == key.libfido2Key else {
            throw .malformed("the attested key could not be read")
        }
    }
}

/// An assertion signature verified by libfido2's `fido_assert_verify` with the stored key.
struct AssertionSignature {
    let rp: RelyingParty
    let key: COSEKey
    let clientDataHash: Data

    /// Verifies and returns the authenticator's signature counter.
    func verify(authenticatorData: Data, signature: Data) throws(RelyingParty.Failure) -> UInt32 {
        Fido2.initialize()
        guard let assertion = fido_assert_new() else { throw .malformed("libfido2 is out of memory") }
        defer { var owned: OpaquePointer? = assertion; fido_assert_free(&owned) }
        do {
            try Fido2.check(fido_assert_set_count(assertion, 1))
            try Fido2.check(fido_assert_set_rp(assertion, rp.id))
            try Fido2.check(Fido2.with(clientDataHash) { fido_assert_set_clientdata_hash(assertion, $0, $1) })
            try Fido2.check(Fido2.with(authenticatorData) { fido_assert_set_authdata_raw(assertion, 0, $0, $1) })
            try Fido2.check(Fido2.with(signature) { fido_assert_set_sig(assertion, 0, $0, $1) })
            try Fido2.check(fido_assert_set_up(assertion, FIDO_OPT_TRUE))
            try Fido2.check(fido_assert_set_uv(assertion, rp.requiresUserVerification ? FIDO_OPT_TRUE : FIDO_OPT_OMIT))
        } catch {
            throw .malformed("libfido2 refused the assertion: \(error)")
        }
        let result = withPublicKey { fido_assert_verify(assertion, 0, Int32(key.algorithm.rawValue), $0) }
        guard result == FIDO_OK else { throw result == FIDO_ERR_INVALID_SIG ? .badSignature : .malformed(Fido2.Failure(result).description) }
        return fido_assert_sigcount(assertion, 0)
    }

    /// Runs `body` with the key as the libfido2 `*_pk_t` its algorithm needs.
    private func withPublicKey(_ body: (UnsafeRawPointer?) -> Int32) -> Int32 {
        switch key.algorithm {
        case .es256:
            guard let pk = es256_pk_new() else { return FIDO_ERR_INTERNAL }
            defer { var owned: OpaquePointer? = pk; es256_pk_free(&owned) }
            guard Fido2.with(key.libfido2Key, { es256_pk_from_ptr(pk, $0, $1) }) == FIDO_OK else { return FIDO_ERR_INVALID_ARGUMENT }
            return body(UnsafeRawPointer(pk))
        case .edDSA:
            guard let pk = eddsa_pk_new() else { return FIDO_ERR_INTERNAL }
            defer { var owned: OpaquePointer? = pk; eddsa_pk_free(&owned) }
            guard Fido2.with(key.libfido2Key, { eddsa_pk_from_ptr(pk, $0, $1) }) == FIDO_OK else { return FIDO_ERR_INVALID_ARGUMENT }
            return body(UnsafeRawPointer(pk))
        case .rs256:
            guard let pk = rs256_pk_new() else { return FIDO_ERR_INTERNAL }
            defer { var owned: OpaquePointer? = pk; rs256_pk_free(&owned) }
            guard Fido2.with(key.libfido2Key, { rs256_pk_from_ptr(pk, $0, $1) }) == FIDO_OK else { return FIDO_ERR_INVALID_ARGUMENT }
            return body(UnsafeRawPointer(pk))
        }
    }
}
