import Testing
@testable import TerminalUI

/// Answers from a list; records whether each read asked for echo.
private struct ScriptedLines: LineSource {
    var lines: [String]
    var echoes: [Bool] = []

    mutating func readLine(echo: Bool) -> String? {
        echoes.append(echo)
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

private final class Transcript {
    var text = ""
}

@Suite struct PlainPrompterTests {
    private func prompter(_ lines: [String]) -> (PlainPrompter<ScriptedLines>, Transcript) {
        let transcript = Transcript()
        return (PlainPrompter(source: ScriptedLines(lines: lines)) { transcript.text += $0 }, transcript)
    }

    @Test func theGalleryFormRunsInLineMode() throws {
        var (prompter, transcript) = prompter(["", "Zoë", "s3cret", "12 34 5", "123-456", "maybe", "y", "9", "紫色 (cjk)"])
        var form = GalleryForm()
        for field in GalleryForm.Field.allCases { form.apply(try prompter.ask(form.question(for: field))) }
        #expect(form.name == "Zoë" && form.password == "s3cret" && form.code == "123456" && form.remember && form.color == 3)
        #expect(transcript.text.contains("✕ Enter a name."))
        #expect(transcript.text.contains("✕ Enter the 6-digit code."))
        #expect(transcript.text.contains("✕ Answer y or n."))
        #expect(transcript.text.contains("  4) 紫色 (CJK)"))
        #expect(transcript.text.contains("✕ Enter a number from 1 to 5."))
        #expect(!transcript.text.contains("s3cret"))
        #expect(!form.status.contains("s3cret"))
    }

    @Test func secretsAreReadWithoutEcho() throws {
        var (prompter, _) = prompter(["pw"])
        let answer = try prompter.ask(Question("Password", kind: .secret))
        #expect(answer == .secret("pw"))
        #expect(Answer.secret("pw").description == "secret(redacted)")
    }

    @Test func confirmDefaultsAndEndOfInput() throws {
        var (prompter, _) = prompter([""])
        let answer = try prompter.ask(Question("Continue?", kind: .confirm(default: true)))
        #expect(answer == .confirm(true))
        #expect(throws: PromptError.endOfInput) { try prompter.ask(Question("Name", kind: .text)) }
    }

    @Test func modeDetection() {
        let tty = ["TERM": "xterm-256color"]
        #expect(InterfaceMode.detect(plainRequested: false, environment: tty, stdinIsTerminal: true, stdoutIsTerminal: true) == .fullScreen)
        #expect(InterfaceMode.detect(plainRequested: true, environment: tty, stdinIsTerminal: true, stdoutIsTerminal: true) == .plain)
        #expect(InterfaceMode.detect(plainRequested: false, environment: ["TERM": "dumb"], stdinIsTerminal: true, stdoutIsTerminal: true) == .plain)
        #expect(InterfaceMode.detect(plainRequested: false, environment: tty, stdinIsTerminal: false, stdoutIsTerminal: true) == .plain)
        #expect(InterfaceMode.detect(plainRequested: false, environment: tty.merging(["ACCESSIBLE": "1"]) { $1 }, stdinIsTerminal: true, stdoutIsTerminal: true) == .plain)
    }
}
