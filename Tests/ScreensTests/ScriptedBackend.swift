import FrontendAPI
import Portal

/// Answers calls from a script: each call goes to `respond` with the current client, which returns the outcome and
/// the client as the call leaves it. Stands in for the FAPI client in screen tests (the real client is exercised end
/// to end against the local server); `backend` hands its closures to the screen.
actor ScriptedBackend {
    typealias Responder = @Sendable (BackendCall, Client?) -> (BackendOutcome, Client?)

    private var client: Client?
    private let respond: Responder
    private(set) var calls: [BackendCall] = []

    init(client: Client? = nil, respond: @escaping Responder) {
        self.client = client
        self.respond = respond
    }

    nonisolated var backend: Backend {
        Backend(perform: { await self.perform($0) }, currentClient: { await self.client })
    }

    private func perform(_ call: BackendCall) -> BackendOutcome {
        calls.append(call)
        let (outcome, newClient) = respond(call, client)
        client = newClient
        return outcome
    }
}
