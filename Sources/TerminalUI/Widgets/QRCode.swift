import CQREncode

/// A QR code drawn with half blocks (two modules per cell row), as `qrencode -t UTF8` does.
/// When the area is too small it shows a notice and a text fallback instead (e.g. the secret); an empty fallback
/// means the text is on screen already, so only the notice is shown.
public struct QRCode: Hashable, Sendable {
    /// Dark modules, row by row.
    public let modules: [[Bool]]
    public var fallback: String
    /// Quiet-zone modules around the code (the spec wants 4; 2 scans fine on screens).
    public var quietZone: Int
    /// Draw light modules as ink instead, for themes whose text is lighter than their background.
    public var inverted: Bool

    /// Encodes `text` (byte mode, error correction level L); nil if libqrencode refuses it.
    public init?(_ text: String, fallback: String, quietZone: Int = 2, inverted: Bool = false) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        modules = (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
        self.fallback = fallback
        self.quietZone = quietZone
        self.inverted = inverted
    }

    /// Cells needed to draw the code with its quiet zone.
    public var requiredSize: Size {
        let side = modules.count + 2 * quietZone
        return Size(width: side, height: (side + 1) / 2)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.size.contains(requiredSize) else {
            renderFallback(into: &buffer, area: area)
            return
        }
        let box = area.centered(requiredSize)
        let side = modules.count + 2 * quietZone
        for row in 0..<box.height {
            var line = ""
            for x in 0..<side {
                let top = isDark(x: x, y: row * 2), bottom = isDark(x: x, y: row * 2 + 1)
                let half: Character = switch (top, bottom) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
                line.append(half)
            }
            buffer.write(line, x: box.x, y: box.y + row, style: Style(foreground: .text, background: .background))
        }
    }

    private func isDark(x: Int, y: Int) -> Bool {
        let mx = x - quietZone, my = y - quietZone
        let dark = modules.indices.contains(my) && modules[my].indices.contains(mx) && modules[my][mx]
        return dark != inverted
    }

    /// Rows the code takes in `area`: all of its height when it fits, else what the fallback needs.
    public func height(fitting area: Size) -> Int {
        guard !area.contains(requiredSize) else { return requiredSize.height }
        let notice = Paragraph.wrap(fallbackNotice, width: area.width).count
        return fallback.isEmpty ? notice : notice + 1 + Paragraph.wrap(fallback, width: area.width).count
    }

    /// Says why there is no code; an empty `fallback` means the text is on screen already.
    private var fallbackNotice: String {
        let needed = requiredSize
        let notice = "The window is too small for the QR code (needs \(needed.width)x\(needed.height))."
        return fallback.isEmpty ? notice : notice + " Enter this instead:"
    }

    private func renderFallback(into buffer: inout Buffer, area: Rect) {
        let notice = fallbackNotice
        let noticeHeight = Paragraph.wrap(notice, width: area.width).count
        let (top, rest) = area.takingTop(noticeHeight)
        Paragraph(notice, style: .fg(.muted)).render(into: &buffer, area: top)
        if !fallback.isEmpty {
            Paragraph(fallback, style: .fg(.text, .bold)).render(into: &buffer, area: rest.takingTop(1).1)
        }
    }
}
