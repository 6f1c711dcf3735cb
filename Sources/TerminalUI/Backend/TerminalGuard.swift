#if canImport(Glibc)
import Glibc
#endif

/// Puts the terminal back however the process ends. At install it saves the tty's termios; on a
/// normal exit, `exit()`, SIGTERM, SIGHUP, or a crash signal (Swift traps are SIGILL/SIGTRAP) it
/// writes the escape sequences that undo the UI and restores termios. The signal path uses only
/// async-signal-safe calls (write, tcsetattr, sigaction, raise): never ncurses.
///
/// SIGINT, SIGTERM and SIGHUP are reported through a pipe so the loop can exit cleanly (Ctrl-C
/// becomes a key); a second SIGTERM/SIGHUP while the loop is stuck restores and exits at once.
public enum TerminalGuard {
    /// Read end of the signal pipe: one byte per SIGINT/SIGTERM/SIGHUP/SIGWINCH, the signal number.
    public static var signalFD: Int32 { state.pointee.signalRead }

    /// Saves `fd`'s termios and installs the handlers. Idempotent. With `reportSignals` false
    /// (plain prompts), SIGINT/SIGTERM/SIGHUP restore the terminal and then act as before.
    public static func install(fd: Int32, reportSignals: Bool = true) {
        let s = state
        guard !s.pointee.installed else { return }
        s.pointee.ttyFD = fd
        s.pointee.hasTermios = tcgetattr(fd, &s.pointee.termios) == 0
        s.pointee.installed = true
        s.pointee.active = true
        if !s.pointee.atexitRegistered {
            s.pointee.atexitRegistered = true
            atexit { TerminalGuard.restoreNow() }
        }
        for signal in reportedSignals { install(signal, handler: reportSignals ? reportSignal : restoreThenResignal) }
        for signal in crashSignals { install(signal, handler: restoreThenResignal) }
    }

    /// Sets the bytes that undo the full-screen UI (leave alternate screen, show cursor, ...).
    public static func setRestoreSequence(_ bytes: [UInt8]) {
        let s = state
        let count = min(bytes.count, restoreCapacity)
        for (index, byte) in bytes.prefix(count).enumerated() { s.pointee.restoreBytes[index] = byte }
        s.pointee.restoreCount = count
    }

