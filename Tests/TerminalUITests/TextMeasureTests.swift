import Testing
@testable import TerminalUI

/// Text measuring takes shortcuts (ASCII without grapheme breaking, line widths kept while wrapping); these
/// check the shortcuts against the plain definitions on mixed text.
@Suite struct TextMeasureTests {
    /// Pieces that exercise every path: ASCII, controls, CRLF, wide, combining, emoji (with ZWJ), spaces.
    static let pieces = ["a", "word", "Sign", "in", " ", " ", "\n", "\r\n", "\u{7}", "\u{7F}", "é", "e\u{301}",
                         "界", "東京", "🎉", "👩‍💻", "\u{301}", "—", "xxxxxxxxxxxxxxxxxxxxxx", "@example.com"]

    /// Deterministic pseudo-random texts made of `pieces`.
    static func texts(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func stringWidthIsTheSumOfItsGraphemes() {
        for text in Self.texts(count: 400) {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
        }
    }

    @Test func wrappingMatchesMeasuringEachCandidateLine() {
        for text in Self.texts(count: 300) {
            for width in [1, 2, 3, 5, 8, 13, 40] {
                #expect(Paragraph.wrap(text, width: width) == Self.referenceWrap(text, width: width),
                        "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test func wrappedLinesFitTheirWidth() {
        let lines = Paragraph.wrap("Enter the six-digit code we sent to 山田太郎@example.com 📬 to continue", width: 12)
        // 山田太郎@example.com is 20 columns: broken at 12 (8 for the four wide characters, then "@exa").
        #expect(lines == ["Enter the", "six-digit", "code we sent", "to", "山田太郎@exa", "mple.com 📬", "to continue"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 12 })
    }

    /// Word wrapping by its definition: measure every candidate line whole.
    static func referenceWrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                let candidate = line.isEmpty ? word : line + " " + word
                if candidate.reduce(0, { $0 + DisplayWidth.of($1) }) <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line); line = "" }
                while word.reduce(0, { $0 + DisplayWidth.of($1) }) > width {
                    let (head, _) = DisplayWidth.prefix(of: word, fitting: width)
                    guard !head.isEmpty else { break }
                    lines.append(head)
                    word.removeFirst(head.count)
                }
                line = word
            }
            lines.append(line)
        }
        return lines
    }
}

/// Cells are plain data whatever they hold, so frames are made, diffed and freed without reference counting.
@Suite struct CellStorageTests {
    @Test func cellsArePlainData() {
        #expect(_isPOD(Cell.self))
    }

    @Test func symbolsRoundTripInlineAndLong() {
        for symbol in ["", " ", "a", "é", "e\u{301}", "界", "🎉", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍⚧️", String(repeating: "x", count: 16),
                       String(repeating: "y", count: 17)] {
            var cell = Cell(symbol: symbol, width: 1)
            #expect(cell.symbol == symbol)
            #expect(cell == Cell(symbol: symbol, width: 1))
            cell.symbol = "z"
            #expect(cell.symbol == "z" && cell != Cell(symbol: symbol, width: 1))
        }
        #expect(Cell(symbol: "👨‍👩‍👧‍👦") != Cell(symbol: "👨‍👩‍👧"))
    }
}
