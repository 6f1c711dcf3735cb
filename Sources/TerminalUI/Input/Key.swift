/// A key press, decoded from the terminal. Text keys carry their grapheme; control keys are named.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter (lowercase), e.g. `.ctrl("c")`.
    case ctrl(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// The text this key types, if it is a printable character.
    public var text: Character? {
        if case .character(let character) = self { character } else { nil }
    }

    /// bubbletea-style names ("ctrl+c", "shift+tab", "enter", "a", "space"), used by key bindings.
    public var description: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .ctrl(let letter): "ctrl+\(letter)"
        case .enter: "enter"
        case .tab: "tab"
        case .backTab: "shift+tab"
        case .escape: "esc"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdown"
        case .function(let n): "f\(n)"
        }
    }
}
