#if canImport(Glibc)
import Glibc
#endif

/// Where plain prompts read answers: stdin normally, a script in tests.
public protocol LineSource {
    /// The next line without its newline, or nil at end of input. `echo: false` hides typing.
    mutating func readLine(echo: Bool) -> String?
}

/// Reads stdin; turns terminal echo off for secrets (and back on, even if a signal interrupts).
public struct StandardInput: LineSource {
    public init() {}

    public mutating func readLine(echo: Bool) -> String? {
        guard !echo, isatty(STDIN_FILENO) == 1 else { return Swift.readLine(strippingNewline: true) }
        TerminalGuard.install(fd: STDIN_FILENO, reportSignals: false)
        var silent = termios()
        tcgetattr(STDIN_FILENO, &silent)
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            TerminalGuard.uninstall()
            writeStandardOutput("\n")
        }
        return Swift.readLine(strippingNewline: true)
    }
}
