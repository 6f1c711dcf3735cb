import Testing
@testable import TerminalUI

@Suite struct LineEditorTests {
    private func editor(_ text: String, keys: [Key]) -> LineEditor {
        var editor = LineEditor(text: text)
        for key in keys { _ = editor.handle(.key(key)) }
        return editor
    }

    @Test func typingInsertsAtTheCaret() {
        let result = editor("ac", keys: [.left, .character("b"), .end, .character("d")])
        #expect(result.text == "abcd" && result.cursor == 4)
    }

    @Test func readlineKeys() {
        #expect(editor("hello world", keys: [.ctrl("w")]).text == "hello ")
        #expect(editor("hello world  ", keys: [.ctrl("w")]).text == "hello ")
        #expect(editor("hello world", keys: [.ctrl("a"), .ctrl("k")]).text == "")
        #expect(editor("hello world", keys: [.left, .left, .ctrl("u")]).text == "ld")
        #expect(editor("hello", keys: [.home, .delete]).text == "ello")
        #expect(editor("hello", keys: [.ctrl("a"), .ctrl("e"), .backspace]).text == "hell")
        #expect(editor("", keys: [.backspace, .delete]).text == "")
    }

    @Test func cjkAndEmojiAreOneStepEach() {
        let result = editor("東京🎉", keys: [.left, .backspace])
        #expect(result.text == "東🎉" && result.cursor == 1)
    }

    @Test func combiningMarkMergesWithThePrecedingCharacter() {
        let result = editor("", keys: [.character("e"), .character("\u{301}"), .character("x")])
        #expect(result.text == "e\u{301}x")
        #expect(result.text.count == 2 && result.cursor == 2)
    }

    @Test func pasteIsOneEditWithLineBreaksFlattened() {
        var editor = LineEditor()
        let pasted = editor.handle(.paste("one\r\ntwo\tthree\u{7}\n"))
        #expect(pasted == .edited)
        #expect(editor.text == "one two three")
    }

    @Test func limitCutsInsertions() {
        var editor = LineEditor(limit: 5)
        _ = editor.handle(.paste("123456789"))
        _ = editor.handle(.key(.character("x")))
        #expect(editor.text == "12345")
    }

    @Test func enterSubmitsAndUnknownKeysFallThrough() {
        var editor = LineEditor()
        let enter = editor.handle(.key(.enter))
        #expect(enter == .submitted)
        let tab = editor.handle(.key(.tab))
        #expect(tab == nil)
        let up = editor.handle(.key(.up))
        #expect(up == nil)
    }

    @Test func textFieldScrollsToKeepTheCaretVisible() {
        #expect(TextField.scrollOffset(text: "abcdefghij", caretColumn: 10, width: 5) == 6)
        #expect(TextField.scrollOffset(text: "abc", caretColumn: 3, width: 5) == 0)
        #expect(TextField.window(of: "abcdefghij", from: 6, width: 5) == "ghij")
        #expect(TextField.window(of: "東京都", from: 1, width: 4) == " 京")
    }
}
