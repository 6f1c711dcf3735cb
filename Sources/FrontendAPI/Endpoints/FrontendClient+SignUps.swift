extension FrontendClient {
    /// `POST /v1/client/sign_ups`. Creates the client (and its token) when the device has none.
    public func createSignUp(_ parameters: SignUpParameters) async throws -> SignUp {
        try await send(Endpoint(.post, "/v1/client/sign_ups", body: FormEncoder().encode(parameters)))
    }

    /// `GET /v1/client/sign_ups/{id}`, with the `rotating_token_nonce` from an OAuth callback if any.
    public func signUp(_ id: String, rotatingTokenNonce: String? = nil) async throws -> SignUp {
        let query = rotatingTokenNonce.map { [(name: "rotating_token_nonce", value: $0)] } ?? []
        return try await send(Endpoint(.get, "/v1/client/sign_ups/\(segment(id))", query: query))
    }

    /// `PATCH /v1/client/sign_ups/{id}`: supplies missing fields.
    public func updateSignUp(_ id: String, _ parameters: SignUpParameters) async throws -> SignUp {
        try await send(Endpoint(.patch, "/v1/client/sign_ups/\(segment(id))", body: FormEncoder().encode(parameters)))
    }

    /// `POST /v1/client/sign_ups/{id}/prepare_verification`, e.g. `strategy: .emailCode`.
    public func prepareSignUpVerification(
        signUpID: String, strategy: Strategy, redirectURL: String? = nil, actionCompleteRedirectURL: String? = nil
    ) async throws -> SignUp {
        try await send(Endpoint(.post, "/v1/client/sign_ups/\(segment(signUpID))/prepare_verification", body: [
            "strategy": .string(strategy.rawValue), "redirect_url": redirectURL.map(FormValue.string),
            "action_complete_redirect_url": actionCompleteRedirectURL.map(FormValue.string),
        ]))
    }

    /// `POST /v1/client/sign_ups/{id}/attempt_verification` with the received code.
    public func attemptSignUpVerification(
        signUpID: String, strategy: Strategy, code: SecretText? = nil, signature: String? = nil, token: String? = nil
    ) async throws -> SignUp {
        try await send(Endpoint(.post, "/v1/client/sign_ups/\(segment(signUpID))/attempt_verification", body: [
            "strategy": .string(strategy.rawValue), "code": code.map { .string($0.value) },
            "signature": signature.map(FormValue.string), "token": token.map(FormValue.string),
        ]))
    }
}