    /// Sends stderr to an unlinked temporary file while the UI owns the screen (a stray log line or
    /// Swift's "Fatal error" message would land on, and vanish with, the alternate screen);
    /// `restoreNow` puts stderr back and replays what was captured. `template` names the file as
    /// mkstemp(3) wants it, ending in `XXXXXX`; if it cannot be created, stderr is left alone.
    public static func captureStandardError(template: String) {
        let s = state
        guard s.pointee.capturedStderr < 0 else { return }
        var template = Array(template.utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return }
        unlink(&template)
        let original = dup(STDERR_FILENO)
        guard original >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            if original >= 0 { close(original) }
            return
        }
        s.pointee.originalStderr = original
        s.pointee.capturedStderr = file
    }

    /// Chains SIGWINCH after whatever handler is there (ncurses'), adding a wake-up byte.
    public static func watchResize() {
        install(SIGWINCH, handler: reportSignal)
    }

    /// Restores termios, puts back the previous handlers. Call after ncurses has cleaned up.
    public static func uninstall() {
        let s = state
        guard s.pointee.installed else { return }
        restoreNow()
        for signal in reportedSignals + crashSignals + [SIGWINCH] { restoreHandler(signal) }
        s.pointee.installed = false
    }

    /// Writes the restore sequence and termios once (signal-safe).
    static func restoreNow() {
        let s = state
        guard s.pointee.active else { return }
        s.pointee.active = false
        if s.pointee.restoreCount > 0 {
            _ = write(s.pointee.ttyFD, s.pointee.restoreBytes, s.pointee.restoreCount)
        }
        if s.pointee.hasTermios { _ = tcsetattr(s.pointee.ttyFD, TCSAFLUSH, &s.pointee.termios) }
        replayStandardError()
    }

    /// Puts stderr back and copies out what it received meanwhile (signal-safe: dup2, read, write).
    private static func replayStandardError() {
        let s = state
        let file = s.pointee.capturedStderr
        guard file >= 0 else { return }
        s.pointee.capturedStderr = -1
        _ = dup2(s.pointee.originalStderr, STDERR_FILENO)
        close(s.pointee.originalStderr)
        _ = lseek(file, 0, SEEK_SET)
        while true {
            let count = read(file, s.pointee.scratch, scratchCapacity)
            if count <= 0 { break }
            _ = write(STDERR_FILENO, s.pointee.scratch, count)
        }
        close(file)
    }

    // MARK: - Signal plumbing

    private static let reportedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    fileprivate static let restoreCapacity = 256
    fileprivate static let signalSlots = 65
    fileprivate static let scratchCapacity = 4096

    fileprivate struct State {
        var installed = false
        var active = false
        var atexitRegistered = false
        var ttyFD: Int32 = 0
        var hasTermios = false
        var termios = Glibc.termios()
        let restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: TerminalGuard.restoreCapacity)
        var restoreCount = 0
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: TerminalGuard.scratchCapacity)
        var signalRead: Int32 = -1
        var signalWrite: Int32 = -1
        var terminateCount = 0
        var capturedStderr: Int32 = -1
        var originalStderr: Int32 = -1
        /// Previous handlers, indexed by signal number.
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: TerminalGuard.signalSlots)
        let saved = UnsafeMutablePointer<Bool>.allocate(capacity: TerminalGuard.signalSlots)
    }

    /// One allocation made before any handler exists, so handlers only dereference a pointer.
    nonisolated(unsafe) fileprivate static let state: UnsafeMutablePointer<State> = {
        let pointer = UnsafeMutablePointer<State>.allocate(capacity: 1)
        pointer.initialize(to: State())
        pointer.pointee.saved.initialize(repeating: false, count: signalSlots)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            pointer.pointee.signalRead = fds[0]
            pointer.pointee.signalWrite = fds[1]
        }
        return pointer
    }()

    private typealias Handler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

    private static func install(_ signal: Int32, handler: Handler) {
        let s = state
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handler
        action.sa_flags = SA_SIGINFO | SA_RESTART
        sigemptyset(&action.sa_mask)
        var old = sigaction()
        _ = sigaction(signal, &action, &old)
        if !s.pointee.saved[Int(signal)] {
            s.pointee.previous[Int(signal)] = old
            s.pointee.saved[Int(signal)] = true
        }
    }

    private static func restoreHandler(_ signal: Int32) {
        let s = state
        guard s.pointee.saved[Int(signal)] else { return }
        _ = sigaction(signal, s.pointee.previous + Int(signal), nil)
        s.pointee.saved[Int(signal)] = false
    }
}

/// SIGINT/SIGTERM/SIGHUP/SIGWINCH: tell the loop. SIGWINCH also runs the previous (ncurses') handler.
private let reportSignal: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, context in
    let s = TerminalGuard.state
    if signal == SIGWINCH, s.pointee.saved[Int(SIGWINCH)] {
        let previous = s.pointee.previous[Int(SIGWINCH)]
        if previous.sa_flags & SA_SIGINFO != 0, let handler = previous.__sigaction_handler.sa_sigaction {
            handler(signal, info, context)
        } else if let handler = previous.__sigaction_handler.sa_handler,
                  unsafeBitCast(handler, to: Int.self) > 1 {  // not SIG_DFL (0) or SIG_IGN (1)
            handler(signal)
        }
    }
    if signal == SIGTERM || signal == SIGHUP {
        s.pointee.terminateCount += 1
        if s.pointee.terminateCount > 1 {
            TerminalGuard.restoreNow()
            _exit(128 + signal)
        }
    }
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(s.pointee.signalWrite, &byte, 1)
}

/// Crash signals (and plain-mode interrupts): restore the terminal, then let the signal act again.
/// A real fault returns and re-executes into the previous handler (e.g. Swift's backtracer, which
/// now prints on a sane terminal); a signal sent with kill() gets the default action.
private let restoreThenResignal: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, _ in
    let s = TerminalGuard.state
    TerminalGuard.restoreNow()
    let sentByProcess = info.map { $0.pointee.si_code <= 0 } ?? true
    if sentByProcess || signal == SIGABRT || signal == SIGINT || signal == SIGTERM || signal == SIGHUP {
        _ = Glibc.signal(signal, SIG_DFL)
        raise(signal)  // pending until this handler returns, then fatal
    } else {
        _ = sigaction(signal, s.pointee.previous + Int(signal), nil)
    }
}
