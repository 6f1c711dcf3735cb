/// A banner that floats in the bottom-right corner and dismisses itself after a few seconds.
public struct Toast: Hashable, Sendable {
    public var banner: Banner
    public let id: String

    /// Shows `banner`; send the returned command so the toast can expire.
    public static func show(_ banner: Banner, id: String = "toast", for duration: Duration = .seconds(4)) -> (Toast, Command) {
        (Toast(banner: banner, id: id), .tick(Tick(id), after: duration))
    }

    /// True when `event` is this toast's expiry.
    public func expires(on event: Event) -> Bool {
        if case .tick(let tick) = event { return tick.id == id }
        return false
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let width = min(area.width, DisplayWidth.of(banner.message) + 6)
        let height = banner.height(width: width - 4) + 2
        let box = Rect(x: area.maxX - width, y: area.maxY - height, width: width, height: height)
        buffer.fill(box, style: Style(foreground: .text, background: .background))
        let inside = Border(role: banner.kind.role).render(into: &buffer, area: box)
        banner.render(into: &buffer, area: inside.inset(by: .horizontal(1)))
    }
}
