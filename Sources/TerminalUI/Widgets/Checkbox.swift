/// "[x] Label". Space, x or Enter toggles it.
public struct Checkbox: Hashable, Sendable {
    public var label: String
    public var isChecked: Bool

    public init(_ label: String, isChecked: Bool = false) {
        self.label = label
        self.isChecked = isChecked
    }

    /// Toggles on Space/x/Enter and says so.
    public mutating func update(_ event: Event) -> Bool {
        guard case .key(let key) = event, [.character(" "), .character("x"), .enter].contains(key) else { return false }
        isChecked.toggle()
        return true
    }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        let row = area.row(0)
        let box = isChecked ? "[x]" : "[ ]"
        let used = buffer.write(box, in: row, style: .fg(focused ? .focus : .border, focused ? .bold : []))
        buffer.write(" " + label, x: row.x + used, y: row.y, style: .fg(.text, focused ? .bold : []), clip: row)
    }
}
