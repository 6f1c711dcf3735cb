import FrontendAPI

/// The portal's backend on the real Frontend API client: each ``PortalBackend`` call is one FAPI endpoint
/// call, and every failure becomes the ``PortalFailure`` the machines understand.
public struct FrontendClientBackend: PortalBackend {
    public let client: FrontendClient

    public init(client: FrontendClient) {
        self.client = client
    }

    public func currentClient() async -> Client? { await client.state.client }

    public func loadEnvironment() async throws(PortalFailure) -> Environment {
        try await call { try await client.environment() }
    }

    public func loadClient() async throws(PortalFailure) -> Client? {
        try await call { try await client.refreshClient() }
    }

    public func createSignIn(_ params: SignInCreateParams) async throws(PortalFailure) -> SignIn {
        try await call {
            try await client.createSignIn(SignInParameters(
                strategy: params.strategy, identifier: params.identifier, password: params.password?.value,
                redirectURL: params.redirectURL, transfer: params.transfer ? true : nil, locale: params.locale))
        }
    }

    public func reloadSignIn(id: String) async throws(PortalFailure) -> SignIn {
        try await call { try await client.signIn(id) }
    }

    public func prepareFirstFactor(signInID: String, _ params: PrepareFactorParams) async throws(PortalFailure) -> SignIn {
        try await call { try await client.prepareFirstFactor(signInID: signInID, Self.parameters(params)) }
    }

    public func attemptFirstFactor(signInID: String, _ params: AttemptFactorParams) async throws(PortalFailure) -> SignIn {
        try await call { try await client.attemptFirstFactor(signInID: signInID, Self.parameters(params)) }
    }

    public func prepareSecondFactor(signInID: String, _ params: PrepareFactorParams) async throws(PortalFailure) -> SignIn {
        try await call { try await client.prepareSecondFactor(signInID: signInID, Self.parameters(params)) }
    }

    public func attemptSecondFactor(signInID: String, _ params: AttemptFactorParams) async throws(PortalFailure) -> SignIn {
        try await call { try await client.attemptSecondFactor(signInID: signInID, Self.parameters(params)) }
    }

    public func resetPassword(signInID: String, password: SecretText, signOutOfOtherSessions: Bool)
        async throws(PortalFailure) -> SignIn
    {
        try await call {
            try await client.resetPassword(
                signInID: signInID, password: password.value, signOutOfOtherSessions: signOutOfOtherSessions)
        }
    }

    public func createSignUp(_ params: SignUpParams) async throws(PortalFailure) -> SignUp {
        try await call { try await client.createSignUp(Self.parameters(params)) }
    }

    public func updateSignUp(id: String, _ params: SignUpParams) async throws(PortalFailure) -> SignUp {
        try await call { try await client.updateSignUp(id, Self.parameters(params)) }
    }

    public func reloadSignUp(id: String) async throws(PortalFailure) -> SignUp {
        try await call { try await client.signUp(id) }
    }

    public func prepareSignUpVerification(id: String, strategy: Strategy, redirectURL: String?)
        async throws(PortalFailure) -> SignUp
    {
        try await call { try await client.prepareSignUpVerification(signUpID: id, strategy: strategy, redirectURL: redirectURL) }
    }

    public func attemptSignUpVerification(id: String, strategy: Strategy, code: SecretText)
        async throws(PortalFailure) -> SignUp
    {
        try await call { try await client.attemptSignUpVerification(signUpID: id, strategy: strategy, code: code.value) }
    }

    public func touchSession(id: String, intent: TouchIntent) async throws(PortalFailure) -> Session {
        try await call { try await client.touchSession(id, activeOrganizationID: nil, intent: intent) }
    }

    public func removeSession(id: String) async throws(PortalFailure) -> Session {
        try await call { try await client.removeSession(id) }
    }

    public func signOutAll() async throws(PortalFailure) -> Client? {
        try await call { try await client.signOutAll() }
    }

    // MARK: Translation

    /// Runs one client call and maps its failure: an error body stays a Clerk error, anything without one
    /// (no connection, timeout, unreadable response) is "unavailable", which the machines offer to retry.
    func call<T>(_ body: () async throws -> T) async throws(PortalFailure) -> T {
        do {
            return try await body()
        } catch let error as APIError {
            let retryAfter = error.retryAfter.map { Int($0.components.seconds.clamped(to: 1...3600)) }
            throw .api(status: error.status, errors: error.errors, retryAfter: retryAfter)
        } catch let error as TransportError {
            throw .unavailable(reason: error.message)
        } catch let error as ResponseError {
            throw .unavailable(reason: error.description)
        } catch {
            throw .unavailable(reason: "\(error)")
        }
    }

    static func parameters(_ params: PrepareFactorParams) -> PrepareFactorParameters {
        PrepareFactorParameters(
            strategy: params.strategy, emailAddressID: params.emailAddressID, phoneNumberID: params.phoneNumberID,
            redirectURL: params.redirectURL)
    }

    static func parameters(_ params: AttemptFactorParams) -> AttemptFactorParameters {
        AttemptFactorParameters(strategy: params.strategy, code: params.code?.value, password: params.password?.value)
    }

    private static func parameters(_ params: SignUpParams) -> SignUpParameters {
        SignUpParameters(
            transfer: params.transfer, password: params.password?.value, firstName: params.firstName,
            lastName: params.lastName, username: params.username, emailAddress: params.emailAddress,
            phoneNumber: params.phoneNumber, legalAccepted: params.legalAccepted, locale: params.locale)
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
