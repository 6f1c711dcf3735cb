import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw. Copies each frame's changed cells into ncurses and lets
/// `doupdate` emit the minimal update. Not thread-safe: the runtime's thread makes every call.
final class NcursesBackend: TerminalBackend {
    let terminalName: String
    let colorLevel: ColorLevel
    private let theme: Theme
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let inputFD: Int32
    private var decoder = KeyDecoder()
    private var lastFrame: Buffer?
    private var cursorVisible: Bool?
    private var mouseEnabled = false
    private var pairs: [ColorPair: Int32] = [:]
    private var nextPair: Int32 = 1
    /// What ncurses' pair 0 shows: the terminal's own colours, or the theme's typing colours (`chooseNormalColors`).
    private var normalColors = ColorPair(foreground: .terminalDefault, background: .terminalDefault)
    /// The typing colours for blanks, when pair 0 shows them (`chooseNormalColors`).
    private var typingBlankPair: Int32?
    private var styles: [Style: (attributes: attr_t, pair: Int32)] = [:]

    /// Opens the terminal on stdin/stdout, trying `$TERM`, then xterm-256color, then xterm.
    /// Throws `TerminalError.noTerminfo` when none works (the caller falls back to line mode).
    init(options: TerminalOptions) throws(TerminalError) {
        theme = options.theme
        let inFD = dup(STDIN_FILENO), outFD = dup(STDOUT_FILENO)
        guard inFD >= 0, outFD >= 0, let input = fdopen(inFD, "r"), let output = fdopen(outFD, "w") else {
            throw .notATerminal
        }
        self.input = input
        self.output = output
        inputFD = inFD
        TerminalGuard.install(fd: inFD)
        // ncurses prefers exported LINES/COLUMNS over the tty's real size and then ignores resizes.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        // ncurses reads the locale when it makes the screen (whether it may write UTF-8).
        DisplayWidth.useUTF8Locale()
        var opened: (OpaquePointer, String)?
        for candidate in Self.candidates(for: options.environment["TERM"]) {
            if let screen = newterm(candidate, output, input) {
                opened = (screen, candidate)
                break
            }
        }
        guard let (screen, name) = opened else {
            TerminalGuard.uninstall()
            fclose(input)
            fclose(output)
            throw .noTerminfo(tried: Self.candidates(for: options.environment["TERM"]))
        }
        self.screen = screen
        terminalName = name
        colorLevel = options.colorLevel ?? ColorLevel.detect(
            environment: options.environment, terminalName: name, hasColors: has_colors(), colors: Int(tigetnum("colors")))
        configure(mouse: options.mouse, standardErrorTemplate: options.standardErrorTemplate)
    }

    /// The fallback chain; never `initscr`, which exits the process when terminfo is missing.
    static func candidates(for term: String?) -> [String] {
        var names: [String] = []
        if let term, !term.isEmpty, term != "dumb" { names.append(term) }
        for fallback in ["xterm-256color", "xterm"] where !names.contains(fallback) { names.append(fallback) }
        return names
    }

