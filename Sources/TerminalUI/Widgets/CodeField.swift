/// A one-time-code input: a row of digit cells (6 by default). Typing or pasting fills it; a paste
/// keeps only the digits ("123 456", "123-456"); filling the last cell submits by itself.
public struct CodeField: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let length: Int
    public private(set) var digits: String = ""
    public var error: String?

    public init(length: Int = 6) {
        self.length = length
    }

    /// What an input did.
    public enum Change: Equatable, Sendable {
        case edited
        /// All cells are filled: submit the code.
        case completed(String)
    }

    public var isComplete: Bool { digits.count == length }

    public mutating func update(_ event: Event) -> Change? {
        switch event {
        case .paste(let text):
            digits = String((digits + text.filter(\.isASCIIDigit)).prefix(length))
        case .key(.character(let character)) where character.isASCIIDigit:
            guard !isComplete else { return nil }
            digits.append(character)
        case .key(.backspace):
            guard !digits.isEmpty else { return nil }
            digits.removeLast()
        case .key(.ctrl("u")):
            digits = ""
        case .key(.enter) where isComplete:
            return .completed(digits)
        default:
            return nil
        }
        error = nil
        return isComplete ? .completed(digits) : .edited
    }

    public mutating func clear() {
        digits = ""
    }

    /// Columns needed: three per cell plus a space between cells.
    public var width: Int { length * 4 - 1 }
    public var height: Int { error == nil ? 1 : 2 }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        let characters = Array(digits)
        for index in 0..<length {
            let x = area.x + index * 4
            let isCurrent = focused && index == min(characters.count, length - 1)
            let style = isCurrent ? Style.typing.adding(.underline) : .typing
            let symbol = index < characters.count ? String(characters[index]) : (isCurrent ? " " : "·")
            buffer.write(" \(symbol) ", x: x, y: area.y, style: style, clip: area)
            if isCurrent && index >= characters.count { buffer.cursor = Position(x: x + 1, y: area.y) }
        }
        if focused && isComplete { buffer.cursor = nil }
        if area.height > 1, let error {
            buffer.write(DisplayWidth.truncate("✕ " + error, to: area.width), in: area.row(1), style: .fg(.danger))
        }
    }

    // A code is a credential: keep it out of logs.
    public var description: String { "CodeField(\(digits.count)/\(length))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["filled": digits.count, "length": length]) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
