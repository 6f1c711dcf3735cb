import FrontendAPI

extension BackendCall {
    /// Performs the call with `client`: the call's one mapping to a client method.
    func perform(with client: FrontendClient) async throws -> BackendResult {
        switch self {
        case .loadEnvironment: .environment(try await client.environment())
        case .loadClient: .client(try await client.refreshClient())
        case .createSignIn(let parameters): .signIn(try await client.createSignIn(parameters))
        case .reloadSignIn(let id): .signIn(try await client.signIn(id))
        case .prepareFirstFactor(let id, let parameters):
            .signIn(try await client.prepareFirstFactor(signInID: id, parameters))
        case .attemptFirstFactor(let id, let parameters):
            .signIn(try await client.attemptFirstFactor(signInID: id, parameters))
        case .prepareSecondFactor(let id, let parameters):
            .signIn(try await client.prepareSecondFactor(signInID: id, parameters))
        case .attemptSecondFactor(let id, let parameters):
            .signIn(try await client.attemptSecondFactor(signInID: id, parameters))
        case .resetPassword(let id, let password, let signOut):
            .signIn(try await client.resetPassword(signInID: id, password: password, signOutOfOtherSessions: signOut))
        case .createSignUp(let parameters): .signUp(try await client.createSignUp(parameters))
        case .updateSignUp(let id, let parameters): .signUp(try await client.updateSignUp(id, parameters))
        case .reloadSignUp(let id): .signUp(try await client.signUp(id))
        case .prepareSignUpVerification(let id, let strategy, let redirectURL):
            .signUp(try await client.prepareSignUpVerification(signUpID: id, strategy: strategy, redirectURL: redirectURL))
        case .attemptSignUpVerification(let id, let strategy, let code):
            .signUp(try await client.attemptSignUpVerification(signUpID: id, strategy: strategy, code: code))
        case .joinWaitlist(let email): try await done { _ = try await client.joinWaitlist(emailAddress: email) }
        case .touchSession(let id, let intent):
            .session(try await client.touchSession(id, activeOrganizationID: nil, intent: intent))
        case .removeSession(let id): .session(try await client.removeSession(id))
        case .signOutAll: .client(try await client.signOutAll())
        case .selectOrganization(let id, let organizationID):
            .session(try await client.touchSession(id, activeOrganizationID: organizationID ?? "", intent: .selectOrganization))
        case .profile(let sessionID, let call): try await call.perform(with: client, sessionID: sessionID)
        case .organizations(let sessionID, let call): try await call.perform(with: client, sessionID: sessionID)
        case .organization(let sessionID, let organizationID, let call):
            try await call.perform(with: client, sessionID: sessionID, organizationID: organizationID)
        case .authenticator: throw PortalFailure.authenticator(.unavailable)
        case .billing(let sessionID, let payer, let call): try await call.perform(with: client, sessionID: sessionID, payer: payer)
        case .apiKeys(let sessionID, let call): try await call.perform(with: client, sessionID: sessionID)
        }
    }
}

/// A call whose answer the flows do not read.
func done(_ body: () async throws -> some Sendable) async throws -> BackendResult {
    _ = try await body()
    return .done
}
