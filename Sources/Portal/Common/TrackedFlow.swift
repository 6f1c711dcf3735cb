import FrontendAPI

/// A flow machine whose requests go through a ``RequestTracker``: the answers, timers and "Try again" that every
/// flow routes the same way. A machine's `update` hands its `response`, `timerFired` and `retry` events to
/// ``receive(_:_:)``, ``fire(_:)`` and ``retry()``, and supplies what differs in ``succeeded(_:_:)`` and
/// ``failed(_:_:)``.
protocol TrackedFlow {
    associatedtype Purpose: Equatable & Sendable
    associatedtype Outcome: Equatable & Sendable
    typealias Pending = RequestTracker<Purpose>.Pending

    var requests: RequestTracker<Purpose> { get set }
    /// Whether "Try again" may send now: nothing else on its way, no rate limit running.
    var canRetry: Bool { get }
    /// Requests that run behind the card (polling, reloads): their failures are dropped and never offered again.
    func isBackground(_ purpose: Purpose) -> Bool

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [FlowEffect<Outcome>]
    /// A Clerk error, or a local request that failed; an unreachable server is handled before this.
    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [FlowEffect<Outcome>]
    /// A timer of this machine's scope fired.
    mutating func timerFired(_ kind: TimerID.Kind) -> [FlowEffect<Outcome>]
}

extension TrackedFlow {
    func isBackground(_ purpose: Purpose) -> Bool { false }

    mutating func timerFired(_ kind: TimerID.Kind) -> [FlowEffect<Outcome>] { [] }

    /// Routes the answer to request `id`. A forgotten request's answer is dropped; an unreachable server keeps the
    /// request for "Try again".
    mutating func receive(_ id: RequestID, _ outcome: BackendOutcome) -> [FlowEffect<Outcome>] {
        guard let pending = requests.answered(id) else { return [] }
        switch outcome {
        case .success(let result):
            return succeeded(pending, result)
        case .failure where isBackground(pending.purpose):
            return []
        case .failure(.unavailable):
            requests.unavailable = pending
            return []
        case .failure(let failure):
            return failed(pending, failure)
        }
    }

    /// Routes a timer of this machine; a timer of an earlier machine is dropped.
    mutating func fire(_ timer: TimerID) -> [FlowEffect<Outcome>] {
        guard timer.scope == requests.scope else { return [] }
        return timerFired(timer.kind)
    }

    /// "Try again": sends the call that met an unreachable server.
    mutating func retry() -> [FlowEffect<Outcome>] {
        guard canRetry, let retry: FlowEffect<Outcome> = requests.retry() else { return [] }
        return [retry]
    }
}
