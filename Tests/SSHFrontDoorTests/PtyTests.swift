import Foundation
import Testing
@testable import SSHFrontDoor
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PtyTests {
    /// Reads the master until `marker` appears or the child closes the slave.
    private func readAll(_ master: CInt, until marker: String) -> String {
        var output = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while !output.contains(marker), poll(&poller, 1, 5000) > 0 {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            output += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return output
    }

    @Test func childLeadsASessionOnThePtyWithItsSizeAndEnvironment() async throws {
        let terminal = try PseudoTerminal.open(size: WindowSize(columns: 91, rows: 27), modes: TerminalModes([53: 0]))
        defer { close(terminal.master) }
        let script = "echo size=$(stty size) tty=$(tty) term=$TERM sid=$(ps -o sid= -p $$ | tr -d ' ') end"
        let child = try ChildProcess.spawn(executable: "/bin/sh", arguments: ["-c", script],
                                           environment: ["TERM": "vt100", "PATH": "/usr/bin:/bin"], terminal: terminal)
        let ended = await withCheckedContinuation { continuation in
            ChildReaper.shared.watch(child.pid) { continuation.resume(returning: $0) }
        }
        let output = readAll(terminal.master, until: "end")
        #expect(ended == .exited(0))
        #expect(output.contains("size=27 91"))
        #expect(output.contains("tty=\(terminal.slavePath)"))
        #expect(output.contains("term=vt100"))
        #expect(output.contains("sid=\(child.pid) end"))  // it leads its own session
    }

    @Test func resizeReachesTheChildAndGroupSignalEndsIt() async throws {
        let terminal = try PseudoTerminal.open(size: WindowSize(columns: 80, rows: 24), modes: TerminalModes())
        defer { close(terminal.master) }
        let script = "trap 'echo resized=$(stty size)' WINCH; echo ready; while :; do sleep 0.05; done"
        let child = try ChildProcess.spawn(executable: "/bin/sh", arguments: ["-c", script],
                                           environment: ["PATH": "/usr/bin:/bin"], terminal: terminal)
        let ended = Task {
            await withCheckedContinuation { continuation in
                ChildReaper.shared.watch(child.pid) { continuation.resume(returning: $0) }
            }
        }
        _ = readAll(terminal.master, until: "ready")
        try terminal.resize(WindowSize(columns: 120, rows: 40))
        #expect(readAll(terminal.master, until: "resized=40 120").contains("resized=40 120"))
        child.signalGroup(SIGKILL)
        #expect(await ended.value == .signalled(SIGKILL))
        #expect(kill(child.pid, 0) == -1)
    }

    @Test func terminalModesSetFlagsAndControlCharacters() {
        var attributes = termios()
        attributes.c_lflag = tcflag_t(ECHO)
        TerminalModes([53: 0, 51: 1, 42: 1, 3: 0x7f, 1: 255]).apply(to: &attributes)
        #expect(attributes.c_lflag & tcflag_t(ECHO) == 0)
        #expect(attributes.c_lflag & tcflag_t(ICANON) != 0)
        #expect(attributes.c_iflag & tcflag_t(IUTF8) != 0)
        let characters = withUnsafeBytes(of: attributes.c_cc) { Array($0) }
        #expect(characters[Int(VERASE)] == 0x7f)
        #expect(characters[Int(VINTR)] == 0)
    }
}
