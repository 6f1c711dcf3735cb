import Foundation

/// The environment a session's child gets: the server's base variables, the pty's `TERM`, the few client
/// variables that are safe to take, and markers that the portal is remote.
struct SessionEnvironment {
    /// The only variables taken from the client's env requests.
    static let acceptedClientVariables: Set<String> = ["LANG", "NO_COLOR", "COLORTERM"]

    var base: [String: String]
    var term: String = "xterm-256color"
    var client: [String: String] = [:]
    var connection: ConnectionInfo?
    var state: SessionStateStore.SessionState?

    /// Records an env request; false when it is not one we take.
    mutating func accept(name: String, value: String) -> Bool {
        guard Self.acceptedClientVariables.contains(name), value.utf8.count < 256, !value.contains("\0") else {
            return false
        }
        client[name] = value
        return true
    }

    var variables: [String: String] {
        var variables = base
        variables["TERM"] = Self.knownTerminal(term) ? term : "xterm-256color"
        variables["LANG"] = "C.UTF-8"
        variables.merge(client) { $1 }
        variables["CLERK_TUI_REMOTE"] = "1"
        // One software authenticator's file shared by every visitor would sign each in with the others' passkeys:
        // a session here uses none, and the portal says passkeys are not available over SSH.
        variables["CLERK_TUI_AUTHENTICATOR"] = nil
        if let connection {
            variables["SSH_CONNECTION"] =
                "\(connection.remoteIP) \(connection.remotePort) \(connection.localIP) \(connection.localPort)"
        }
        if let state {
            variables["XDG_STATE_HOME"] = state.directory.path
            if let fingerprint = state.keyFingerprint { variables["CLERK_TUI_SSH_KEY_FINGERPRINT"] = fingerprint }
            if let keepFile = state.keepFile { variables["CLERK_TUI_KEEP_SIGNED_IN_FILE"] = keepFile.path }
        }
        return variables
    }

    /// Whether terminfo has an entry for `term` (ncurses cannot start without one).
    static func knownTerminal(_ term: String) -> Bool {
        guard let first = term.first, !term.contains("/"), !term.hasPrefix(".") else { return false }
        let hex = String(format: "%02x", Int(first.asciiValue ?? 0))
        return ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"].contains { root in
            FileManager.default.fileExists(atPath: "\(root)/\(first)/\(term)")
                || FileManager.default.fileExists(atPath: "\(root)/\(hex)/\(term)")
        }
    }
}

/// The two ends of an SSH connection.
struct ConnectionInfo: Sendable {
    let remoteIP: String
    let remotePort: Int
    let localIP: String
    let localPort: Int
}
