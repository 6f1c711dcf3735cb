import Foundation

extension FrontendClient {
    /// `POST /v1/client/sign_ins`. Creates the client (and its token) when the device has none.
    public func createSignIn(_ parameters: SignInParameters) async throws -> SignIn {
        try await send(Endpoint(.post, "/v1/client/sign_ins", body: FormEncoder().encode(parameters)))
    }

    /// `GET /v1/client/sign_ins/{id}`, with the `rotating_token_nonce` from an OAuth callback if any.
    public func signIn(_ id: String, rotatingTokenNonce: String? = nil) async throws -> SignIn {
        let query = rotatingTokenNonce.map { [(name: "rotating_token_nonce", value: $0)] } ?? []
        return try await send(Endpoint(.get, "/v1/client/sign_ins/\(segment(id))", query: query))
    }

    /// `POST /v1/client/sign_ins/{id}/prepare_first_factor`.
    public func prepareFirstFactor(signInID: String, _ parameters: PrepareFactorParameters) async throws -> SignIn {
        try await signInAction(signInID, "prepare_first_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sign_ins/{id}/attempt_first_factor`.
    public func attemptFirstFactor(signInID: String, _ parameters: AttemptFactorParameters) async throws -> SignIn {
        try await signInAction(signInID, "attempt_first_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sign_ins/{id}/prepare_second_factor`.
    public func prepareSecondFactor(signInID: String, _ parameters: PrepareFactorParameters) async throws -> SignIn {
        try await signInAction(signInID, "prepare_second_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sign_ins/{id}/attempt_second_factor`.
    public func attemptSecondFactor(signInID: String, _ parameters: AttemptFactorParameters) async throws -> SignIn {
        try await signInAction(signInID, "attempt_second_factor", FormEncoder().encode(parameters))
    }

    /// `POST /v1/client/sign_ins/{id}/reset_password`, after a verified reset code.
    public func resetPassword(signInID: String, password: SecretText, signOutOfOtherSessions: Bool? = nil) async throws -> SignIn {
        try await signInAction(signInID, "reset_password", [
            "password": .string(password.value), "sign_out_of_other_sessions": signOutOfOtherSessions.map(FormValue.bool),
        ])
    }

    private func signInAction(_ id: String, _ action: String, _ body: FormFields) async throws -> SignIn {
        try await send(Endpoint(.post, "/v1/client/sign_ins/\(segment(id))/\(action)", body: body))
    }
}
