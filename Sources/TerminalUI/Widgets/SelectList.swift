/// One choice in a `SelectList`.
public struct SelectOption: Hashable, Sendable {
    public var id: String
    public var label: String
    /// Extra words shown dimmed after the label (and matched by the filter).
    public var detail: String?

    public init(id: String, label: String, detail: String? = nil) {
        self.id = id
        self.label = label
        self.detail = detail
    }
}

/// A scrolling list with a highlighted row and type-to-filter (huh's Select). Arrows, Ctrl-P/N,
/// PgUp/PgDn, Home/End move; typing filters; Backspace edits the filter; Esc clears it; Enter picks.
public struct SelectList: Hashable, Sendable {
    public var options: [SelectOption]
    public private(set) var filter = ""
    /// Index into `visibleOptions`.
    public private(set) var highlighted = 0
    public var selectedID: String?
    /// Rows moved by PgUp/PgDn.
    public var pageSize = 5

    public init(options: [SelectOption], selectedID: String? = nil) {
        self.options = options
        self.selectedID = selectedID
        if let selectedID, let index = options.firstIndex(where: { $0.id == selectedID }) { highlighted = index }
    }

    /// What an event did.
    public enum Change: Equatable, Sendable {
        case moved, filtered
        case selected(SelectOption)
    }

    /// Options matching the filter (case-insensitive, label or detail).
    public var visibleOptions: [SelectOption] {
        guard !filter.isEmpty else { return options }
        let needle = filter.lowercased()
        return options.filter { ($0.label + " " + ($0.detail ?? "")).lowercased().contains(needle) }
    }

    public var highlightedOption: SelectOption? {
        let visible = visibleOptions
        return visible.indices.contains(highlighted) ? visible[highlighted] : nil
    }

    public mutating func update(_ event: Event) -> Change? {
        let count = visibleOptions.count
        switch event {
        case .paste(let text):
            filter += LineEditor.singleLine(text)
        case .key(let key):
            switch key {
            case .up, .ctrl("p"): highlighted = max(0, highlighted - 1); return .moved
            case .down, .ctrl("n"): highlighted = max(0, min(count - 1, highlighted + 1)); return .moved
            case .pageUp: highlighted = max(0, highlighted - pageSize); return .moved
            case .pageDown: highlighted = max(0, min(count - 1, highlighted + pageSize)); return .moved
            case .home: highlighted = 0; return .moved
            case .end: highlighted = max(0, count - 1); return .moved
            case .enter:
                guard let option = highlightedOption else { return nil }
                selectedID = option.id
                return .selected(option)
            case .backspace:
                guard !filter.isEmpty else { return nil }
                filter.removeLast()
            case .escape:
                guard !filter.isEmpty else { return nil }
                filter = ""
            case .character(let character):
                filter.append(character)
            default:
                return nil
            }
        default:
            return nil
        }
        highlighted = 0
        return .filtered
    }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        var rows = area
        if !filter.isEmpty {
            let (line, rest) = area.takingTop(1)
            buffer.write("Filter: " + filter, in: line, style: .fg(.muted))
            if focused { buffer.cursor = Position(x: min(line.maxX - 1, line.x + 8 + DisplayWidth.of(filter)), y: line.y) }
            rows = rest
        }
        let visible = visibleOptions
        guard !visible.isEmpty else {
            buffer.write("No matches", in: rows.row(0), style: .fg(.muted, .italic))
            return
        }
        let offset = max(0, min(highlighted - rows.height + 1, visible.count - rows.height))
        for row in 0..<min(rows.height, visible.count - offset) {
            let index = offset + row
            let option = visible[index]
            let line = rows.row(row)
            let isHighlighted = index == highlighted
            let marker = isHighlighted ? (focused ? "›" : "·") : " "
            let check = option.id == selectedID ? " ✓" : ""
            var style = Style.fg(isHighlighted && focused ? .focus : .text, isHighlighted ? .bold : [])
            let used = buffer.write("\(marker) \(option.label)\(check)", in: line, style: style)
            if let detail = option.detail {
                style = .fg(.muted)
                buffer.write("  " + detail, x: line.x + used, y: line.y, style: style, clip: line)
            }
        }
        if offset > 0 { buffer.write("↑", x: rows.maxX - 1, y: rows.y, style: .fg(.muted)) }
        if offset + rows.height < visible.count { buffer.write("↓", x: rows.maxX - 1, y: rows.maxY - 1, style: .fg(.muted)) }
    }
}
