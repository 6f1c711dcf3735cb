import Foundation

/// The fields of `PATCH /v1/me`. Nil fields are not sent.
public struct UserUpdateParameters: Encodable, Sendable, Equatable {
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var primaryEmailAddressId: String?
    public var primaryPhoneNumberId: String?
    public var primaryWeb3WalletId: String?
    public var unsafeMetadata: JSONObject?

    public init(
        username: String? = nil, firstName: String? = nil, lastName: String? = nil,
        primaryEmailAddressID: String? = nil, primaryPhoneNumberID: String? = nil, primaryWeb3WalletID: String? = nil,
        unsafeMetadata: JSONObject? = nil
    ) {
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        primaryEmailAddressId = primaryEmailAddressID
        primaryPhoneNumberId = primaryPhoneNumberID
        primaryWeb3WalletId = primaryWeb3WalletID
        self.unsafeMetadata = unsafeMetadata
    }
}

/// Calls on the signed-in user (`/v1/me*`). Each takes the session to act for; nil means the active
/// session, sent as `_clerk_session_id`.
extension FrontendClient {
    /// `GET /v1/me`.
    public func user(sessionID: String? = nil) async throws -> User {
        try await send(Endpoint(.get, "/v1/me", sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/me`.
    public func updateUser(_ parameters: UserUpdateParameters, sessionID: String? = nil) async throws -> User {
        try await send(Endpoint(.patch, "/v1/me", body: FormEncoder().encode(parameters), sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me`: deletes the user's account.
    @discardableResult
    public func deleteUser(sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me", sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/me/metadata`: deep-merges `unsafeMetadata` into the user's.
    public func updateUserMetadata(unsafeMetadata: JSONObject, sessionID: String? = nil) async throws -> User {
        try await send(Endpoint(.patch, "/v1/me/metadata", body: ["unsafe_metadata": .json(.object(unsafeMetadata))],
                                sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/tokens`: a token for `service` (bare Token).
    public func serviceToken(service: String, sessionID: String? = nil) async throws -> Token {
        try await send(Endpoint(.post, "/v1/me/tokens", body: ["service": .string(service)], envelope: .bare,
                                sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/profile_image`: uploads `image` (multipart `file`). Returns the image object.
    public func updateProfileImage(_ image: Data, contentType: String, sessionID: String? = nil) async throws -> JSONValue {
        var endpoint = Endpoint<JSONValue>(.post, "/v1/me/profile_image", sessionScope: .me(sessionID))
        endpoint.attachImage(image, contentType: contentType, fileName: "profile")
        return try await send(endpoint)
    }

    /// `DELETE /v1/me/profile_image`.
    @discardableResult
    public func deleteProfileImage(sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me/profile_image", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/change_password`.
    public func changePassword(
        currentPassword: SecretText?, newPassword: SecretText, signOutOfOtherSessions: Bool? = nil, sessionID: String? = nil
    ) async throws -> User {
        try await send(Endpoint(.post, "/v1/me/change_password", body: [
            "current_password": currentPassword.map { .string($0.value) }, "new_password": .string(newPassword.value),
            "sign_out_of_other_sessions": signOutOfOtherSessions.map(FormValue.bool),
        ], sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/remove_password`.
    public func removePassword(currentPassword: SecretText, sessionID: String? = nil) async throws -> User {
        try await send(Endpoint(.post, "/v1/me/remove_password", body: ["current_password": .string(currentPassword.value)],
                                sessionScope: .me(sessionID)))
    }
}
