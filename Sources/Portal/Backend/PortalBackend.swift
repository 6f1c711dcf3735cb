import FrontendAPI

/// What the portal runtime needs from a Frontend API client: one method per ``BackendCall``.
///
/// The real client conforms with a thin adapter; every method applies the piggy-backed `client` of the
/// response to its own client state before returning, and ``currentClient()`` reads that state, so the
/// runtime can send ``PortalMachine`` a `clientChanged` event before each answer.
public protocol PortalBackend: Sendable {
    /// The client as the last response left it (`nil` when there is none).
    func currentClient() async -> Client?

    func loadEnvironment() async throws(PortalFailure) -> Environment
    func loadClient() async throws(PortalFailure) -> Client?

    func createSignIn(_ params: SignInCreateParams) async throws(PortalFailure) -> SignIn
    func reloadSignIn(id: String) async throws(PortalFailure) -> SignIn
    func prepareFirstFactor(signInID: String, _ params: PrepareFactorParams) async throws(PortalFailure) -> SignIn
    func attemptFirstFactor(signInID: String, _ params: AttemptFactorParams) async throws(PortalFailure) -> SignIn
    func prepareSecondFactor(signInID: String, _ params: PrepareFactorParams) async throws(PortalFailure) -> SignIn
    func attemptSecondFactor(signInID: String, _ params: AttemptFactorParams) async throws(PortalFailure) -> SignIn
    func resetPassword(signInID: String, password: SecretText, signOutOfOtherSessions: Bool)
        async throws(PortalFailure) -> SignIn

    func createSignUp(_ params: SignUpParams) async throws(PortalFailure) -> SignUp
    func updateSignUp(id: String, _ params: SignUpParams) async throws(PortalFailure) -> SignUp
    func reloadSignUp(id: String) async throws(PortalFailure) -> SignUp
    func prepareSignUpVerification(id: String, strategy: Strategy, redirectURL: String?)
        async throws(PortalFailure) -> SignUp
    func attemptSignUpVerification(id: String, strategy: Strategy, code: SecretText)
        async throws(PortalFailure) -> SignUp

    func touchSession(id: String, intent: TouchIntent) async throws(PortalFailure) -> Session
    func removeSession(id: String) async throws(PortalFailure) -> Session
    func signOutAll() async throws(PortalFailure) -> Client?
    /// Performs one UserProfile call for `sessionID`.
    func profile(sessionID: String, _ call: ProfileCall) async throws(PortalFailure) -> BackendResult
}

extension BackendCall {
    /// Performs the call on `backend`; the runtime sends the result back as a `response` event.
    public func perform(on backend: some PortalBackend) async -> BackendOutcome {
        do {
            return .success(try await dispatch(to: backend))
        } catch {
            return .failure(error)
        }
    }

    private func dispatch(to backend: some PortalBackend) async throws(PortalFailure) -> BackendResult {
        switch self {
        case .loadEnvironment:
            .environment(try await backend.loadEnvironment())
        case .loadClient:
            .client(try await backend.loadClient())
        case .createSignIn(let params):
            .signIn(try await backend.createSignIn(params))
        case .reloadSignIn(let id):
            .signIn(try await backend.reloadSignIn(id: id))
        case .prepareFirstFactor(let id, let params):
            .signIn(try await backend.prepareFirstFactor(signInID: id, params))
        case .attemptFirstFactor(let id, let params):
            .signIn(try await backend.attemptFirstFactor(signInID: id, params))
        case .prepareSecondFactor(let id, let params):
            .signIn(try await backend.prepareSecondFactor(signInID: id, params))
        case .attemptSecondFactor(let id, let params):
            .signIn(try await backend.attemptSecondFactor(signInID: id, params))
        case .resetPassword(let id, let password, let signOut):
            .signIn(try await backend.resetPassword(signInID: id, password: password, signOutOfOtherSessions: signOut))
        case .createSignUp(let params):
            .signUp(try await backend.createSignUp(params))
        case .updateSignUp(let id, let params):
            .signUp(try await backend.updateSignUp(id: id, params))
        case .reloadSignUp(let id):
            .signUp(try await backend.reloadSignUp(id: id))
        case .prepareSignUpVerification(let id, let strategy, let redirectURL):
            .signUp(try await backend.prepareSignUpVerification(id: id, strategy: strategy, redirectURL: redirectURL))
        case .attemptSignUpVerification(let id, let strategy, let code):
            .signUp(try await backend.attemptSignUpVerification(id: id, strategy: strategy, code: code))
        case .touchSession(let id, let intent):
            .session(try await backend.touchSession(id: id, intent: intent))
        case .removeSession(let id):
            .session(try await backend.removeSession(id: id))
        case .signOutAll:
            .client(try await backend.signOutAll())
        case .profile(let sessionID, let call):
            try await backend.profile(sessionID: sessionID, call)
        }
    }
}
