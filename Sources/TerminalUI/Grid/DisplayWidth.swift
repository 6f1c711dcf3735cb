import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Column widths as the terminal (and ncurses) see them: `wcwidth` of a grapheme's first scalar,
/// which is exactly what ncurses uses, so the grid and the screen never disagree.
public enum DisplayWidth {
    /// Width of one grapheme: 0 for controls, 1 or 2 otherwise.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || value == 0x7F || (value >= 0x80 && value < 0xA0) { return 0 }
        _ = utf8Locale
        let width = Int(cn_wcwidth(value))
        // Unprintable but not a control (e.g. unassigned): shown as one replacement cell.
        return width < 0 ? 1 : min(width, 2)
    }

    /// Total width of a string.
    public static func of(_ text: some StringProtocol) -> Int {
        // ASCII, the common case, without grapheme breaking: a column per printable byte ("\r\n", the one
        // multi-scalar ASCII grapheme, is 0 columns either way).
        var columns = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if byte >= 0x20 && byte != 0x7F { columns += 1 }
        }
        return columns
    }

    /// The longest prefix of `text` that fits in `columns`, and its width.
    public static func prefix(of text: some StringProtocol, fitting columns: Int) -> (String, Int) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > columns { break }
            used += w
            end = text.index(after: index)
        }
        return (String(text[text.startIndex..<end]), used)
    }

    /// `text` cut to `columns`, ending in "…" when it had to be cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        return prefix(of: text, fitting: columns - 1).0 + "…"
    }

    /// Makes LC_CTYPE a UTF-8 locale, as widths (and ncurses, when it makes a screen) need it.
    static func useUTF8Locale() {
        _ = utf8Locale
    }

    /// wcwidth depends on LC_CTYPE; make sure it is a UTF-8 one once per process.
    private static let utf8Locale: Bool = {
        func isUTF8() -> Bool {
            let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
            return codeset == "UTF-8" || codeset == "UTF8"
        }
        if isUTF8() { return true }
        if setlocale(LC_CTYPE, "") != nil, isUTF8() { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil && isUTF8()
    }()
}
