import FrontendAPI

/// Seconds counting down once a second on a machine timer: a resend cooldown, a `Retry-After`, a lockout.
/// Zero means it is not running.
public struct Countdown: Equatable, Sendable {
    public private(set) var seconds = 0

    public init() {}

    public var isRunning: Bool { seconds > 0 }
    /// The seconds left while running, else nil.
    public var remaining: Int? { isRunning ? seconds : nil }

    /// Starts (or restarts) counting down from `seconds` on `timer`.
    mutating func start<Outcome>(_ seconds: Int, on timer: TimerID) -> FlowEffect<Outcome> {
        self.seconds = seconds
        return .startTimer(timer, every: .seconds(1), repeats: true)
    }

    /// One second has passed; the timer stops at zero.
    mutating func tick<Outcome>(on timer: TimerID) -> [FlowEffect<Outcome>] {
        seconds = max(seconds - 1, 0)
        return isRunning ? [] : [.cancelTimer(timer)]
    }

    /// Forgets the seconds left without touching the timer, whose next tick then stops it.
    mutating func reset() { seconds = 0 }

    /// Stops counting, cancelling the timer if it was running.
    mutating func stop<Outcome>(on timer: TimerID) -> [FlowEffect<Outcome>] {
        guard isRunning else { return [] }
        seconds = 0
        return [.cancelTimer(timer)]
    }
}
