import Testing
@testable import TerminalUI

/// A screen that records what reaches it and answers with scripted commands.
private struct Probe: Screen {
    var name: String
    var seen: [String] = []
    var onEnter: [Command] = []
    var keyMap: KeyMap { KeyMap(short: [KeyBinding(.enter, help: "go \(name)")]) }

    mutating func update(_ event: Event) -> EventResult {
        switch event {
        case .key(.enter): return .handled(onEnter)
        case .message(let text as String): seen.append(text); return .handled
        default: return .ignored
        }
    }

    func view(into buffer: inout Buffer, area: Rect) {
        buffer.write("screen \(name)", in: area.row(0))
    }
}

@Suite struct ScreenStackTests {
    @Test func pushPopReplaceAndEscBack() {
        var root = Probe(name: "root")
        root.onEnter = [.push(Probe(name: "child"))]
        var terminal = TestTerminal(ScreenStack(root: root), size: Size(width: 40, height: 12))
        terminal.send(.key(.enter))
        #expect(terminal.frame().lines()[0].hasPrefix("screen child"))
        #expect(terminal.frame().lines()[11].contains("esc back"))
        terminal.send(.key(.escape))
        #expect(terminal.frame().lines()[0].hasPrefix("screen root"))
        #expect(!terminal.frame().lines()[11].contains("esc back"))
        terminal.send(.key(.escape))  // nothing to go back to
        #expect(terminal.model.screens.count == 1)
    }

    @Test func replaceSwapsTheTop() {
        var root = Probe(name: "root")
        root.onEnter = [.replace(Probe(name: "other")), .quit]
        var terminal = TestTerminal(ScreenStack(root: root), size: Size(width: 40, height: 12))
        terminal.send(.key(.enter))
        #expect(terminal.model.screens.count == 1)
        #expect(terminal.frame().lines()[0].hasPrefix("screen other"))
        #expect(terminal.commands.count == 1)  // navigation consumed, .quit passed on
    }

    @Test func questionMarkTogglesFullHelpAndCtrlCQuits() {
        var terminal = TestTerminal(ScreenStack(root: Probe(name: "root")), size: Size(width: 40, height: 12))
        #expect(!terminal.model.showsFullHelp)
        terminal.send(.key(.character("?")))
        #expect(terminal.model.showsFullHelp)
        #expect(terminal.frame().lines().joined().contains("less"))
        terminal.send(.key(.ctrl("c")))
        guard case .quit = terminal.commands.last else {
            Issue.record("ctrl+c should quit")
            return
        }
    }

    @Test func messagesReachCoveredScreens() {
        var root = Probe(name: "root")
        root.onEnter = [.push(Probe(name: "child"))]
        var terminal = TestTerminal(ScreenStack(root: root), size: Size(width: 40, height: 12))
        terminal.send(.key(.enter), .message("done"))
        let seen = terminal.model.screens.compactMap { ($0 as? Probe)?.seen }
        #expect(seen == [["done"], ["done"]])
    }

    @Test func tooSmallShowsTheNotice() {
        var terminal = TestTerminal(ScreenStack(root: Probe(name: "root")), size: Size(width: 40, height: 12))
        terminal.resize(Size(width: 30, height: 10))
        #expect(terminal.frame().lines().joined().contains("Terminal too small"))
        terminal.resize(Size(width: 60, height: 20))
        #expect(terminal.frame().lines()[0].hasPrefix("screen root"))
    }

    @Test func galleryIgnoresHotkeysInsideAPaste() {
        var terminal = TestTerminal(ScreenStack(root: GalleryScreen()), size: Size(width: 80, height: 24))
        terminal.send(.key(.tab), .key(.tab), .key(.tab))  // the checkbox
        terminal.send(.paste("? x\t\n"))
        #expect(!terminal.model.showsFullHelp)
        #expect(terminal.frame().lines()[4].contains("[ ] Remember"))
        terminal.send(.key(.backTab), .key(.backTab), .key(.backTab), .paste("a?b\tc\nd"))
        #expect((terminal.model.top as? GalleryScreen)?.form.name == "a?b c d")
        #expect(!terminal.model.showsFullHelp)
    }
}