    private func configure(mouse: Bool, standardErrorTemplate: String) {
        startBufferedOutput()
        set_escdelay(25)
        // The loop reads all pending input before each frame; ncurses need not poll for more mid-update.
        typeahead(-1)
        cbreak()
        noecho()
        nonl()
        intrflush(cn_stdscr(), false)
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        if colorLevel > .mono {
            start_color()
            chooseNormalColors()
        }
        define_key("\u{1B}[200~", KeyDecoder.pasteBegin)
        define_key("\u{1B}[201~", KeyDecoder.pasteEnd)
        // Home/End as tmux, screen and rxvt send them, whatever terminfo says.
        for sequence in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] { define_key(sequence, KEY_HOME) }
        for sequence in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] { define_key(sequence, KEY_END) }
        emit("\u{1B}[?2004h")
        setMouse(mouse)
        TerminalGuard.setRestoreSequence(restoreSequence())
        TerminalGuard.watchResize()
        TerminalGuard.captureStandardError(template: standardErrorTemplate)
    }

    /// Until the first `endwin`, ncurses flushes its output at every cursor move, so a frame reached the terminal in
    /// a write per line (about 40 for the sign-in card): more system calls, SSH packets, and a frame a terminal may
    /// show half drawn. An update after `endwin` runs with ncurses' screen-sized buffer and writes once. Done before
    /// colours are started, so that the resume does not reset the terminal's palette.
    private func startBufferedOutput() {
        endwin()
        doupdate()
    }

    /// ncurses ends every update in pair 0, so each keystroke into a field drawn in another pair sends the field's
    /// colours again: 36 bytes for one character in 256 colours. Pair 0 becomes the colours text is typed in, and a
    /// keystroke writes only its character. A theme that shows some role in the terminal's own colours keeps them as
    /// pair 0 instead, the only pair that can show them.
    private func chooseNormalColors() {
        let typing = theme.resolve(.typing, level: colorLevel)
        let typingColors = ColorPair(foreground: typing.foreground, background: typing.background)
        let showsTerminalColors = ColorRole.allCases.contains {
            theme.color(for: $0, level: colorLevel) == .terminalDefault
        }
        if !showsTerminalColors, typingColors.foreground != .terminalDefault,
           assume_default_colors(Self.colorNumber(typingColors.foreground),
                                 Self.colorNumber(typingColors.background)) == OK {
            normalColors = typingColors
            // ncurses takes blanks in pair 0 for cells its clearing left right, but a terminal's erase leaves the
            // foreground at its default, and some terminals draw the cursor in it: blanks keep a pair of their own.
            typingBlankPair = newPair(typingColors)
        } else {
            use_default_colors()
        }
    }

    /// What undoes the UI without ncurses: leave the alternate screen, reset attributes, show the
    /// cursor, leave keypad mode, stop bracketed paste and mouse reports.
    private func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "rmcup", "cnorm", "rmkx"] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 {
                bytes += Array(String(cString: value).utf8)
            }
        }
        return bytes + Array("\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
    }

    /// Writes a mode sequence straight to the terminal (`putp` would go to C's stdout buffer).
    private func emit(_ sequence: String) {
        fflush(output)
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(fileno(output), $0.baseAddress, $0.count) }
    }

    /// OSC 52 with the `c` (clipboard) selection, ended by BEL, which more terminals accept than ST.
    func copyToClipboard(_ text: String) {
        emit("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}")
    }

    var size: Size {
        Size(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr())))
    }

    func setMouse(_ enabled: Bool) {
        mouseEnabled = enabled
        if enabled {
            mousemask(cn_all_mouse_events(), nil)
            mouseinterval(0)
        } else {
            mousemask(0, nil)
        }
    }

    func waitForInput(timeout: Duration?, wakeFD: Int32) -> [BackendInput] {
        // ncurses may already hold input (doupdate notices a resize and queues KEY_RESIZE itself),
        // so look there before sleeping in poll.
        // (Signals need no look: their pipe wakes the poll below.)
        let pending = readInput(signals: false)
        if !pending.isEmpty { return pending }
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: TerminalGuard.signalFD, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds: Int32 = timeout.map { timeout in
            let rounded = (timeout + .microseconds(999)).components  // round up: never wake early
            return Int32(clamping: rounded.seconds * 1000 + rounded.attoseconds / 1_000_000_000_000_000)
        } ?? -1
        _ = poll(&fds, nfds_t(fds.count), milliseconds)
        let inputs = readInput(signals: fds[2].revents & Int16(POLLIN) != 0)
        // A hung-up terminal reads as end of file forever. Without a controlling terminal (a new session, a closed
        // SSH channel's pty) no SIGHUP comes, so end as if it had instead of polling a dead descriptor.
        let hungUp = fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        return hungUp ? inputs + [.terminate(signal: SIGHUP)] : inputs
    }

    /// Everything readable now: signals first (when their pipe has some), then keys until ncurses has no more.
    private func readInput(signals: Bool) -> [BackendInput] {
        var inputs: [BackendInput] = []
        var batch: [KeyDecoder.Raw] = []
        for signal in signals ? pendingSignals() : [] {
            switch signal {
            case SIGINT: batch.append(.character(3))
            case SIGTERM, SIGHUP: return [.terminate(signal: signal)]
            default: break  // SIGWINCH: ncurses reports KEY_RESIZE below
            }
        }
        var character: wint_t = 0
        while true {
            let result = wget_wch(cn_stdscr(), &character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                let code = Int32(character)
                if code == KEY_RESIZE {
                    inputs += decoder.decode(batch).map { .event($0) }
                    batch.removeAll()
                    // The terminal may have reflowed what it showed: repaint everything.
                    lastFrame = nil
                    clearok(cn_curscr(), true)
                    inputs.append(.event(.resize(size)))
                } else if code == KEY_MOUSE {
                    if let event = readMouse() { inputs.append(.event(.mouse(event))) }
                } else {
                    batch.append(.keyCode(code))
                }
            } else {
                batch.append(.character(UInt32(character)))
            }
        }
        inputs += decoder.decode(batch).map { .event($0) }
        return inputs
    }

    private func pendingSignals() -> [Int32] {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = read(TerminalGuard.signalFD, &bytes, bytes.count)
        return count > 0 ? bytes.prefix(count).map { Int32($0) } : []
    }

    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let position = Position(x: Int(event.x), y: Int(event.y))
        let state = event.bstate
        if state & cn_button4_pressed() != 0 { return MouseEvent(kind: .scrollUp, position: position) }
        if state & cn_button5_pressed() != 0 { return MouseEvent(kind: .scrollDown, position: position) }
        if state & (cn_button1_pressed() | cn_button1_clicked()) != 0 { return MouseEvent(kind: .press, position: position) }
        return MouseEvent(kind: .release, position: position)
    }

    func draw(_ buffer: Buffer) {
        let window = cn_stdscr()
        let previous = lastFrame?.size == buffer.size ? lastFrame?.cells : nil
        let width = buffer.size.width
        buffer.cells.withUnsafeBufferPointer { cells in
            for index in cells.indices where !cells[index].isContinuation {
                if let previous, previous[index] == cells[index] { continue }
                put(cells[index], x: index % width, y: index / width, window: window)
            }
        }
        lastFrame = buffer
        if let cursor = buffer.cursor {
            if cursorVisible != true { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible != false {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        var (attributes, pair) = resolve(cell.style)
        if pair == 0, let typingBlankPair, cell.storedSymbol == .space { pair = typingBlankPair }
        var text = Array(cell.symbol.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }) + [0]
        var character = cchar_t()
        if cn_setcchar(&character, &text, attributes, pair) == ERR {
            // More than one spacing character (e.g. a ZWJ emoji): keep the first.
            text = [text[0], 0]
            _ = cn_setcchar(&character, &text, attributes, pair)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    private func resolve(_ style: Style) -> (attr_t, Int32) {
        if let cached = styles[style] { return cached }
        let resolved = theme.resolve(style, level: colorLevel)
        var attributes = cn_a_normal()
        if resolved.attributes.contains(.bold) { attributes |= cn_a_bold() }
        if resolved.attributes.contains(.dim) { attributes |= cn_a_dim() }
        if resolved.attributes.contains(.italic) { attributes |= cn_a_italic() }
        if resolved.attributes.contains(.underline) { attributes |= cn_a_underline() }
        if resolved.attributes.contains(.reverse) { attributes |= cn_a_reverse() }
        var foreground = resolved.foreground
        if foreground == .terminalDefault && normalColors.foreground != .terminalDefault {
            // Text that would vanish into its background gets the terminal's own colour, which pair 0 no longer
            // shows: the theme's background colour stands in.
            foreground = theme.color(for: .background, level: colorLevel)
        }
        let colors = ColorPair(foreground: foreground, background: resolved.background)
        let pair = colorLevel > .mono ? pairNumber(colors) : 0
        styles[style] = (attributes, pair)
        return (attributes, pair)
    }

    /// Pairs are made on first use; the palette itself is never changed.
    private func pairNumber(_ pair: ColorPair) -> Int32 {
        if pair == normalColors { return 0 }
        if let number = pairs[pair] { return number }
        let number = newPair(pair) ?? 0
        pairs[pair] = number
        return number
    }

    private func newPair(_ pair: ColorPair) -> Int32? {
        guard nextPair < cn_color_pairs(),
              init_extended_pair(nextPair, Self.colorNumber(pair.foreground), Self.colorNumber(pair.background)) == OK
        else { return nil }
        defer { nextPair += 1 }
        return nextPair
    }

    private static func colorNumber(_ color: TerminalColor) -> Int32 {
        switch color {
        case .terminalDefault: -1
        case .palette(let index): Int32(index)
        case .rgb(let rgb): Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
        }
    }

    /// Leaves the UI: stop paste and mouse reports, end ncurses, restore the saved termios.
    func close() {
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        endwin()
        emit("\u{1B}[?2004l")
        delscreen(screen)
        fclose(input)
        fclose(output)
        TerminalGuard.setRestoreSequence([])
        TerminalGuard.uninstall()
    }
}

private struct ColorPair: Hashable {
    var foreground: TerminalColor
    var background: TerminalColor
}
