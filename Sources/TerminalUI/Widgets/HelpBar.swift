/// The key help at the bottom of a screen, generated from the active keymap (bubbles' `help`).
/// Short: one line, cut with "…"; full (`?`): one column per group of bindings.
public struct HelpBar {
    public var keyMap: KeyMap
    public var showsAll: Bool

    public init(keyMap: KeyMap, showsAll: Bool = false) {
        self.keyMap = keyMap
        self.showsAll = showsAll
    }

    private static let separator = " • "

    /// Rows needed: 1 when short, else the tallest column.
    public func height(width: Int) -> Int {
        guard showsAll else { return 1 }
        return max(1, columns.map(\.count).max() ?? 1)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        if showsAll { renderFull(into: &buffer, area: area) } else { renderShort(into: &buffer, area: area.row(0)) }
    }

    private var columns: [[KeyBinding]] {
        keyMap.full.map { $0.filter(\.isEnabled) }.filter { !$0.isEmpty }
    }

    private func renderShort(into buffer: inout Buffer, area: Rect) {
        let bindings = keyMap.short.filter(\.isEnabled)
        var x = area.x
        for (index, binding) in bindings.enumerated() {
            let lead = index == 0 ? "" : Self.separator
            let item = binding.label + " " + binding.help
            let needed = DisplayWidth.of(lead + item)
            // Every item but the last leaves room for the " …" that would follow it.
            let reserve = index == bindings.count - 1 ? 0 : 2
            if x + needed + reserve > area.maxX {
                if x + 2 <= area.maxX { buffer.write(" …", x: x, y: area.y, style: .fg(.muted), clip: area) }
                return
            }
            x += buffer.write(lead, x: x, y: area.y, style: .fg(.border), clip: area)
            x += buffer.write(binding.label, x: x, y: area.y, style: .fg(.text, .bold), clip: area)
            x += buffer.write(" " + binding.help, x: x, y: area.y, style: .fg(.muted), clip: area)
        }
    }

    private func renderFull(into buffer: inout Buffer, area: Rect) {
        var x = area.x
        for column in columns {
            let labelWidth = column.map { DisplayWidth.of($0.label) }.max() ?? 0
            let width = column.map { labelWidth + 1 + DisplayWidth.of($0.help) }.max() ?? 0
            guard x + width <= area.maxX else {
                buffer.write("…", x: min(x, area.maxX - 1), y: area.y, style: .fg(.muted), clip: area)
                return
            }
            for (row, binding) in column.enumerated() where row < area.height {
                buffer.write(binding.label, x: x, y: area.y + row, style: .fg(.text, .bold), clip: area)
                buffer.write(binding.help, x: x + labelWidth + 1, y: area.y + row, style: .fg(.muted), clip: area)
            }
            x += width + 3
        }
    }
}
