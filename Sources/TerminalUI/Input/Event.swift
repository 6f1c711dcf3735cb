/// Everything that can happen to a model: input from the terminal, timers, and the results of
/// asynchronous work coming back to the UI thread.
public enum Event: Sendable {
    case key(Key)
    /// A bracketed paste, delivered whole: one edit, never a series of key presses.
    case paste(String)
    case resize(Size)
    case tick(Tick)
    case mouse(MouseEvent)
    /// The result of a `Command.run`, or anything else the app posts.
    case message(any Sendable)
}

/// A timer firing. Widgets own their `id` and ignore other ids (bubbles' spinner-tag pattern).
public struct Tick: Hashable, Sendable {
    public var id: String

    public init(_ id: String) {
        self.id = id
    }
}

/// A mouse report, only when mouse capture is on (it is off by default: it breaks text selection).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, release, scrollUp, scrollDown
    }

    public var kind: Kind
    public var position: Position

    public init(kind: Kind, position: Position) {
        self.kind = kind
        self.position = position
    }
}
