import Foundation
import Testing
@testable import SSHFrontDoor

@Suite struct SessionEnvironmentTests {
    @Test func takesOnlyLangNoColorAndColorterm() {
        var environment = SessionEnvironment(base: ["PATH": "/usr/bin"])
        let answers = [
            environment.accept(name: "LANG", value: "de_DE.UTF-8"),
            environment.accept(name: "NO_COLOR", value: "1"),
            environment.accept(name: "LD_PRELOAD", value: "/tmp/x.so"),
            environment.accept(name: "PATH", value: "/tmp"),
            environment.accept(name: "COLORTERM", value: String(repeating: "x", count: 300)),
        ]
        #expect(answers == [true, true, false, false, false])
        let variables = environment.variables
        #expect(variables["LANG"] == "de_DE.UTF-8")
        #expect(variables["NO_COLOR"] == "1")
        #expect(variables["PATH"] == "/usr/bin")
        #expect(variables["LD_PRELOAD"] == nil)
        #expect(variables["CLERK_TUI_REMOTE"] == "1")
    }

    @Test func aSoftwareAuthenticatorOfTheServerIsNotPassedOn() {
        let environment = SessionEnvironment(base: ["CLERK_TUI_AUTHENTICATOR": "file:/srv/passkeys.json"])
        #expect(environment.variables["CLERK_TUI_AUTHENTICATOR"] == nil)
    }

    @Test func termComesFromThePtyRequestWhenTerminfoKnowsIt() {
        var environment = SessionEnvironment(base: [:])
        environment.term = "screen-256color"
        #expect(environment.variables["TERM"] == "screen-256color")
        environment.term = "../../etc/passwd"
        #expect(environment.variables["TERM"] == "xterm-256color")
        environment.term = "no-such-terminal-9000"
        #expect(environment.variables["TERM"] == "xterm-256color")
    }

    @Test func sessionMarkersAndStateDirectory() {
        var environment = SessionEnvironment(base: [:])
        environment.connection = ConnectionInfo(remoteIP: "192.0.2.7", remotePort: 50000, localIP: "192.0.2.1", localPort: 2222)
        environment.state = .init(directory: URL(filePath: "/tmp/s1"), keyFingerprint: "SHA256:abc", isKept: false)
        let variables = environment.variables
        #expect(variables["SSH_CONNECTION"] == "192.0.2.7 50000 192.0.2.1 2222")
        #expect(variables["XDG_STATE_HOME"] == "/tmp/s1")
        #expect(variables["CLERK_TUI_SSH_KEY_FINGERPRINT"] == "SHA256:abc")
        #expect(variables["CLERK_TUI_KEEP_SIGNED_IN_FILE"] == "/tmp/s1/keep-signed-in")
    }
}
