import FrontendAPI

/// One call of the UserProfile flows on the signed-in user (`/v1/me*`) or on the session's reverification
/// (`/v1/client/sessions/{id}/verify*`). Each case is exactly one endpoint; ``BackendCall/profile(sessionID:_:)``
/// names the session it acts for, and ``perform(with:sessionID:)`` maps it to the client.
public enum ProfileCall: Equatable, Sendable {
    /// `GET /v1/me`
    case loadUser
    /// `PATCH /v1/me`: only the non-nil fields are sent.
    case updateUser(UserUpdateParameters)
    /// `POST /v1/me/profile_image` with the image file at `path` (read by the backend, size and type checked).
    case setProfileImage(path: String)
    /// `DELETE /v1/me/profile_image`
    case deleteProfileImage
    /// `POST /v1/me/email_addresses`
    case createEmailAddress(String)
    /// `POST /v1/me/email_addresses/{id}/prepare_verification` (`email_code`)
    case prepareEmailVerification(id: String)
    /// `POST /v1/me/email_addresses/{id}/attempt_verification`
    case attemptEmailVerification(id: String, code: SecretText)
    /// `DELETE /v1/me/email_addresses/{id}`
    case deleteEmailAddress(id: String)
    /// `POST /v1/me/phone_numbers`
    case createPhoneNumber(String)
    /// `POST /v1/me/phone_numbers/{id}/prepare_verification` (`phone_code`)
    case preparePhoneVerification(id: String)
    /// `POST /v1/me/phone_numbers/{id}/attempt_verification`
    case attemptPhoneVerification(id: String, code: SecretText)
    /// `PATCH /v1/me/phone_numbers/{id}`: its use as a second factor.
    case updatePhoneNumber(id: String, reservedForSecondFactor: Bool?, defaultSecondFactor: Bool?)
    /// `DELETE /v1/me/phone_numbers/{id}`
    case deletePhoneNumber(id: String)
    /// `POST /v1/me/external_accounts`: starts connecting a social provider (`oauth_google`).
    case createExternalAccount(strategy: Strategy, redirectURL: String)
    /// `PATCH /v1/me/external_accounts/{id}/reauthorize`
    case reauthorizeExternalAccount(id: String, redirectURL: String)
    /// `DELETE /v1/me/external_accounts/{id}`
    case deleteExternalAccount(id: String)
    /// `POST /v1/me/change_password`
    case changePassword(current: SecretText?, new: SecretText, signOutOfOtherSessions: Bool)
    /// `POST /v1/me/totp`
    case createTOTP
    /// `POST /v1/me/totp/attempt_verification`
    case verifyTOTP(code: SecretText)
    /// `DELETE /v1/me/totp`
    case deleteTOTP
    /// `POST /v1/me/backup_codes`
    case createBackupCodes
    /// `POST /v1/me/passkeys`: a registration whose verification's `nonce` holds the creation options.
    case createPasskey
    /// `POST /v1/me/passkeys/{id}/attempt_verification` with the authenticator's credential JSON.
    case attemptPasskeyVerification(id: String, publicKeyCredential: String)
    /// `PATCH /v1/me/passkeys/{id}`
    case renamePasskey(id: String, name: String)
    /// `DELETE /v1/me/passkeys/{id}`
    case deletePasskey(id: String)
    /// `GET /v1/me/sessions/active`
    case activeSessions
    /// `POST /v1/me/sessions/{id}/revoke`
    case revokeSession(id: String)
    /// `DELETE /v1/me`
    case deleteUser
    /// `POST /v1/client/sessions/{id}/verify`
    case startVerification(level: SessionVerification.Level)
    /// `POST /v1/client/sessions/{id}/verify/prepare_first_factor` or `…/prepare_second_factor`
    case prepareVerification(secondFactor: Bool, PrepareFactorParameters)
    /// `POST /v1/client/sessions/{id}/verify/attempt_first_factor` or `…/attempt_second_factor`
    case attemptVerification(secondFactor: Bool, AttemptFactorParameters)
}
