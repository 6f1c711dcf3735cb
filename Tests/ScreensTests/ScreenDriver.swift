import Foundation
import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// Drives `PortalScreen` in a `TestTerminal`, running its backend calls against a `ScriptedBackend`
/// until the screen is idle. Ticks are not run: timers are fired explicitly.
struct ScreenDriver {
    var terminal: TestTerminal<ScreenStack>
    let backend: ScriptedBackend
    private var processed = 0

    init(
        backend: ScriptedBackend, size: Size = Size(width: 72, height: 30), oauthRedirectURL: String? = nil,
        passkeyAccess: PasskeyAccess = .available
    ) async {
        self.backend = backend
        let screen = PortalScreen(backend: backend.backend, oauthRedirectURL: oauthRedirectURL, passkeyAccess: passkeyAccess)
        terminal = TestTerminal(ScreenStack(root: screen), size: size)
        await settle()
    }

    var screen: PortalScreen { terminal.model.top as! PortalScreen }

    /// The current frame's text, rows joined by newlines.
    var frame: String { terminal.frame().lines().joined(separator: "\n") }

    /// Whether the help bar offers `c` to copy.
    var offersCopy: Bool { screen.keyMap.short.contains { $0.help == "copy" && $0.isEnabled } }

    /// What the screen asked the terminal to put on the clipboard, in order.
    var copied: [String] {
        terminal.commands.compactMap { if case .copyToClipboard(let text) = $0 { text } else { nil } }
    }

    /// Runs every pending backend call and delivers its answer, until none are left.
    mutating func settle() async {
        while processed < terminal.commands.count {
            let command = terminal.commands[processed]
            processed += 1
            if case .run(_, let operation) = command, let message = await operation() {
                terminal.send(.message(message))
            }
        }
    }

    mutating func type(_ text: String) async {
        terminal.type(text)
        await settle()
    }

    mutating func press(_ keys: Key...) async {
        for key in keys { terminal.send(.key(key)) }
        await settle()
    }

    /// Compares the frame with `Snapshots/<name>.txt`; records it when missing (and fails, so a new
    /// snapshot is always looked at once).
    func expectSnapshot(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/\(name).txt")
        let actual = terminal.snapshot()
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded new snapshot \(name); check it and run again.", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
    }
}
