/// A colour the terminal can show as-is: its default, a palette index, or (direct colour only) RGB.
public enum TerminalColor: Hashable, Sendable, CustomStringConvertible {
    case terminalDefault
    case palette(UInt8)
    case rgb(RGB)

    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .palette(let index): "\(index)"
        case .rgb(let rgb): rgb.description
        }
    }
}

/// A style with its roles turned into terminal colours for one level.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: Attributes

    public init(foreground: TerminalColor, background: TerminalColor, attributes: Attributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
