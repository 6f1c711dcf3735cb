import FrontendAPI
import Portal

/// A backend that answers from a script: each call goes to `respond` with the current client, which
/// returns the outcome and the client as the call leaves it. Stands in for the FAPI client in screen
/// tests (the real client is exercised end to end against the local server).
actor ScriptedBackend: PortalBackend {
    typealias Responder = @Sendable (BackendCall, Client?) -> (BackendOutcome, Client?)

    private var client: Client?
    private let respond: Responder
    private(set) var calls: [BackendCall] = []

    init(client: Client? = nil, respond: @escaping Responder) {
        self.client = client
        self.respond = respond
    }

    func currentClient() async -> Client? { client }

    private func perform(_ call: BackendCall) throws(PortalFailure) -> BackendResult {
        calls.append(call)
        let (outcome, newClient) = respond(call, client)
        client = newClient
        return try outcome.get()
    }

    private func value<T>(_ call: BackendCall, _ extract: (BackendResult) -> T?) throws(PortalFailure) -> T {
        guard let value = extract(try perform(call)) else { throw .unavailable(reason: "script returned the wrong type") }
        return value
    }

    func loadEnvironment() throws(PortalFailure) -> Environment {
        try value(.loadEnvironment) { if case .environment(let e) = $0 { e } else { nil } }
    }
    func loadClient() throws(PortalFailure) -> Client? {
        try value(.loadClient) { if case .client(let c) = $0 { .some(c) } else { nil } } ?? nil
    }
    func createSignIn(_ params: SignInCreateParams) throws(PortalFailure) -> SignIn {
        try value(.createSignIn(params), \.signIn)
    }
    func reloadSignIn(id: String) throws(PortalFailure) -> SignIn { try value(.reloadSignIn(id: id), \.signIn) }
    func prepareFirstFactor(signInID: String, _ params: PrepareFactorParams) throws(PortalFailure) -> SignIn {
        try value(.prepareFirstFactor(signInID: signInID, params), \.signIn)
    }
    func attemptFirstFactor(signInID: String, _ params: AttemptFactorParams) throws(PortalFailure) -> SignIn {
        try value(.attemptFirstFactor(signInID: signInID, params), \.signIn)
    }
    func prepareSecondFactor(signInID: String, _ params: PrepareFactorParams) throws(PortalFailure) -> SignIn {
        try value(.prepareSecondFactor(signInID: signInID, params), \.signIn)
    }
    func attemptSecondFactor(signInID: String, _ params: AttemptFactorParams) throws(PortalFailure) -> SignIn {
        try value(.attemptSecondFactor(signInID: signInID, params), \.signIn)
    }
    func resetPassword(signInID: String, password: SecretText, signOutOfOtherSessions: Bool) throws(PortalFailure)
        -> SignIn
    {
        try value(.resetPassword(signInID: signInID, password: password, signOutOfOtherSessions: signOutOfOtherSessions), \.signIn)
    }
    func createSignUp(_ params: SignUpParams) throws(PortalFailure) -> SignUp { try value(.createSignUp(params), \.signUp) }
    func updateSignUp(id: String, _ params: SignUpParams) throws(PortalFailure) -> SignUp {
        try value(.updateSignUp(id: id, params), \.signUp)
    }
    func reloadSignUp(id: String) throws(PortalFailure) -> SignUp { try value(.reloadSignUp(id: id), \.signUp) }
    func prepareSignUpVerification(id: String, strategy: Strategy, redirectURL: String?) throws(PortalFailure) -> SignUp {
        try value(.prepareSignUpVerification(id: id, strategy: strategy, redirectURL: redirectURL), \.signUp)
    }
    func attemptSignUpVerification(id: String, strategy: Strategy, code: SecretText) throws(PortalFailure) -> SignUp {
        try value(.attemptSignUpVerification(id: id, strategy: strategy, code: code), \.signUp)
    }
    func touchSession(id: String, intent: TouchIntent) throws(PortalFailure) -> Session {
        try value(.touchSession(id: id, intent: intent), \.session)
    }
    func removeSession(id: String) throws(PortalFailure) -> Session { try value(.removeSession(id: id), \.session) }
    func signOutAll() throws(PortalFailure) -> Client? {
        try value(.signOutAll) { if case .client(let c) = $0 { .some(c) } else { nil } } ?? nil
    }
    func profile(sessionID: String, _ call: ProfileCall) throws(PortalFailure) -> BackendResult {
        try perform(.profile(sessionID: sessionID, call))
    }
}
