/// What the runtime needs from a terminal; the ncurses backend and the test backends implement it.
/// Every call happens on the runtime's thread.
protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// Waits up to `timeout` (nil: until something happens) for input or a byte on `wakeFD`.
    func waitForInput(timeout: Duration?, wakeFD: Int32) -> [BackendInput]
    /// Shows `buffer`; the backend resolves its colour roles.
    func draw(_ buffer: Buffer)
    func setMouse(_ enabled: Bool)
    /// Sends `text` to the terminal's clipboard.
    func copyToClipboard(_ text: String)
}

/// Input as the backend sees it: an event for the model, or a request to stop.
enum BackendInput {
    case event(Event)
    /// SIGTERM or SIGHUP: leave the loop and restore the terminal.
    case terminate(signal: Int32)
}
