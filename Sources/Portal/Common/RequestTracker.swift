/// The backend calls one flow machine has sent and not yet seen answered, each with what it was for.
///
/// `send` numbers a call in the machine's scope; `answered` hands back what an answer is for, once, and nil for a
/// call the machine has since forgotten (its card was left), so a late answer never reaches the wrong step.
/// `unavailable` keeps the call that met an unreachable server, for "Try again".
public struct RequestTracker<Purpose: Equatable & Sendable>: Equatable, Sendable {
    /// A call and its purpose.
    public struct Pending: Equatable, Sendable {
        public let call: BackendCall
        public let purpose: Purpose
        /// Sent again after the user re-verified: a second `session_reverification_required` is an error, not a loop.
        public internal(set) var isReverifiedRetry = false
    }

    private var counter: RequestCounter
    private var inFlight: [RequestID: Pending] = [:]
    /// The call that met an unreachable server, offered again by "Try again".
    public internal(set) var unavailable: Pending?

    public init(scope: Int) { counter = RequestCounter(scope: scope) }

    /// The machine instance's scope, shared by its requests and timers.
    public var scope: Int { counter.scope }

    /// The timer of `kind` in this machine's scope.
    public func timer(_ kind: TimerID.Kind) -> TimerID { TimerID(scope: scope, kind: kind) }

    /// Whether any call is on its way.
    public var isEmpty: Bool { inFlight.isEmpty }

    /// Whether a call on its way is for `purpose`.
    public func contains(_ purpose: Purpose) -> Bool { contains { $0 == purpose } }

    /// Whether a call on its way is for a purpose matching `predicate`.
    public func contains(where predicate: (Purpose) -> Bool) -> Bool {
        inFlight.values.contains { predicate($0.purpose) }
    }

    /// Sends `call` for `purpose`.
    public mutating func send<Outcome>(_ call: BackendCall, _ purpose: Purpose) -> FlowEffect<Outcome> {
        send(Pending(call: call, purpose: purpose))
    }

    /// Sends a call again (after reverification, or "Try again").
    public mutating func send<Outcome>(_ pending: Pending) -> FlowEffect<Outcome> {
        let id = counter.next()
        inFlight[id] = pending
        return .call(id, pending.call)
    }

    /// An id for an effect answered like a call but not a call (a file written), never tracked here.
    public mutating func nextID() -> RequestID { counter.next() }

    /// What the answer `id` is for, taken once; nil if the call was forgotten.
    public mutating func answered(_ id: RequestID) -> Pending? { inFlight.removeValue(forKey: id) }

    /// "Try again": sends the call that met an unreachable server, once.
    public mutating func retry<Outcome>() -> FlowEffect<Outcome>? {
        guard let pending = unavailable else { return nil }
        unavailable = nil
        return send(pending)
    }

    /// Drops the calls whose purpose matches `predicate`: their answers will be ignored.
    public mutating func forget(where predicate: (Purpose) -> Bool) {
        inFlight = inFlight.filter { !predicate($0.value.purpose) }
    }

    /// Drops every call on its way.
    public mutating func forgetAll() { inFlight = [:] }
}
