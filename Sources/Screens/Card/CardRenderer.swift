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

    func render(into buffer: inout Buffer, area: Rect) {
        let width = min(Self.maxWidth, max(area.width - 2, 1))
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y, width: width, height: area.height)
        var y = box.y + 1
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
            let size = code.requiredSize
            let height = min(size.height, max(box.maxY - y - 4, 1))
            code.render(into: &buffer, area: row(height))
            y += 1
        }
        for (index, control) in card.controls.enumerated() {
            render(control, focused: index == focus, into: &buffer, row: row)
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
        case .link(let label, let prefix, _, let enabled):
            var area = row(1)
            if let prefix {
                let used = buffer.write(prefix + " ", in: area, style: .fg(.muted))
                area = area.takingLeft(used).1
            }
            Link(label, isEnabled: enabled).render(into: &buffer, area: area, focused: focused)
        }
    }
}
