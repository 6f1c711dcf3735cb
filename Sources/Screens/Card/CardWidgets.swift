import Portal
import TerminalUI

/// The editing widgets behind a card's fields, kept across frames so carets and masks survive.
/// The machine stays the source of truth: `sync` copies its values back after every update.
struct CardWidgets {
    var texts: [FieldID: TextField] = [:]
    var secrets: [FieldID: SecretField] = [:]
    var codes: [FieldID: CodeField] = [:]
    /// The labels of copy controls already used on this card: they read "Copied!".
    var copied: Set<String> = []

    /// Makes sure every field of `card` has a widget showing the machine's value and error.
    mutating func sync(with card: Card) {
        for control in card.controls {
            switch control {
            case .text(let id, _, let placeholder, let value, let error, let hint):
                // Long enough for an invitation link pasted whole: its ticket is a signed token.
                var field = texts[id] ?? TextField(value, placeholder: placeholder, limit: 2048)
                if field.text != value { field.editor.set(value) }
                field.placeholder = placeholder
                field.error = error
                field.hint = hint
                texts[id] = field
            case .secret(let id, _, let placeholder, let error, let hint):
                var field = secrets[id] ?? SecretField(placeholder: placeholder, limit: 256)
                field.error = error
                field.hint = hint
                secrets[id] = field
            case .code(let id, _, let error):
                var field = codes[id] ?? CodeField()
                field.error = error
                codes[id] = field
            default:
                break
            }
        }
    }

    /// Empties the widget of a field the machine cleared (a wrong code, a rejected password).
    mutating func clear(_ id: FieldID) {
        secrets[id]?.clear()
        codes[id]?.clear()
        texts[id]?.editor.set("")
    }

    /// Drops all widgets, for a new card.
    mutating func reset() {
        self = CardWidgets()
    }
}
