/// TOTP, backup codes and passkeys of the signed-in user.
extension FrontendClient {
    /// `POST /v1/me/totp`: a new, unverified TOTP secret and `otpauth://` URI.
    public func createTOTP(sessionID: String? = nil) async throws -> TOTP {
        try await send(Endpoint(.post, "/v1/me/totp", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/totp/attempt_verification`: verifies the authenticator; the response carries the
    /// backup codes to show once.
    public func verifyTOTP(code: SecretText, sessionID: String? = nil) async throws -> TOTP {
        try await send(Endpoint(.post, "/v1/me/totp/attempt_verification", body: ["code": .string(code.value)],
                                sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/totp`.
    @discardableResult
    public func deleteTOTP(sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me/totp", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/backup_codes`: replaces the backup codes.
    public func createBackupCodes(sessionID: String? = nil) async throws -> BackupCode {
        try await send(Endpoint(.post, "/v1/me/backup_codes", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/passkeys`: starts a registration; the verification's `nonce` holds the creation options.
    public func createPasskey(sessionID: String? = nil) async throws -> Passkey {
        try await send(Endpoint(.post, "/v1/me/passkeys", sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/passkeys/{id}`.
    public func passkey(_ id: String, sessionID: String? = nil) async throws -> Passkey {
        try await send(Endpoint(.get, "/v1/me/passkeys/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/me/passkeys/{id}`: renames it.
    public func renamePasskey(_ id: String, name: String, sessionID: String? = nil) async throws -> Passkey {
        try await send(Endpoint(.patch, "/v1/me/passkeys/\(segment(id))", body: ["name": .string(name)],
                                sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/passkeys/{id}`.
    @discardableResult
    public func deletePasskey(_ id: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me/passkeys/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/passkeys/{id}/attempt_verification` with the attestation as a JSON string.
    public func attemptPasskeyVerification(
        _ id: String, publicKeyCredential: String, sessionID: String? = nil
    ) async throws -> Passkey {
        try await send(Endpoint(.post, "/v1/me/passkeys/\(segment(id))/attempt_verification", body: [
            "strategy": .string(Strategy.passkey.rawValue), "public_key_credential": .string(publicKeyCredential),
        ], sessionScope: .me(sessionID)))
    }
}
