/// The one current ``Client`` of an instance, as last reported by the Frontend API.
///
/// Every response that carries a client (piggy-backed `client`, the `response` of `/v1/client` calls,
/// `meta.client` of an error) is applied here, in arrival order. The portal watches ``updates()``.
public actor ClientState {
    public private(set) var client: Client?
    private var watchers: [Int: AsyncStream<Client?>.Continuation] = [:]
    private var nextWatcher = 0

    public init(client: Client? = nil) {
        self.client = client
    }

    /// The current client first, then every change. Each call returns an independent stream; it ends
    /// when the consumer stops iterating.
    public func updates() -> AsyncStream<Client?> {
        let (stream, continuation) = AsyncStream.makeStream(of: Client?.self, bufferingPolicy: .bufferingNewest(8))
        let id = nextWatcher
        nextWatcher += 1
        watchers[id] = continuation
        continuation.yield(client)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeWatcher(id) }
        }
        return stream
    }

    /// The session `last_active_session_id` points at.
    public var activeSession: Session? { client?.lastActiveSession }

    /// Replaces the client (nil: the instance has no client for this device) and notifies watchers when
    /// it changed; returns whether it did.
    @discardableResult
    func apply(_ newClient: Client?) -> Bool {
        guard newClient != client else { return false }
        client = newClient
        for watcher in watchers.values { watcher.yield(newClient) }
        return true
    }

    private func removeWatcher(_ id: Int) {
        watchers[id] = nil
    }
}
