/// Why the full-screen UI could not start or had to stop.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin/stdout are not usable as a terminal.
    case notATerminal
    /// No terminfo entry worked for any name in the fallback chain.
    case noTerminfo(tried: [String])
    /// SIGTERM or SIGHUP ended the program (the terminal was restored first).
    case terminated(signal: Int32)

    public var description: String {
        switch self {
        case .notATerminal: "standard input and output are not a terminal"
        case .noTerminfo(let tried): "no terminal description found (tried \(tried.joined(separator: ", ")))"
        case .terminated(let signal): "terminated by signal \(signal)"
        }
    }
}
