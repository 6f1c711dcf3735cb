/// How a cell looks: semantic colours plus attributes. A nil colour keeps what the cell already had
/// when patched, and means the theme's `text`/`background` when resolved.
public struct Style: Hashable, Sendable {
    public var foreground: ColorRole?
    public var background: ColorRole?
    public var attributes: Attributes

    public init(foreground: ColorRole? = nil, background: ColorRole? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// What text fields show typed text in. The terminal backend makes it the terminal's normal colours where the
    /// theme allows, so that a keystroke writes its character and no colour change.
    public static let typing = Style(foreground: .text, background: .input)

    public static func fg(_ role: ColorRole, _ attributes: Attributes = []) -> Style {
        Style(foreground: role, attributes: attributes)
    }

    /// This style drawn over `base`: colours fall through where unset, attributes are replaced.
    public func over(_ base: Style) -> Style {
        Style(foreground: foreground ?? base.foreground, background: background ?? base.background, attributes: attributes)
    }

    public func adding(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
