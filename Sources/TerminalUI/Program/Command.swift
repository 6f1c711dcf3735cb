/// Something for the runtime to do after an update. Slow work runs off the UI thread and comes
/// back as `Event.message`.
public enum Command {
    /// Ends the program after this update.
    case quit
    /// Runs `operation` concurrently; a non-nil result arrives as `.message`. With a `key`, a newer
    /// run under the same key supersedes this one: it is cancelled and a late result is dropped.
    case run(key: String?, operation: @Sendable () async -> (any Sendable)?)
    /// Cancels the run under `key`; its result, if any, is dropped.
    case cancel(key: String)
    /// Delivers `.tick(tick)` after `delay`, replacing any pending tick with the same id.
    case tick(Tick, after: Duration)
    /// Turns mouse capture on or off.
    case setMouse(Bool)
    /// Asks the terminal to put `text` on the system clipboard (OSC 52). Over SSH that is the user's own
    /// clipboard; a terminal that does not allow it ignores the request.
    case copyToClipboard(String)
    /// Screen-stack navigation, applied by `ScreenStack`.
    case push(any Screen)
    case pop
    case replace(any Screen)

    /// A run without supersession.
    public static func run(_ operation: @escaping @Sendable () async -> (any Sendable)?) -> Command {
        .run(key: nil, operation: operation)
    }
}
