/// A one-line text input with placeholder, inline hint or error, and horizontal scrolling that
/// keeps the caret visible. The terminal cursor sits on the caret when focused (IMEs anchor there).
public struct TextField: Hashable, Sendable {
    /// How typed text is shown.
    public enum Echo: Hashable, Sendable {
        case normal
        /// Each grapheme shown as this symbol.
        case masked(Character)
        /// Nothing shown at all.
        case hidden
    }

    public var editor: LineEditor
    public var placeholder: String
    public var hint: String?
    /// Shown instead of the hint, in the danger colour.
    public var error: String?
    public var echo: Echo

    public init(_ text: String = "", placeholder: String = "", hint: String? = nil, limit: Int? = nil, echo: Echo = .normal) {
        editor = LineEditor(text: text, limit: limit)
        self.placeholder = placeholder
        self.hint = hint
        self.echo = echo
    }

    public var text: String { editor.text }

    /// Applies an event; an edit clears the error (it described the old value).
    public mutating func update(_ event: Event) -> LineEditor.Change? {
        let change = editor.handle(event)
        if change == .edited { error = nil }
        return change
    }

    /// Rows this field draws: the input line, plus one for a hint or error.
    public var height: Int { (error ?? hint) == nil ? 1 : 2 }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        buffer.fill(line, style: .typing)
        let prompt = focused ? "›" : " "
        buffer.write(prompt, x: line.x, y: line.y, style: Style(foreground: .focus, background: .input, attributes: .bold), clip: line)
        let field = line.takingLeft(2).1
        let shown = displayedText
        if shown.isEmpty && !placeholder.isEmpty {
            buffer.write(DisplayWidth.truncate(placeholder, to: field.width), in: field, style: Style(foreground: .muted, background: .input))
        } else {
            let caretColumn = DisplayWidth.of(shown.prefix(editor.cursor))
            let offset = Self.scrollOffset(text: shown, caretColumn: caretColumn, width: field.width)
            buffer.write(Self.window(of: shown, from: offset, width: field.width), in: field, style: .typing)
            if focused { buffer.cursor = Position(x: field.x + caretColumn - offset, y: field.y) }
        }
        if focused && shown.isEmpty { buffer.cursor = Position(x: field.x, y: field.y) }
        if area.height > 1, let message = error ?? hint {
            let style: Style = error != nil ? .fg(.danger) : .fg(.muted)
            buffer.write(DisplayWidth.truncate((error != nil ? "✕ " : "") + message, to: area.width), in: area.row(1), style: style)
        }
    }

    /// The text as it appears on screen under the echo mode.
    var displayedText: String {
        switch echo {
        case .normal: editor.text
        case .masked(let symbol): String(repeating: symbol, count: editor.text.count)
        case .hidden: ""
        }
    }

    /// First column shown: 0 while everything fits, else enough to keep the caret in the last
    /// column (a pure function of text and caret, so the view stays pure).
    static func scrollOffset(text: String, caretColumn: Int, width: Int) -> Int {
        guard width > 0 else { return 0 }
        return max(0, caretColumn - (width - 1))
    }

    /// The columns [offset, offset + width) of `text`; half a wide character at the left edge shows as a space.
    static func window(of text: String, from offset: Int, width: Int) -> String {
        var column = 0
        var result = ""
        for character in text {
            let start = column
            column += DisplayWidth.of(character)
            if column <= offset { continue }
            if start < offset { result.append(" "); continue }
            if column > offset + width { break }
            result.append(character)
        }
        return result
    }
}
