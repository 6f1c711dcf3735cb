extension Buffer {
    /// Copies the cells of `source` inside `rect` to this buffer with their top-left corner at `origin`,
    /// clipped to this buffer; the source's cursor comes along when it lies inside `rect`. Lets a view draw
    /// more than fits into a scratch buffer and show the part that matters (a scrolled card).
    public mutating func copy(_ rect: Rect, of source: Buffer, to origin: Position) {
        for y in rect.y..<rect.maxY {
            var x = rect.x
            while x < rect.maxX {
                let cell = source[x, y]
                let targetX = origin.x + x - rect.x, targetY = origin.y + y - rect.y
                if cell.isContinuation {
                    x += 1
                    continue
                }
                let symbol = cell.storedSymbol.isEmpty ? .space : cell.storedSymbol
                let used = place(symbol, width: Int(cell.width), x: targetX, y: targetY, style: cell.style)
                x += max(used, 1)
            }
        }
        if let caret = source.cursor, rect.contains(caret) {
            cursor = Position(x: origin.x + caret.x - rect.x, y: origin.y + caret.y - rect.y)
        }
    }
}
