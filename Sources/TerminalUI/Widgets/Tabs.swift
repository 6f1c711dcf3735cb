/// A row of tabs: " Profile │ Security ". Left/Right switch when focused.
public struct Tabs: Hashable, Sendable {
    public var titles: [String]
    public private(set) var selected: Int

    public init(_ titles: [String], selected: Int = 0) {
        self.titles = titles
        self.selected = min(max(0, selected), max(0, titles.count - 1))
    }

    /// Moves the selection on Left/Right; returns the new index when it changed.
    public mutating func update(_ event: Event) -> Int? {
        guard case .key(let key) = event else { return nil }
        let previous = selected
        switch key {
        case .left: selected = max(0, selected - 1)
        case .right: selected = min(titles.count - 1, selected + 1)
        default: return nil
        }
        return selected == previous ? nil : selected
    }

    public mutating func select(_ index: Int) {
        selected = min(max(0, index), max(0, titles.count - 1))
    }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        let row = area.row(0)
        var x = row.x
        for (index, title) in titles.enumerated() {
            if index > 0 { x += buffer.write(" │ ", x: x, y: row.y, style: .fg(.border), clip: row) }
            let isSelected = index == selected
            var style = Style.fg(isSelected ? .primary : .muted, isSelected ? [.bold, .underline] : [])
            if isSelected && focused { style.attributes.insert(.reverse) }
            x += buffer.write(title, x: x, y: row.y, style: style, clip: row)
        }
    }
}
