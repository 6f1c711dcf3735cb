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
              CLERK_TUI_DATA_KEY=$(openssl rand -base64 32) clerk-tui serve --database postgres://clerk@db.internal/clerk
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 4000
    @Option(name: .customLong("data-dir"), help: "Data directory (default $XDG_DATA_HOME/clerk-tui/local).") var dataDirectory: String?
    @Option(name: .customLong("config"), help: "Instance settings file (TOML).") var configFile: String?
    @Option(name: .customLong("database"), help: ArgumentHelp(
        "A postgres:// URL: keep everything in PostgreSQL, shared by every node given it (default: SQLite in the data directory).",
        discussion: "Also $CLERK_TUI_DATABASE_URL or the settings file's [database] url. Every node needs the same $CLERK_TUI_DATA_KEY."))
    var databaseURL: String?
    @Option(name: .customLong("public-url"), help: ArgumentHelp(
        "The URL clients reach the instance at, behind a load balancer (default: this server's own).",
        discussion: "Every node of one instance is given the same: it is the session tokens' iss and the base of the links it sends."))
    var publicURL: String?
    @OptionGroup var operatorOptions: OperatorOptions

    func run() async throws {
        let logger = operatorOptions.logger(label: "clerk-tui.serve")
        let directory = dataDirectory.map { URL(fileURLWithPath: $0) } ?? LocalServerConfiguration.defaultDataDirectory
        var configuration = LocalServerConfiguration(host: host, port: port, dataDirectory: directory,
                                                     settingsFile: configFile, logger: logger)
        if let databaseURL { configuration.databaseURL = databaseURL }
        configuration.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        // Metrics first: what the server creates as it starts (pool gauges, counters) must find the registry.
        let metrics = try await operatorOptions.startMetrics(logger: logger)
        let server: LocalServer
        do { server = try await LocalServer.start(configuration, stopOnTerminationSignals: true) } catch {
            await metrics?.stop()
            throw ValidationError("cannot start the Frontend API: \(error)")
        }
        // Written unbuffered: scripts wait for this exact line.
        FileHandle.standardOutput.write(Data("Frontend API listening on \(server.baseURL)\n".utf8))
        try await server.waitUntilStopped()
        await metrics?.stop()
    }
}
