/// A modal question over the current screen: "Remove this device?" [Cancel] [Remove]. The
/// type-to-confirm variant also asks for a phrase (e.g. "Delete account") before confirming.
/// Tab/Shift-Tab/←/→ move between parts, Enter activates, Esc cancels.
public struct ConfirmDialog: Hashable, Sendable {
    public var title: String
    public var message: String
    public var confirmButton: Button
    public var cancelButton: Button
    /// When set, the confirm button stays disabled until this phrase is typed exactly.
    public let confirmationPhrase: String?
    public private(set) var phraseField: TextField
    public private(set) var focus: Part

    public enum Part: Hashable, Sendable {
        case phrase, cancel, confirm
    }

    public enum Outcome: Equatable, Sendable {
        case confirmed, cancelled
    }

    public init(title: String, message: String, confirmLabel: String, cancelLabel: String = "Cancel",
                isDestructive: Bool = false, confirmationPhrase: String? = nil) {
        self.title = title
        self.message = message
        self.confirmationPhrase = confirmationPhrase
        confirmButton = Button(confirmLabel, kind: isDestructive ? .danger : .primary, isEnabled: confirmationPhrase == nil)
        cancelButton = Button(cancelLabel, kind: .secondary)
        phraseField = TextField(placeholder: confirmationPhrase ?? "")
        focus = confirmationPhrase == nil ? .cancel : .phrase
    }

    private var parts: [Part] { confirmationPhrase == nil ? [.cancel, .confirm] : [.phrase, .cancel, .confirm] }

    /// Applies an event; returns the outcome once the user decides.
    public mutating func update(_ event: Event) -> Outcome? {
        if case .key(.escape) = event { return .cancelled }
        if case .key(let key) = event, let index = parts.firstIndex(of: focus) {
            switch key {
            case .tab: focus = parts[(index + 1) % parts.count]; return nil
            case .backTab: focus = parts[(index + parts.count - 1) % parts.count]; return nil
            case .left where focus != .phrase: focus = parts[max(0, index - 1)]; return nil
            case .right where focus != .phrase: focus = parts[min(parts.count - 1, index + 1)]; return nil
            default: break
            }
        }
        switch focus {
        case .phrase:
            if phraseField.update(event) == .submitted, confirmButton.isEnabled { return .confirmed }
            confirmButton.isEnabled = phraseField.text == confirmationPhrase
        case .cancel:
            if cancelButton.activates(event) { return .cancelled }
        case .confirm:
            if confirmButton.activates(event) { return .confirmed }
        }
        return nil
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let width = min(area.width - 2, 56)
        let messageLines = Paragraph.wrap(message, width: width - 4)
        // Border, message, a blank line, [prompt, field, blank line,] buttons, border.
        let phraseRows = confirmationPhrase == nil ? 0 : 3
        let height = min(area.height, messageLines.count + phraseRows + 4)
        let box = area.centered(Size(width: width, height: height))
        buffer.fill(box, style: Style(foreground: .text, background: .background))
        let content = Border(title: title, role: confirmButton.kind == .danger ? .danger : .border)
            .render(into: &buffer, area: box).inset(by: .horizontal(1))
        // The buttons keep their row however small the box gets; the text gives way.
        let (body, buttons) = content.takingBottom(1)
        let (messageArea, afterMessage) = body.takingTop(messageLines.count)
        Paragraph(message, style: .fg(.text)).render(into: &buffer, area: messageArea)
        if let phrase = confirmationPhrase {
            let (prompt, afterPrompt) = afterMessage.takingTop(1).1.takingTop(1)
            buffer.write("Type \"\(phrase)\" to confirm", in: prompt, style: .fg(.muted))
            phraseField.render(into: &buffer, area: afterPrompt.takingTop(1).0, focused: focus == .phrase)
        }
        guard !buttons.isEmpty else { return }
        let confirmX = buttons.maxX - confirmButton.width
        let cancelX = confirmX - 1 - cancelButton.width
        cancelButton.render(into: &buffer, area: Rect(x: cancelX, y: buttons.y, width: cancelButton.width, height: 1), focused: focus == .cancel)
        confirmButton.render(into: &buffer, area: Rect(x: confirmX, y: buttons.y, width: confirmButton.width, height: 1), focused: focus == .confirm)
    }
}
