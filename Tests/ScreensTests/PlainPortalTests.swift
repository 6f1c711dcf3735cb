import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// Answers from a fixed list of lines, recording whether each was read with echo.
struct ScriptedLines: LineSource {
    var lines: [String]
    var echoes: [Bool] = []

    mutating func readLine(echo: Bool) -> String? {
        echoes.append(echo)
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// Collects what the plain portal prints.
final class Transcript: @unchecked Sendable {
    var text = ""
}

@Suite struct PlainPortalTests {
    @Test func passwordSignInInLineMode() async {
        let transcript = Transcript()
        let lines = ScriptedLines(lines: [
            "ada@acme.test",  // Email address
            "",  // instant password left empty
            "1",  // Continue
            "Correct1",  // Password
            "1",  // Continue
        ])
        var portal = PlainPortal(
            backend: ScriptedBackend(respond: passwordScript).backend,
            prompter: PlainPrompter(source: lines) { transcript.text += $0 })
        await #expect(throws: PromptError.endOfInput) { _ = try await portal.run() }
        guard case .home(let account) = portal.machine.route else {
            Issue.record("expected home, got \(portal.machine.route)")
            return
        }
        #expect(account.activeSessionID == "sess_a")
        #expect(transcript.text.contains("Sign in to Acme"))
        #expect(transcript.text.contains("Enter your password"))
        #expect(transcript.text.contains("Signed in as ada@acme.test"))
        #expect(!transcript.text.contains("Correct1"))
    }

    /// Social buttons drawn above the fields are offered before the fields, which are one more choice; choosing one
    /// goes straight to the browser hand-off, its link on one line.
    @Test func waysInAboveTheFieldsComeFirst() async {
        let transcript = Transcript()
        var portal = PlainPortal(
            backend: ScriptedBackend(respond: OAuthScreenTests.script).backend,
            prompter: PlainPrompter(source: ScriptedLines(lines: ["1"])) { transcript.text += $0 },
            oauthRedirectURL: "http://127.0.0.1:4000/oauth-done")
        await #expect(throws: PromptError.endOfInput) { _ = try await portal.run() }
        #expect(transcript.text.contains("Choose an action\n  1) Continue with Google\n  2) Enter email address and password\n"))
        #expect(transcript.text.contains("\nhttps://accounts.example/o/oauth2/auth?state=abc\n"))
        #expect(!transcript.text.contains("\nor\n"))  // the divider means nothing in a list of choices
    }

    @Test func wrongPasswordIsExplainedAndAskedAgain() async {
        let transcript = Transcript()
        let lines = ScriptedLines(lines: ["ada@acme.test", "", "1", "nope", "1"])
        var portal = PlainPortal(
            backend: ScriptedBackend(respond: passwordScript).backend,
            prompter: PlainPrompter(source: lines) { transcript.text += $0 })
        await #expect(throws: PromptError.endOfInput) { _ = try await portal.run() }
        #expect(transcript.text.contains("✕ Password is incorrect. Try again, or use another method."))
        guard case .signIn(let signIn) = portal.machine.route else {
            Issue.record("expected sign-in, got \(portal.machine.route)")
            return
        }
        #expect(signIn.step == .password)
    }
}
