import FrontendAPI

/// Performs the calls the machines ask for. ``frontend(_:)`` performs them with the Frontend API client; a test
/// passes its own closures.
///
/// `perform` answers every call, failures included, so the runtime only relays answers. `currentClient` is the
/// client as the last answer left it: the runtime sends it to ``PortalMachine`` before each answer.
public struct Backend: Sendable {
    public var perform: @Sendable (BackendCall) async -> BackendOutcome
    public var currentClient: @Sendable () async -> Client?

    public init(
        perform: @escaping @Sendable (BackendCall) async -> BackendOutcome,
        currentClient: @escaping @Sendable () async -> Client?
    ) {
        self.perform = perform
        self.currentClient = currentClient
    }

    /// Calls the Frontend API with `client`, whose state follows every piggy-backed client; `authenticator`
    /// performs passkey ceremonies (none: they fail with `passkey_not_supported`).
    public static func frontend(
        _ client: FrontendClient, authenticator: (@Sendable (AuthenticatorCall) async -> BackendOutcome)? = nil
    ) -> Backend {
        Backend(
            perform: { call in
                if case .authenticator(let ceremony) = call {
                    return await authenticator?(ceremony) ?? .failure(.authenticator(.unavailable))
                }
                do {
                    return .success(try await call.perform(with: client))
                } catch {
                    return .failure(PortalFailure(error))
                }
            },
            currentClient: { await client.state.client })
    }
}
