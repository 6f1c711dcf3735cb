import CNcursesw

/// Turns what `wget_wch` returns into `Event`s: folds bracketed pastes into one `.paste`, joins
/// combining marks to their base character, and drops an Esc that is really an Alt prefix.
struct KeyDecoder {
    /// Key codes given to the bracketed-paste markers with `define_key`.
    static let pasteBegin: Int32 = 0x600
    static let pasteEnd: Int32 = 0x601

    /// One raw unit from ncurses.
    enum Raw {
        case character(UInt32)
        case keyCode(Int32)
    }

    private var paste: String?

    /// Decodes one batch (everything readable right now). A paste may span batches.
    mutating func decode(_ batch: [Raw]) -> [Event] {
        var events: [Event] = []
        var text = ""
        func flushText() {
            for character in text { events.append(.key(.character(character))) }
            text = ""
        }
        var index = 0
        while index < batch.count {
            let raw = batch[index]
            index += 1
            if paste != nil {
                switch raw {
                case .keyCode(Self.pasteEnd):
                    events.append(.paste(paste ?? ""))
                    paste = nil
                case .keyCode(KEY_ENTER):
                    paste?.append("\n")
                case .character(let scalar):
                    if let value = Unicode.Scalar(scalar) { paste?.unicodeScalars.append(scalar == 13 ? "\n" : value) }
                case .keyCode:
                    break  // a key code inside a paste is never a command
                }
                continue
            }
            switch raw {
            case .keyCode(Self.pasteBegin):
                flushText()
                paste = ""
            case .keyCode(let code):
                flushText()
                if let key = Self.functionKey(code) { events.append(.key(key)) }
            case .character(27):
                flushText()
                // Esc immediately followed by a character is Alt+character: keep only the character.
                if index < batch.count, case .character = batch[index] { continue }
                events.append(.key(.escape))
            case .character(let scalar):
                if let key = Self.controlKey(scalar) {
                    flushText()
                    events.append(.key(key))
                } else if scalar < 32 || (0x7F..<0xA0).contains(scalar) {
                    flushText()  // other control characters have no meaning here
                } else if let value = Unicode.Scalar(scalar) {
                    text.unicodeScalars.append(value)
                }
            }
        }
        flushText()
        return events
    }

    static func controlKey(_ scalar: UInt32) -> Key? {
        switch scalar {
        case 9: .tab
        case 10, 13: .enter
        case 8, 127: .backspace
        case 1...26: .ctrl(Character(Unicode.Scalar(scalar + 96)!))
        default: nil
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BACKSPACE: .backspace
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_F0 + 1...KEY_F0 + 24: .function(Int(code - KEY_F0))
        default: nil
        }
    }
}
