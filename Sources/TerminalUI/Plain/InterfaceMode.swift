#if canImport(Glibc)
import Glibc
#endif

/// Full-screen UI or plain line prompts (huh's accessible mode): plain when asked (`--plain`,
/// `ACCESSIBLE`), when `TERM` is dumb or unset, or when stdin/stdout is not a terminal.
public enum InterfaceMode: Sendable, Equatable {
    case fullScreen, plain

    public static func detect(plainRequested: Bool, environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool) -> InterfaceMode {
        if plainRequested { return .plain }
        if let accessible = environment["ACCESSIBLE"], !accessible.isEmpty { return .plain }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .plain }
        return stdinIsTerminal && stdoutIsTerminal ? .fullScreen : .plain
    }

    /// Detects for this process's stdin and stdout.
    public static func detect(plainRequested: Bool, environment: [String: String]) -> InterfaceMode {
        detect(plainRequested: plainRequested, environment: environment,
               stdinIsTerminal: isatty(STDIN_FILENO) == 1, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
