/// An alert line with an icon, so its meaning never rests on colour alone.
public struct Banner: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, success, warning, danger

        var role: ColorRole {
            switch self {
            case .info: .primary
            case .success: .success
            case .warning: .warning
            case .danger: .danger
            }
        }

        var icon: String {
            switch self {
            case .info: "ℹ"
            case .success: "✓"
            case .warning: "!"
            case .danger: "✕"
            }
        }
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public func height(width: Int) -> Int { Paragraph.wrap(message, width: max(1, width - 2)).count }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.write(kind.icon, x: area.x, y: area.y, style: .fg(kind.role, .bold), clip: area)
        Paragraph(message, style: .fg(kind.role)).render(into: &buffer, area: area.takingLeft(2).1)
    }
}
