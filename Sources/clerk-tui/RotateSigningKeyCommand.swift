import ArgumentParser
import Foundation
import FrontendServer

/// `clerk-tui rotate-signing-key`: adds a signing key to an instance's ring, for operators.
struct RotateSigningKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-signing-key", abstract: "Add a new session-token signing key to an instance.",
        discussion: """
            The new key is published in the JWKS at once and signs 90 s later; the old one stays published until the
            tokens it signed have expired. On PostgreSQL every running node takes it up within 10 s; on SQLite, run it
            while the server is stopped.

            Examples:
              clerk-tui rotate-signing-key --data-dir ./fapi-data
              CLERK_TUI_DATA_KEY=… clerk-tui rotate-signing-key --database postgres://clerk@db.internal/clerk
            """)

    @Option(name: .customLong("data-dir"), help: "Data directory (default $XDG_DATA_HOME/clerk-tui/local).") var dataDirectory: String?
    @Option(name: .customLong("database"), help: "The instance's PostgreSQL URL, as given to serve (default $CLERK_TUI_DATABASE_URL).")
    var databaseURL: String?
    @Option(name: .customLong("config"), help: "Instance settings file (TOML), for its [database] url and token lifetime.")
    var configFile: String?

    func run() async throws {
        let directory = dataDirectory.map { URL(fileURLWithPath: $0) } ?? LocalServerConfiguration.defaultDataDirectory
        var configuration = LocalServerConfiguration(dataDirectory: directory, settingsFile: configFile)
        if let databaseURL { configuration.databaseURL = databaseURL }
        let keyID: String
        do { keyID = try await LocalServer.rotateSigningKey(configuration) } catch {
            throw ValidationError("cannot rotate the signing key: \(error)")
        }
        print("New signing key \(keyID): published now, signing from 90 s on.")
    }
}
