import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func widthsFollowWcwidth() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("界") == 2)
        #expect(DisplayWidth.of("🎉") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // one grapheme: e + combining acute
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.of("héllo 世界") == 10)
    }

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(DisplayWidth.truncate("東京都渋谷区", to: 7) == "東京都…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.prefix(of: "ab界c", fitting: 3).0 == "ab")
    }

    @Test func wideCharacterTakesTwoCellsAndKeepsColumnsAligned() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let used = buffer.write("a世b", x: 0, y: 0)
        #expect(used == 4)
        #expect(buffer[1, 0].symbol == "世" && buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer.lines() == ["a世b    "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("世界", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)  // lands on the continuation of 世
        #expect(buffer.lines() == [" x界  "])
        buffer.write("y", x: 2, y: 0)  // lands on the first half of 界
        #expect(buffer.lines() == [" xy   "])
    }

    @Test func wideCharacterAtTheClipEdgeBecomesABlank() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        let used = buffer.write("abcd界", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.lines() == ["abcd "])
    }

    @Test func stylesPatchColoursAndReplaceAttributes() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer.fill(buffer.area, style: Style(background: .input))
        buffer.write("a", x: 0, y: 0, style: .fg(.danger, .bold))
        #expect(buffer[0, 0].style == Style(foreground: .danger, background: .input, attributes: .bold))
        #expect(buffer[1, 0].style == Style(background: .input))
    }

    @Test func writesOutsideTheBufferAreIgnored() {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        #expect(buffer.write("abc", x: -1, y: 0) == 0)
        #expect(buffer.write("abc", x: 0, y: 5) == 0)
        #expect(buffer.lines() == ["   ", "   "])
    }
}
