/// A rounded box around a rect, with an optional title on the top edge.
public struct Border: Hashable, Sendable {
    public var title: String?
    public var role: ColorRole

    public init(title: String? = nil, role: ColorRole = .border) {
        self.title = title
        self.role = role
    }

    /// Draws the box and returns the inside.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let style = Style.fg(role)
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.write("╭" + horizontal + "╮", x: area.x, y: area.y, style: style)
        for y in area.y + 1..<area.maxY - 1 {
            buffer.write("│", x: area.x, y: y, style: style)
            buffer.write("│", x: area.maxX - 1, y: y, style: style)
        }
        buffer.write("╰" + horizontal + "╯", x: area.x, y: area.maxY - 1, style: style)
        if let title, area.width > 4 {
            buffer.write(" " + DisplayWidth.truncate(title, to: area.width - 6) + " ", x: area.x + 2, y: area.y, style: .fg(.text, .bold))
        }
        return area.inset(by: .all(1))
    }
}
