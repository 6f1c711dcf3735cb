/// An inline action shown as underlined text, e.g. "Use another method". Enter activates it.
public struct Link: Hashable, Sendable {
    public var label: String
    public var isEnabled: Bool

    public init(_ label: String, isEnabled: Bool = true) {
        self.label = label
        self.isEnabled = isEnabled
    }

    public func activates(_ event: Event) -> Bool {
        guard isEnabled, case .key(let key) = event else { return false }
        return key == .enter
    }

    public var width: Int { DisplayWidth.of(label) }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        var style = Style.fg(isEnabled ? .primary : .muted, isEnabled ? .underline : .dim)
        if focused && isEnabled { style.attributes.insert(.reverse) }
        buffer.write(label, in: area.row(0), style: style)
    }
}
