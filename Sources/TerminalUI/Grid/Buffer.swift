/// The cell grid every view draws into. Pure data: the ncurses backend copies it to the screen,
/// the test backend prints it.
public struct Buffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (the caret of the focused text field), if visible.
    public var cursor: Position?

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: max(0, size.width) * max(0, size.height))
    }

    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Puts one grapheme at (x, y), repairing any wide character it cuts in half.
    /// Returns the columns used (0 when it does not fit inside `clip`).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let width = DisplayWidth.of(character)
        // A control has no glyph: it shows as the replacement character.
        return width == 0
            ? place(.replacement, width: 1, x: x, y: y, style: style, clip: clip)
            : place(Symbol(String(character)), width: width, x: x, y: y, style: style, clip: clip)
    }

    /// `put` of a symbol whose width is known (1 or 2).
    mutating func place(_ symbol: Symbol, width: Int, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard y >= bounds.y, y < bounds.maxY, x >= bounds.x else { return 0 }
        var symbol = symbol, width = width
        if x + width > bounds.maxX {
            // A wide glyph that would straddle the edge becomes a blank, as terminals do.
            guard x < bounds.maxX else { return 0 }
            symbol = .space
            width = 1
        }
        let base = self[x, y].style
        release(x: x, y: y)
        if width == 2 { release(x: x + 1, y: y) }
        let merged = style.over(base)
        cells[y * size.width + x] = Cell(symbol, width: UInt8(width), style: merged)
        if width == 2 {
            let nextBase = self[x + 1, y].style
            cells[y * size.width + x + 1] = Cell(.empty, width: 0, style: style.over(nextBase))
        }
        return width
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (or the buffer). Returns columns used.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        var column = x
        for character in text {
            let used = put(character, x: column, y: y, style: style, clip: clip)
            if used == 0 { break }
            column += used
        }
        return column - x
    }

    /// Writes `text` on the first row of `rect`, clipped to it.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, in rect: Rect, style: Style = .plain) -> Int {
        write(text, x: rect.x, y: rect.y, style: style, clip: rect)
    }

    /// Writes `text` on the first row of `rect` aligned within it; cut with "…" when too long.
    public mutating func write(_ text: String, in rect: Rect, alignment: Alignment, style: Style = .plain) {
        let shown = DisplayWidth.truncate(text, to: rect.width)
        let width = DisplayWidth.of(shown)
        let offset: Int
        switch alignment {
        case .leading: offset = 0
        case .center: offset = (rect.width - width) / 2
        case .trailing: offset = rect.width - width
        }
        write(shown, x: rect.x + max(0, offset), y: rect.y, style: style, clip: rect)
    }

    /// Fills `rect` with `symbol` in `style` (colours falling through as in `put`).
    public mutating func fill(_ rect: Rect, symbol: Character = " ", style: Style = .plain) {
        let target = rect.intersection(area)
        for y in target.y..<target.maxY {
            var x = target.x
            while x < target.maxX {
                x += max(1, put(symbol, x: x, y: y, style: style, clip: target))
            }
        }
    }

    /// Changes the style of every cell in `rect` without touching the symbols.
    public mutating func paint(_ rect: Rect, style: Style) {
        let target = rect.intersection(area)
        for y in target.y..<target.maxY {
            for x in target.x..<target.maxX {
                cells[y * size.width + x].style = style.over(cells[y * size.width + x].style)
            }
        }
    }

    /// Adds attributes to every cell in `rect`.
    public mutating func addAttributes(_ attributes: Attributes, in rect: Rect) {
        let target = rect.intersection(area)
        for y in target.y..<target.maxY {
            for x in target.x..<target.maxX {
                cells[y * size.width + x].style.attributes.formUnion(attributes)
            }
        }
    }

    /// The text of each row, wide characters once, trailing spaces kept.
    public func lines() -> [String] {
        (0..<size.height).map { y in
            (0..<size.width).reduce(into: "") { line, x in line += self[x, y].symbol }
        }
    }

    /// Blanks the cell at (x, y) and the other half of any wide character it belongs to.
    private mutating func release(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1].storedSymbol = .space
            cells[index - 1].width = 1
        } else if cell.width == 2, x + 1 < size.width {
            cells[index + 1].storedSymbol = .space
            cells[index + 1].width = 1
        }
        cells[index].storedSymbol = .space
        cells[index].width = 1
    }
}

/// Horizontal placement of text in a rect.
public enum Alignment: Sendable {
    case leading, center, trailing
}
