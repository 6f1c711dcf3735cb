/// One full screen in a `ScreenStack`. It gets keys first; keys it ignores fall through to the
/// stack's global keys (`?` help, Esc back, Ctrl-C quit).
public protocol Screen {
    /// The bindings shown in the help bar; also what `?` expands.
    var keyMap: KeyMap { get }
    /// Work to start when the screen appears.
    func start() -> [Command]
    /// Applies one event; `.ignored` lets the stack handle it.
    mutating func update(_ event: Event) -> EventResult
    /// Draws into `area` (the screen minus the help bar).
    func view(into buffer: inout Buffer, area: Rect)
    /// Below this (plus the help bar's row) the stack shows "terminal too small".
    var minimumSize: Size { get }
}

extension Screen {
    public func start() -> [Command] { [] }
    public var minimumSize: Size { Size(width: 40, height: 11) }
}

/// Whether a screen used an event.
public enum EventResult {
    case handled([Command])
    case ignored

    public static var handled: EventResult { .handled([]) }
}
