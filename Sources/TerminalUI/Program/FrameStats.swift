/// Rendering cost counters, for the frame benchmark.
public struct FrameStats: Sendable, CustomStringConvertible {
    public var frames = 0
    /// Time spent in `view` (building the grid).
    public var viewTime = Duration.zero
    /// Time spent copying the grid to the terminal (ncurses calls and refresh).
    public var drawTime = Duration.zero

    public init() {}

    /// Mean view + draw time per frame, in nanoseconds.
    public var nanosecondsPerFrame: Int64 {
        frames == 0 ? 0 : Self.nanoseconds(viewTime + drawTime) / Int64(frames)
    }

    public var description: String {
        "frames=\(frames) view_ns=\(Self.nanoseconds(viewTime)) draw_ns=\(Self.nanoseconds(drawTime)) ns_per_frame=\(nanosecondsPerFrame)"
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
