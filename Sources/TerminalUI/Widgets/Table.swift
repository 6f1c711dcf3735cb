/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Constraint

    public init(_ title: String, width: Constraint = .fill(1)) {
        self.title = title
        self.width = width
    }
}

/// Rows under a header, one highlighted. Up/Down, PgUp/PgDn, Home/End move; Enter activates.
public struct Table: Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public private(set) var selected = 0
    public var pageSize = 5

    public init(columns: [TableColumn], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    public enum Change: Equatable, Sendable {
        case moved
        case activated(Int)
    }

    public mutating func update(_ event: Event) -> Change? {
        guard case .key(let key) = event, !rows.isEmpty else { return nil }
        switch key {
        case .up, .ctrl("p"): selected = max(0, selected - 1)
        case .down, .ctrl("n"): selected = min(rows.count - 1, selected + 1)
        case .pageUp: selected = max(0, selected - pageSize)
        case .pageDown: selected = min(rows.count - 1, selected + pageSize)
        case .home: selected = 0
        case .end: selected = rows.count - 1
        case .enter: return .activated(selected)
        default: return nil
        }
        return .moved
    }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard area.height >= 2 else { return }
        let cells = area.split(.horizontal, columns.map(\.width), spacing: 2)
        for (column, rect) in zip(columns, cells) {
            buffer.write(DisplayWidth.truncate(column.title, to: rect.width), x: rect.x, y: area.y, style: .fg(.muted, .bold), clip: rect)
        }
        buffer.fill(area.row(1), symbol: "─", style: .fg(.border))
        let body = area.takingTop(2).1
        guard !rows.isEmpty else {
            buffer.write("Nothing here yet", in: body.row(0), style: .fg(.muted, .italic))
            return
        }
        let offset = max(0, min(selected - body.height + 1, rows.count - body.height))
        for line in 0..<min(body.height, rows.count - offset) {
            let index = offset + line
            let y = body.y + line
            let isSelected = index == selected
            var style = Style.fg(.text, isSelected ? .bold : [])
            if isSelected && focused { style = Style(foreground: .focus, attributes: [.bold, .reverse]) }
            if isSelected && focused { buffer.paint(body.row(line), style: style) }
            for (value, rect) in zip(rows[index], cells) {
                buffer.write(DisplayWidth.truncate(value, to: rect.width), x: rect.x, y: y, style: style, clip: Rect(x: rect.x, y: y, width: rect.width, height: 1))
            }
        }
    }
}
