import Testing
@testable import TerminalUI

@Suite struct RequestRegistryTests {
    @Test func aNewerRunUnderTheSameKeyMakesTheOlderStale() {
        var registry = RequestRegistry()
        let first = registry.begin(key: "search")
        let second = registry.begin(key: "search")
        let staleDelivered = registry.finish(key: "search", id: first)
        #expect(!staleDelivered)
        let latestDelivered = registry.finish(key: "search", id: second)
        #expect(latestDelivered)
        let deliveredTwice = registry.finish(key: "search", id: second)
        #expect(!deliveredTwice)  // delivered once
    }

    @Test func cancelledRunsAreDroppedAndUnkeyedRunsAlwaysArrive() {
        var registry = RequestRegistry()
        let keyed = registry.begin(key: "save")
        registry.cancel(key: "save")
        let cancelledDelivered = registry.finish(key: "save", id: keyed)
        #expect(!cancelledDelivered)
        let free = registry.begin(key: nil)
        let unkeyedDelivered = registry.finish(key: nil, id: free)
        #expect(unkeyedDelivered)
    }
}

/// A backend that replays scripted input and records frames, waiting on the wake pipe when idle.
private final class ScriptedBackend: TerminalBackend {
    var script: [[BackendInput]]
    var frames: [Buffer] = []
    let size = Size(width: 40, height: 12)

    init(_ script: [[BackendInput]]) {
        self.script = script
    }

    func waitForInput(timeout: Duration?, wakeFD: Int32) -> [BackendInput] {
        if !script.isEmpty { return script.removeFirst() }
        var descriptor = pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)
        let milliseconds = timeout.map { Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000 + 1) }
        _ = poll(&descriptor, 1, min(milliseconds ?? 5000, 5000))
        return []
    }

    func draw(_ buffer: Buffer) { frames.append(buffer) }
    func setMouse(_ enabled: Bool) {}
    func copyToClipboard(_ text: String) { copied.append(text) }
    var copied: [String] = []
}

/// Starts work on Enter, counts ticks, and quits once both the result and three ticks arrived.
private struct Worker: Model {
    var results: [String] = []
    var ticks = 0

    func start() -> [Command] { [.tick(Tick("t"), after: .milliseconds(1))] }

    mutating func update(_ event: Event) -> [Command] {
        switch event {
        case .key(.enter):
            return [.run(key: "job") { "finished" }]
        case .message(let text as String):
            results.append(text)
        case .tick:
            ticks += 1
            if ticks < 3 { return [.tick(Tick("t"), after: .milliseconds(1))] }
        default:
            break
        }
        return results.isEmpty || ticks < 3 ? [] : [.quit]
    }

    func view(into buffer: inout Buffer) {
        buffer.write("results \(results.count) ticks \(ticks)", in: buffer.area.row(0))
    }
}

/// Copies a link on `c`, then quits.
private struct Copier: Model {
    mutating func update(_ event: Event) -> [Command] {
        event.isKey(.character("c")) ? [.copyToClipboard("https://example.test/a"), .quit] : []
    }

    func view(into buffer: inout Buffer) {}
}

#if canImport(Glibc)
import Glibc
#endif

@Suite struct RuntimeTests {
    @Test func asyncResultsAndTicksComeBackToTheLoop() {
        let backend = ScriptedBackend([[.event(.key(.enter))]])
        let runtime = Runtime(model: Worker(), backend: backend)
        #expect(runtime.run() == nil)
        #expect(runtime.model.results == ["finished"])
        #expect(runtime.model.ticks == 3)
        #expect(backend.frames.first?.lines()[0].hasPrefix("results 0 ticks 0") == true)
        #expect(runtime.stats.frames == backend.frames.count)
    }

    @Test func copyingReachesTheTerminal() {
        let backend = ScriptedBackend([[.event(.key(.character("c")))]])
        let runtime = Runtime(model: Copier(), backend: backend)
        #expect(runtime.run() == nil)
        #expect(backend.copied == ["https://example.test/a"])
    }

    @Test func aTerminatingSignalEndsTheLoop() {
        let backend = ScriptedBackend([[.terminate(signal: SIGTERM)]])
        let runtime = Runtime(model: Worker(), backend: backend)
        #expect(runtime.run() == SIGTERM)
    }
}
