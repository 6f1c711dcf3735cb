import CNcursesw
import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    private func keys(_ events: [Event]) -> [String] {
        events.map { event in
            switch event {
            case .key(let key): key.description
            case .paste(let text): "paste(\(text))"
            default: "other"
            }
        }
    }

    private func raw(_ text: String) -> [KeyDecoder.Raw] { text.unicodeScalars.map { .character($0.value) } }

    @Test func aBracketedPasteIsOneEventAndHidesItsHotkeys() {
        var decoder = KeyDecoder()
        let batch = raw("a") + [.keyCode(KeyDecoder.pasteBegin)] + raw("q?\t世界\r") + [.keyCode(KEY_ENTER), .keyCode(KEY_UP), .keyCode(KeyDecoder.pasteEnd)] + raw("b")
        #expect(keys(decoder.decode(batch)) == ["a", "paste(q?\t世界\n\n)", "b"])
    }

    @Test func aPasteMaySpanReads() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode([.keyCode(KeyDecoder.pasteBegin)] + raw("abc"))).isEmpty)
        #expect(keys(decoder.decode(raw("def") + [.keyCode(KeyDecoder.pasteEnd)])) == ["paste(abcdef)"])
    }

    @Test func controlAndFunctionKeys() {
        var decoder = KeyDecoder()
        let batch: [KeyDecoder.Raw] = [.character(3), .character(9), .character(13), .character(127), .character(23),
                                       .keyCode(KEY_BTAB), .keyCode(KEY_DC), .keyCode(KEY_F0 + 5), .character(0x1C)]
        #expect(keys(decoder.decode(batch)) == ["ctrl+c", "tab", "enter", "backspace", "ctrl+w", "shift+tab", "delete", "f5"])
    }

    @Test func escapeAloneIsEscButAltLetterIsTheLetter() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode([.character(27)])) == ["esc"])
        #expect(keys(decoder.decode([.character(27), .character(120)])) == ["x"])
    }

    @Test func combiningMarksJoinTheirBase() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode(raw("e\u{301}界"))) == ["e\u{301}", "界"])
    }
}
