#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair: the server keeps the master, the child opens the slave by path (so that, as a new
/// session leader, the slave becomes its controlling terminal).
struct PseudoTerminal {
    /// The master side, non-blocking, close-on-exec. Owned by whoever pumps it.
    let master: CInt
    /// `/dev/pts/N`.
    let slavePath: String

    /// Opens a pty sized `size` with the client's terminal modes applied to the slave.
    static func open(size: WindowSize, modes: TerminalModes) throws(PtyError) -> PseudoTerminal {
        // /dev/ptmx with the two ioctls that posix_openpt/unlockpt/ptsname wrap on Linux (those need
        // _XOPEN_SOURCE, which Swift's Glibc module does not define; grantpt is a no-op with devpts).
        let master = Glibc.open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw .system("open /dev/ptmx", errno) }
        var unlock: CInt = 0
        var number: CUnsignedInt = 0
        guard ioctl(master, Self.tiocsptlck, &unlock) == 0, ioctl(master, Self.tiocgptn, &number) == 0 else {
            let code = errno
            close(master)
            throw .system("ptmx ioctl", code)
        }
        let slavePath = "/dev/pts/\(number)"
        let terminal = PseudoTerminal(master: master, slavePath: slavePath)
        do {
            try terminal.resize(size)
            try terminal.applyModes(modes)
        } catch {
            close(master)
            throw error
        }
        return terminal
    }

    /// `_IOW('T', 0x31, int)` and `_IOR('T', 0x30, unsigned int)`: function-like macros Swift cannot import.
    private static let tiocsptlck: UInt = 0x4004_5431
    private static let tiocgptn: UInt = 0x8004_5430

    /// `TIOCSWINSZ` on the master: the kernel sends SIGWINCH to the child's foreground process group.
    func resize(_ size: WindowSize) throws(PtyError) {
        var window = winsize(ws_row: size.rows, ws_col: size.columns, ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &window) == 0 else { throw .system("TIOCSWINSZ", errno) }
    }

    /// Applies the pty-req modes to the slave (through a short-lived descriptor that does not become
    /// our controlling terminal).
    private func applyModes(_ modes: TerminalModes) throws(PtyError) {
        let slave = Glibc.open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw .system("open slave", errno) }
        defer { close(slave) }
        var attributes = termios()
        guard tcgetattr(slave, &attributes) == 0 else { throw .system("tcgetattr", errno) }
        modes.apply(to: &attributes)
        guard tcsetattr(slave, TCSANOW, &attributes) == 0 else { throw .system("tcsetattr", errno) }
    }
}

/// A terminal size in character cells, clamped to what a `winsize` can hold.
struct WindowSize: Equatable, Sendable {
    let columns: UInt16
    let rows: UInt16

    init(columns: Int, rows: Int) {
        self.columns = UInt16(clamping: max(columns, 1))
        self.rows = UInt16(clamping: max(rows, 1))
    }
}

/// Why a pty could not be set up.
enum PtyError: Error, CustomStringConvertible {
    case system(String, CInt)

    var description: String {
        switch self {
        case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
        }
    }
}
