/// A single line of text and a caret, with readline-style editing. The caret counts graphemes,
/// so combining marks and CJK behave as one unit each.
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: String
    /// Caret position in graphemes from the start, 0...text.count.
    public private(set) var cursor: Int
    /// Maximum graphemes, if limited.
    public var limit: Int?

    public init(text: String = "", limit: Int? = nil) {
        self.text = text
        self.cursor = text.count
        self.limit = limit
    }

    /// What an edit did.
    public enum Change: Equatable, Sendable {
        case edited, moved, submitted
    }

    /// Applies an editing key or paste. Returns nil for events the editor does not use (Tab, Esc,
    /// arrows up/down...), so the owner can act on them.
    public mutating func handle(_ event: Event) -> Change? {
        switch event {
        case .paste(let pasted):
            insert(Self.singleLine(pasted))
            return .edited
        case .key(let key):
            return handle(key)
        default:
            return nil
        }
    }

    private mutating func handle(_ key: Key) -> Change? {
        switch key {
        case .character(let character):
            insert(String(character))
            return .edited
        case .enter:
            return .submitted
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .moved }
            replace(cursor - 1..<cursor, with: "")
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return .moved }
            replace(cursor..<cursor + 1, with: "")
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
            return .moved
        case .right, .ctrl("f"):
            cursor = min(text.count, cursor + 1)
            return .moved
        case .home, .ctrl("a"):
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            cursor = text.count
            return .moved
        case .ctrl("u"):
            replace(0..<cursor, with: "")
        case .ctrl("k"):
            replace(cursor..<text.count, with: "")
        case .ctrl("w"):
            replace(wordStart()..<cursor, with: "")
        default:
            return nil
        }
        return .edited
    }

    /// Replaces the whole text, caret at the end.
    public mutating func set(_ newText: String) {
        text = ""
        cursor = 0
        insert(newText)
    }

    /// Inserts at the caret, respecting the limit.
    public mutating func insert(_ insertion: String) {
        var piece = insertion
        if let limit { piece = String(piece.prefix(max(0, limit - text.count))) }
        replace(cursor..<cursor, with: piece)
    }

    private mutating func replace(_ range: Range<Int>, with piece: String) {
        let start = text.index(text.startIndex, offsetBy: range.lowerBound)
        let end = text.index(text.startIndex, offsetBy: range.upperBound)
        let head = String(text[..<start]) + piece
        text = head + text[end...]
        // Count from the joined string: a combining mark may merge with the grapheme before it.
        cursor = min(text.count, head.count)
    }

    /// Start of the word before the caret (spaces, then non-spaces), as readline's Ctrl-W.
    private func wordStart() -> Int {
        let characters = Array(text.prefix(cursor))
        var index = characters.count
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    /// A paste for a one-line field: line breaks and tabs become spaces, other controls vanish.
    static func singleLine(_ text: String) -> String {
        var result = ""
        for scalar in text.replacingLineBreaks().unicodeScalars {
            if scalar == "\t" { result.append(" ") } else if scalar.value >= 0x20 && scalar.value != 0x7F { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}

extension String {
    /// "\r\n", "\r" and "\n" each become one space; a trailing break is dropped.
    fileprivate func replacingLineBreaks() -> String {
        var result = ""
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\r" || scalar == "\n" { result.append(" ") } else { result.unicodeScalars.append(scalar) }
        }
        while result.hasSuffix(" ") && (hasSuffix("\n") || hasSuffix("\r")) { result.removeLast() }
        return result
    }
}
