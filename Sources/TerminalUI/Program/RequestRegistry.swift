/// Tracks the latest run per key, so a superseded or cancelled run's late result is dropped
/// (the request-id pattern of bubbles' spinner tags, applied to async work).
struct RequestRegistry {
    private var latest: [String: Int] = [:]
    private var nextID = 0

    /// Registers a new run under `key` and returns its id; any older run under `key` is now stale.
    mutating func begin(key: String?) -> Int {
        nextID += 1
        if let key { latest[key] = nextID }
        return nextID
    }

    /// Forgets `key`: whatever is in flight under it is stale.
    mutating func cancel(key: String) {
        latest[key] = nil
    }

    /// Whether a result from run `id` under `key` should reach the model; finishing clears the key.
    mutating func finish(key: String?, id: Int) -> Bool {
        guard let key else { return true }
        guard latest[key] == id else { return false }
        latest[key] = nil
        return true
    }
}
