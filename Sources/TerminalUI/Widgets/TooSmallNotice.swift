/// Shown instead of the app while the terminal is smaller than it needs.
public struct TooSmallNotice {
    public var required: Size

    public init(required: Size) {
        self.required = required
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let lines = [
            "Terminal too small",
            "\(area.width)x\(area.height), needs \(required.width)x\(required.height)",
            "Enlarge the window to continue",
        ]
        let box = area.centered(Size(width: area.width, height: lines.count))
        for (index, line) in lines.enumerated() {
            buffer.write(line, in: box.row(index), alignment: .center,
                         style: index == 0 ? .fg(.warning, .bold) : .fg(.muted))
        }
    }
}
