import ArgumentParser
import Foundation
import FrontendServer
import Logging

/// `clerk-tui serve`: runs the local Frontend API until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the local Frontend API server.",
        discussion: """
            Prints 'Frontend API listening on http://HOST:PORT' when ready; stops cleanly on SIGTERM or SIGINT.

            Examples:
              clerk-tui serve --port 4000 --data-dir ./fapi-data
              clerk-tui serve --config Config/examples/organizations.toml
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 4000
    @Option(name: .customLong("data-dir"), help: "Data directory (default $XDG_DATA_HOME/clerk-tui/local).") var dataDirectory: String?
    @Option(name: .customLong("config"), help: "Instance settings file (TOML).") var configFile: String?

    func run() async throws {
        var logger = Logger(label: "clerk-tui.serve")
        // `notice` by default: security events (`SecurityEvent`) are shown.
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        let directory = dataDirectory.map { URL(fileURLWithPath: $0) } ?? LocalServerConfiguration.defaultDataDirectory
        let configuration = LocalServerConfiguration(host: host, port: port, dataDirectory: directory,
                                                     settingsFile: configFile, logger: logger)
        let server: LocalServer
        do { server = try await LocalServer.start(configuration, stopOnTerminationSignals: true) } catch {
            throw ValidationError("cannot start the Frontend API: \(error)")
        }
        // Written unbuffered: scripts wait for this exact line.
        FileHandle.standardOutput.write(Data("Frontend API listening on \(server.baseURL)\n".utf8))
        try await server.waitUntilStopped()
    }
}
