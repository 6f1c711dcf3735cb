import ArgumentParser
import Foundation
import FrontendAPI
import FrontendServer
import Logging

/// Which Frontend API a command talks to: `--publishable-key`, `--frontend-api` (or their environment
/// variables), else the embedded local instance.
struct InstanceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Publishable key of a Clerk instance (pk_test_… or pk_live_…).",
                               discussion: "Defaults to $CLERK_PUBLISHABLE_KEY."))
    var publishableKey: String?

    @Option(name: .customLong("frontend-api"),
            help: ArgumentHelp("Frontend API URL, e.g. https://clerk.example.com.",
                               discussion: "Defaults to $CLERK_FRONTEND_API. Takes precedence over the publishable key."))
    var frontendAPI: String?

    @Flag(help: "Allow plain http to a Frontend API that is not on this machine.")
    var insecureHTTP = false

    /// The resolved instance plus, for the embedded default, the server serving it.
    struct Connection {
        let client: FrontendClient
        let server: LocalServer?

        /// Stops the embedded server, if one was started.
        func close() async {
            client.stopTokenRefresh()
            await server?.stop()
        }
    }

    /// The instance named by `--frontend-api` or `--publishable-key` (or their variables); nil for the embedded one.
    private func namedInstance(environment: [String: String]) throws -> Instance? {
        if let url = frontendAPI ?? environment["CLERK_FRONTEND_API"].nonEmpty {
            // A parent's embedded instance (an SSH session's portal) is filed under `local` too.
            return try EmbeddedInstance.instance(frontendAPI: url, environment: environment)
        }
        if let key = publishableKey ?? environment["CLERK_PUBLISHABLE_KEY"].nonEmpty {
            return Instance(publishableKey: try PublishableKey(key))
        }
        return nil
    }

    /// Where the client of ``connect(environment:)`` will keep its state, known before connecting (the embedded
    /// server need not be started for it); nil when the options name no valid instance.
    func stateDirectory(environment: [String: String]) -> URL? {
        let named: Instance?
        do {
            named = try namedInstance(environment: environment)
        } catch {
            return nil  // connect reports it
        }
        return FileTokenStore.directory(stateKey: named?.stateKey ?? Instance.localStateKey, environment: environment)
    }

    /// Resolves the instance and makes its client. Starts the embedded server when no instance is configured.
    func connect(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Connection {
        var logger = Logger(label: "clerk-tui.client")
        logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let transport = CurlTransport(options: .clerkTUI(allowsInsecureHTTP: insecureHTTP))
        let instance: Instance
        var server: LocalServer?
        do {
            if let named = try namedInstance(environment: environment) {
                instance = named
            } else {
                var serverLogger = Logger(label: "clerk-tui.fapi")
                serverLogger.logLevel = logger.logLevel
                // The embedded instance's settings, when the user wrote some (same keys as `serve --config`).
                let settingsFile = XDGDirectories.config(environment: environment).appending(path: "local.toml").path
                let configuration = LocalServerConfiguration(
                    dataDirectory: LocalServerConfiguration.defaultDataDirectory,
                    settingsFile: FileManager.default.fileExists(atPath: settingsFile) ? settingsFile : nil,
                    logger: serverLogger)
                let local = try await LocalServer.start(configuration)
                server = local
                instance = .local(baseURL: URL(string: local.baseURL)!)
            }
        } catch let error as InstanceError {
            throw ValidationError(error.description)
        }
        let store = FileTokenStore(instance: instance, environment: environment)
        let client = FrontendClient(instance: instance, transport: transport, tokenStore: store,
                                    viewCache: FileViewCache(directory: store.directory), logger: logger)
        return Connection(client: client, server: server)
    }
}

extension Optional where Wrapped == String {
    /// The value unless it is nil or empty (an exported-but-empty variable counts as unset).
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}

/// Runs `body` with a connection and always closes it, so the embedded server shuts down cleanly.
func withConnection<T>(
    _ options: InstanceOptions, _ body: (FrontendClient) async throws -> T
) async throws -> T {
    let connection = try await options.connect()
    do {
        let result = try await body(connection.client)
        await connection.close()
        return result
    } catch {
        await connection.close()
        throw error
    }
}

/// Writes `message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
