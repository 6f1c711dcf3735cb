#if canImport(Glibc)
import Glibc
#endif

/// The terminal modes of an SSH pty-req (RFC 4254 §8), applied to the slave's termios the way sshd does.
/// Opcodes we do not know are ignored; the child switches to raw mode on its own anyway.
struct TerminalModes: Sendable {
    /// Opcode → value, as sent by the client.
    var values: [UInt8: UInt32]

    init(_ values: [UInt8: UInt32] = [:]) {
        self.values = values
    }

    private static let controlCharacters: [UInt8: Int32] = [
        1: VINTR, 2: VQUIT, 3: VERASE, 4: VKILL, 5: VEOF, 6: VEOL, 7: VEOL2, 8: VSTART, 9: VSTOP, 10: VSUSP,
        12: VREPRINT, 13: VWERASE, 14: VLNEXT, 18: VDISCARD,
    ]
    private static let inputFlags: [UInt8: tcflag_t] = [
        30: tcflag_t(IGNPAR), 31: tcflag_t(PARMRK), 32: tcflag_t(INPCK), 33: tcflag_t(ISTRIP), 34: tcflag_t(INLCR),
        35: tcflag_t(IGNCR), 36: tcflag_t(ICRNL), 38: tcflag_t(IXON), 39: tcflag_t(IXANY), 40: tcflag_t(IXOFF),
        41: tcflag_t(IMAXBEL), 42: tcflag_t(IUTF8),
    ]
    private static let localFlags: [UInt8: tcflag_t] = [
        50: tcflag_t(ISIG), 51: tcflag_t(ICANON), 53: tcflag_t(ECHO), 54: tcflag_t(ECHOE), 55: tcflag_t(ECHOK),
        56: tcflag_t(ECHONL), 57: tcflag_t(NOFLSH), 58: tcflag_t(TOSTOP), 59: tcflag_t(IEXTEN), 60: tcflag_t(ECHOCTL),
        61: tcflag_t(ECHOKE), 62: tcflag_t(PENDIN),
    ]
    private static let outputFlags: [UInt8: tcflag_t] = [
        70: tcflag_t(OPOST), 72: tcflag_t(ONLCR), 73: tcflag_t(OCRNL), 74: tcflag_t(ONOCR), 75: tcflag_t(ONLRET),
    ]

    /// Sets the known flags and control characters in `attributes`.
    func apply(to attributes: inout termios) {
        for (opcode, value) in values {
            if let index = Self.controlCharacters[opcode] {
                // 255 means "disabled" on the wire and _POSIX_VDISABLE (0) in Linux termios.
                let character = value == 255 ? 0 : cc_t(truncatingIfNeeded: value)
                withUnsafeMutableBytes(of: &attributes.c_cc) { $0[Int(index)] = character }
            } else if let flag = Self.inputFlags[opcode] {
                Self.set(flag, value != 0, in: &attributes.c_iflag)
            } else if let flag = Self.localFlags[opcode] {
                Self.set(flag, value != 0, in: &attributes.c_lflag)
            } else if let flag = Self.outputFlags[opcode] {
                Self.set(flag, value != 0, in: &attributes.c_oflag)
            }
        }
    }

    private static func set(_ flag: tcflag_t, _ on: Bool, in field: inout tcflag_t) {
        if on { field |= flag } else { field &= ~flag }
    }
}
