/// A label that waits before it can be used: "Resend code (27)", then "Resend code".
/// One tick per second; the count is part of the state, so views stay pure and testable.
public struct Countdown: Hashable, Sendable {
    public let id: String
    public var label: String
    public private(set) var remaining: Int

    public init(id: String = "countdown", label: String, seconds: Int) {
        self.id = id
        self.label = label
        self.remaining = max(0, seconds)
    }

    public var isFinished: Bool { remaining == 0 }

    /// The first tick (nothing when already finished).
    public var start: [Command] { isFinished ? [] : [.tick(Tick(id), after: .seconds(1))] }

    /// Restarts from `seconds` (after the action was used).
    public mutating func restart(seconds: Int) -> [Command] {
        remaining = max(0, seconds)
        return start
    }

    /// Counts down on this countdown's tick; schedules the next until zero.
    public mutating func update(_ event: Event) -> [Command] {
        guard case .tick(let tick) = event, tick.id == id, remaining > 0 else { return [] }
        remaining -= 1
        return start
    }

    public var text: String { isFinished ? label : "\(label) (\(remaining))" }

    /// Rendered as a link once usable, dimmed while counting.
    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        Link(text, isEnabled: isFinished).render(into: &buffer, area: area, focused: focused)
    }
}
