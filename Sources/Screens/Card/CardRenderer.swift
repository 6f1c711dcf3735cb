import Portal
import TerminalUI

/// Draws a `Card` centred on the screen, Clerk-card style: header, alert, body, controls, footer links.
struct CardRenderer {
    var card: Card
    var widgets: CardWidgets
    /// Index into `card.controls` of the focused control.
    var focus: Int?
    /// The "Development mode" badge.
    var developmentBadge: Bool

    static let maxWidth = 64
    /// Rows a card may take before it is cut off: far more than any card needs.
    static let maximumHeight = 400

    /// Draws the card centred; when it is taller than `area`, shows the part around the focused control
    /// with ↑/↓ marks where more lies above or below.
    func render(into buffer: inout Buffer, area: Rect) {
        let width = min(Self.maxWidth, max(area.width - 2, 1))
        // Sized to the card, not the maximum: this buffer is filled on every frame (every keystroke).
        let height = min(max(estimatedHeight(width: width), area.height), Self.maximumHeight)
        var scratch = Buffer(size: Size(width: width, height: height))
        let layout = draw(into: &scratch, width: width, visibleHeight: area.height)
        let top = Self.scrollOffset(contentHeight: layout.height, focused: layout.focused, visible: area.height)
        let origin = Position(x: area.x + (area.width - width) / 2, y: area.y)
        let shown = min(area.height, max(layout.height - top, 0))
        buffer.copy(Rect(x: 0, y: top, width: width, height: shown), of: scratch, to: origin)
        // The marks sit just right of the card when there is room, so they never cover its text (the badge row).
        let markX = origin.x + width < area.maxX ? origin.x + width : origin.x + width - 1
        if top > 0 { buffer.write("↑", x: markX, y: origin.y, style: .fg(.muted)) }
        if top + area.height < layout.height { buffer.write("↓", x: markX, y: area.maxY - 1, style: .fg(.muted)) }
    }

    /// The first row to show so that the focused rows are visible, keeping the top in view when possible.
    static func scrollOffset(contentHeight: Int, focused: Range<Int>?, visible: Int) -> Int {
        guard contentHeight > visible, visible > 0 else { return 0 }
        var top = 0
        if let focused {
            if focused.upperBound > top + visible { top = focused.upperBound - visible }
            if focused.lowerBound < top { top = focused.lowerBound }
        }
        return min(max(top, 0), contentHeight - visible)
    }

    /// Draws the whole card from row 0 of `buffer`; returns its height and the focused control's rows.
    private func draw(into buffer: inout Buffer, width: Int, visibleHeight: Int) -> (height: Int, focused: Range<Int>?) {
        let box = Rect(x: 0, y: 0, width: width, height: buffer.size.height)
        var y = 1
        func row(_ height: Int = 1) -> Rect {
            defer { y += height }
            return Rect(x: box.x, y: y, width: box.width, height: height).intersection(box)
        }
        if developmentBadge {
            buffer.write(Copy.developmentMode, in: row(), alignment: .trailing, style: .fg(.warning, .bold))
        }
        buffer.write(card.title, in: row(), style: .fg(.primary, .bold))
        if let subtitle = card.subtitle {
            let paragraph = Paragraph(subtitle, style: .fg(.muted))
            paragraph.render(into: &buffer, area: row(paragraph.height(width: box.width)))
        }
        y += 1
        if let notice = card.notice {
            notice.render(into: &buffer, area: row(notice.height(width: box.width)))
            y += 1
        }
        for line in card.lines {
            let paragraph = Paragraph(line)
            paragraph.render(into: &buffer, area: row(paragraph.height(width: box.width)))
        }
        if !card.lines.isEmpty { y += 1 }
        if let qr = card.qr, let code = QRCode(qr.text, fallback: qr.fallback) {
            // The code gets what the screen has left once the controls fit; too little shows the key instead.
            let controls = card.controls.reduce(0) { $0 + rows(of: $1) }
            // Below the code: one blank row, then the controls.
            let height = code.height(fitting: Size(width: box.width, height: max(visibleHeight - y - 1 - controls, 1)))
            code.render(into: &buffer, area: row(height))
            y += 1
        }
        var focusedRows: Range<Int>?
        for (index, control) in card.controls.enumerated() {
            let start = y
            render(control, focused: index == focus, into: &buffer, row: row)
            if index == focus { focusedRows = start..<max(y, start + 1) }
        }
        return (y, focusedRows)
    }

