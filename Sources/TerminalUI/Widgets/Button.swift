/// A push button, "[ Continue ]". Enter or Space activates it; focus shows it in reverse.
public struct Button: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case primary, secondary, danger
    }

    public var label: String
    public var kind: Kind
    public var isEnabled: Bool

    public init(_ label: String, kind: Kind = .primary, isEnabled: Bool = true) {
        self.label = label
        self.kind = kind
        self.isEnabled = isEnabled
    }

    /// True when the event presses the button.
    public func activates(_ event: Event) -> Bool {
        guard isEnabled, case .key(let key) = event else { return false }
        return key == .enter || key == .character(" ")
    }

    public var width: Int { DisplayWidth.of(label) + 4 }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        let role: ColorRole = switch kind {
        case .primary: .primary
        case .secondary: .text
        case .danger: .danger
        }
        var style = Style.fg(isEnabled ? role : .muted, kind == .secondary ? [] : .bold)
        if focused && isEnabled { style.attributes.insert(.reverse) }
        if !isEnabled { style.attributes.insert(.dim) }
        buffer.write("[ \(label) ]", in: area.row(0), style: style)
    }
}
