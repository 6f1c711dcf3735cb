/// The top of an app: state that changes only in `update` and draws itself in `view`
/// (bubbletea's Elm loop). Views are pure functions of the state.
public protocol Model {
    /// Work to start once the program runs (first ticks, initial requests).
    func start() -> [Command]
    /// Applies one event and says what to do next.
    mutating func update(_ event: Event) -> [Command]
    /// Draws the whole screen into `buffer` (already cleared to the theme background).
    func view(into buffer: inout Buffer)
    /// Below this size the runtime shows a "terminal too small" notice instead of `view`.
    var minimumSize: Size { get }
}

extension Model {
    public func start() -> [Command] { [] }
    public var minimumSize: Size { Size(width: 40, height: 12) }
}

extension Model {
    /// One frame at `size`: the view, or the "terminal too small" notice below `minimumSize`.
    public func frame(size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        if size.contains(minimumSize) {
            view(into: &buffer)
        } else {
            TooSmallNotice(required: minimumSize).render(into: &buffer, area: buffer.area)
        }
        return buffer
    }
}