    /// The rows `draw` will use, at least (it never draws past what this counts).
    private func estimatedHeight(width: Int) -> Int {
        var height = 2 + (developmentBadge ? 1 : 0) + 1
        if let subtitle = card.subtitle { height += Paragraph(subtitle).height(width: width) }
        if let notice = card.notice { height += notice.height(width: width) + 1 }
        height += card.lines.reduce(0) { $0 + Paragraph($1).height(width: width) } + (card.lines.isEmpty ? 0 : 1)
        if let qr = card.qr, let code = QRCode(qr.text, fallback: qr.fallback) { height += code.requiredSize.height + 1 }
        return height + card.controls.reduce(0) { $0 + rows(of: $1) }
    }

    /// Rows a control takes, to leave room for the controls below a QR code.
    private func rows(of control: Control) -> Int {
        switch control {
        case .text(let id, _, _, _, _, _): 2 + (widgets.texts[id]?.height ?? 1)
        case .secret(let id, _, _, _, _): 2 + (widgets.secrets[id]?.height ?? 1)
        case .code(let id, _, _): 2 + (widgets.codes[id]?.height ?? 1)
        case .checkbox, .button, .note, .section: 2
        case .option, .row, .link, .copy: 1
        }
    }

    private func render(
        _ control: Control, focused: Bool, into buffer: inout Buffer, row: (Int) -> Rect
    ) {
        switch control {
        case .text(let id, let label, _, _, _, _):
            buffer.write(label, in: row(1), style: .fg(.muted))
            if let field = widgets.texts[id] {
                field.render(into: &buffer, area: row(field.height), focused: focused)
            }
            _ = row(1)
        case .secret(let id, let label, _, _, _):
            buffer.write(label, in: row(1), style: .fg(.muted))
            if let field = widgets.secrets[id] {
                field.render(into: &buffer, area: row(field.height), focused: focused)
            }
            _ = row(1)
        case .code(let id, let label, _):
            buffer.write(label, in: row(1), style: .fg(.muted))
            if let field = widgets.codes[id] {
                field.render(into: &buffer, area: row(field.height), focused: focused)
            }
            _ = row(1)
        case .checkbox(let label, let checked, _):
            Checkbox(label, isChecked: checked).render(into: &buffer, area: row(1), focused: focused)
            _ = row(1)
        case .button(let label, _, let enabled):
            Button(label, isEnabled: enabled).render(into: &buffer, area: row(1), focused: focused)
            _ = row(1)
        case .option(let label, let detail, _):
            let area = row(1)
            let marker = focused ? "› " : "  "
            let used = buffer.write(marker, in: area, style: .fg(.primary))
            let rest = area.takingLeft(used).1
            Link(label).render(into: &buffer, area: rest, focused: focused)
            if let detail {
                let after = rest.takingLeft(DisplayWidth.of(label) + 2).1
                buffer.write(detail, in: after, style: .fg(.muted))
            }
        case .note(let text):
            buffer.write(text, in: row(1), style: .fg(.muted))
            _ = row(1)
        case .row(let label, let detail):
            let area = row(1).takingLeft(2).1
            let used = buffer.write(label, in: area)
            if let detail { buffer.write(detail, in: area.takingLeft(used + 2).1, style: .fg(.muted)) }
        case .section(let title):
            _ = row(1)
            buffer.write(title, in: row(1), style: Style(attributes: .bold))
        case .link(let label, let prefix, _, let enabled):
            var area = row(1)
            if let prefix {
                let used = buffer.write(prefix + " ", in: area, style: .fg(.muted))
                area = area.takingLeft(used).1
            }
            Link(label, isEnabled: enabled).render(into: &buffer, area: area, focused: focused)
        case .copy(let label, _):
            Link(widgets.copied.contains(label) ? Copy.copied : label).render(into: &buffer, area: row(1), focused: focused)
        }
    }
}
