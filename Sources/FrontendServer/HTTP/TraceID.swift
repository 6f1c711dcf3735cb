import Synchronization

/// A request's `clerk_trace_id`, drawn the first time an error body or a log line needs it: most answers never show
/// one, and drawing it (a `getrandom` call) cost about 2% of a `GET /v1/client`.
final class TraceID: Sendable {
    private let drawn = Mutex<String?>(nil)

    var value: String {
        drawn.withLock { id in
            if let id { return id }
            let new = RandomToken.base62(24)
            id = new
            return new
        }
    }
}
