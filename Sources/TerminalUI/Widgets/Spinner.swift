/// An activity indicator that advances on its own ticks (bubbles' spinner: ticks for another id
/// are ignored, so two in flight never double the speed).
public struct Spinner: Hashable, Sendable {
    public static let dots = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public static let line = ["|", "/", "-", "\\"]

    public let id: String
    public var frames: [String]
    public var interval: Duration
    public var label: String
    public private(set) var frame = 0

    public init(id: String = "spinner", label: String = "", frames: [String] = Spinner.dots, interval: Duration = .milliseconds(100)) {
        self.id = id
        self.label = label
        self.frames = frames
        self.interval = interval
    }

    /// The first tick; return it from `start()` or when work begins.
    public var start: Command { .tick(Tick(id), after: interval) }

    /// Advances on this spinner's tick and schedules the next one.
    public mutating func update(_ event: Event) -> Command? {
        guard case .tick(let tick) = event, tick.id == id else { return nil }
        frame = (frame + 1) % frames.count
        return start
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let row = area.row(0)
        let used = buffer.write(frames[frame], in: row, style: .fg(.primary, .bold))
        if !label.isEmpty { buffer.write(" " + label, x: row.x + used, y: row.y, style: .fg(.muted), clip: row) }
    }
}
