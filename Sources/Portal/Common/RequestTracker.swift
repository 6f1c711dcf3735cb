import FrontendAPI

/// What a tracked request asks the runtime to do, answered by a `response` event with the request's id.
public enum TrackedRequest: Equatable, Sendable {
    case call(BackendCall)
    /// Write a file readable only by the user.
    case saveFile(path: String, contents: SecretText)
    case removeFile(path: String)
}

/// The requests one flow machine has sent and not yet seen answered, each with what it was for.
///
/// `send` numbers a request in the machine's scope; `answered` hands back what an answer is for, once, and nil for a
/// request the machine has since forgotten (its card was left), so a late answer never reaches the wrong step.
/// `unavailable` keeps the call that met an unreachable server, for "Try again".
public struct RequestTracker<Purpose: Equatable & Sendable>: Equatable, Sendable {
    /// A request and its purpose.
    public struct Pending: Equatable, Sendable {
        public let request: Request
        public let purpose: Purpose
        /// Sent again after the user re-verified: a second `session_reverification_required` is an error, not a loop.
        public internal(set) var isReverifiedRetry = false
    }

    public typealias Request = TrackedRequest

    private var counter: RequestCounter
    private var inFlight: [RequestID: Pending] = [:]
    /// The call that met an unreachable server, offered again by "Try again".
    public internal(set) var unavailable: Pending?

    public init(scope: Int) { counter = RequestCounter(scope: scope) }

    /// The machine instance's scope, shared by its requests and timers.
    public var scope: Int { counter.scope }

    /// The timer of `kind` in this machine's scope.
    public func timer(_ kind: TimerID.Kind) -> TimerID { TimerID(scope: scope, kind: kind) }

    /// Whether any request is on its way.
    public var isEmpty: Bool { inFlight.isEmpty }

    /// The purposes of the requests on their way.
    public var purposes: [Purpose] { inFlight.values.map(\.purpose) }

    /// Whether a request on its way is for `purpose`.
    public func contains(_ purpose: Purpose) -> Bool { contains { $0 == purpose } }

    /// Whether a request on its way is for a purpose matching `predicate`.
    public func contains(where predicate: (Purpose) -> Bool) -> Bool {
        inFlight.values.contains { predicate($0.purpose) }
    }

    /// Sends `call` for `purpose`.
    public mutating func send<Outcome>(_ call: BackendCall, _ purpose: Purpose) -> FlowEffect<Outcome> {
        send(Pending(request: .call(call), purpose: purpose))
    }

    /// Sends `request` (a call, or a file written or removed) for `purpose`.
    public mutating func send<Outcome>(_ request: Request, _ purpose: Purpose) -> FlowEffect<Outcome> {
        send(Pending(request: request, purpose: purpose))
    }

    /// Sends a request: a new one, or one again (after reverification, or "Try again").
    public mutating func send<Outcome>(_ pending: Pending) -> FlowEffect<Outcome> {
        let id = counter.next()
        inFlight[id] = pending
        return switch pending.request {
        case .call(let call): .call(id, call)
        case .saveFile(let path, let contents): .saveFile(id, path: path, contents: contents)
        case .removeFile(let path): .removeFile(id, path: path)
        }
    }

    /// What the answer `id` is for, taken once; nil if the request was forgotten.
    public mutating func answered(_ id: RequestID) -> Pending? { inFlight.removeValue(forKey: id) }

    /// "Try again": sends the call that met an unreachable server, once.
    public mutating func retry<Outcome>() -> FlowEffect<Outcome>? {
        guard let pending = unavailable else { return nil }
        unavailable = nil
        return send(pending)
    }

    /// Drops the requests whose purpose matches `predicate`: their answers will be ignored.
    public mutating func forget(where predicate: (Purpose) -> Bool) {
        inFlight = inFlight.filter { !predicate($0.value.purpose) }
    }

    /// Drops every request on its way.
    public mutating func forgetAll() { inFlight = [:] }
}
