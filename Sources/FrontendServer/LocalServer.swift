import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// Where and how to run the local Frontend API.
public struct LocalServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Holds the SQLite file, the signing key and the pepper: 0700, its files 0600 (see `DataDirectory`).
    public var dataDirectory: URL
    /// Instance settings; `settingsFile` is read when `settings` is nil, defaults apply when both are nil.
    public var settings: InstanceSettings?
    public var settingsFile: String?
    public var clock: any ServerClock
    public var logger: Logger
    /// Base64 of the 32-byte key that seals secrets at rest; nil keeps it in the data directory (0600). Required
    /// with a PostgreSQL store: every node is given the same key.
    public var dataKey: String?
    /// A `postgres://` URL to keep everything in a PostgreSQL server that several nodes share; nil (the default)
    /// keeps a SQLite file in the data directory. Set from `--database`, else `CLERK_TUI_DATABASE_URL`, else the
    /// settings file's `[database] url`.
    public var databaseURL: String?
    /// The URL clients reach the instance at, when it is not this process's own (several nodes behind a load
    /// balancer): the tokens' `iss`, and the base of the links and image URLs it hands out. Nil: `baseURL`.
    public var publicURL: String?

    public init(host: String = "127.0.0.1", port: Int = 0, dataDirectory: URL, settings: InstanceSettings? = nil,
                settingsFile: String? = nil, clock: any ServerClock = SystemClock(),
                logger: Logger = Logger(label: "clerk-tui.fapi")) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.settings = settings
        self.settingsFile = settingsFile
        self.clock = clock
        self.logger = logger
        self.dataKey = Self.environment("CLERK_TUI_DATA_KEY")
        self.databaseURL = Self.environment("CLERK_TUI_DATABASE_URL")
    }

    static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `$XDG_DATA_HOME/clerk-tui/local`, or `~/.local/share/clerk-tui/local`.
    public static var defaultDataDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        return base.appendingPathComponent("clerk-tui/local")
    }
}

/// The local Frontend API running in-process on NIO. Start it, read `baseURL`, stop it when done.
public final class LocalServer: Sendable {
    /// `http://HOST:PORT`, without a trailing slash.
    public let baseURL: String
    /// The page that ends a social sign-in on this server ("return to your terminal"): the portal's default OAuth
    /// redirect URL on the embedded instance.
    public static let oauthDonePath = DevelopmentOAuthProvider.donePath
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let database: Database
    private let instance: FrontendInstance
    /// On a shared store: takes up signing-key rotations made by other nodes.
    private let keyReloader: Task<Void, Never>?

    private init(baseURL: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>, database: Database,
                 instance: FrontendInstance) {
        self.baseURL = baseURL
        self.port = port
        self.group = group
        self.task = task
        self.database = database
        self.instance = instance
        keyReloader = database.isShared ? Task { [ring = instance.secrets.signingKeys, logger = instance.logger] in
            while (try? await Task.sleep(for: SigningKeyRing.reloadInterval)) != nil {
                do { try await ring.reload() } catch {
                    logger.warning("could not reload the signing keys", metadata: ["error": "\(error)"])
                }
            }
        } : nil
    }

    /// Opens the store (running migrations), loads or creates the keys, binds and starts serving.
    /// With `stopOnTerminationSignals` (for `serve`), SIGTERM and SIGINT trigger a graceful drain.
    public static func start(_ configuration: LocalServerConfiguration,
                             stopOnTerminationSignals: Bool = false) async throws -> LocalServer {
        let shutdownSignals: [UnixSignal] = stopOnTerminationSignals ? [.sigterm, .sigint] : []
        let settings = try configuration.settings ?? configuration.settingsFile.map(SettingsFile.load(path:)) ?? InstanceSettings()
        try settings.validate()
        let geoIP = try settings.sessions.geoIPDatabase.map(GeoIPDatabase.init(path:))
        let directory = configuration.dataDirectory
        let (database, secrets) = try await openStore(configuration, settings: settings)
        // On a shared store, roles are dated by the schema's creation, so that every node answers the same.
        let since: Date?
        do { since = database.isShared ? try await Migrations.createdAt(database) : nil } catch {
            await database.close()
            throw error
        }
        let bound = BoundAddress()
        let instanceBox = InstanceBox()
        let limits = ConnectionLimits(settings.connections, logger: configuration.logger)
        let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [ConnectionLimitHandler(limits: limits)],
                                               idleTimeout: .milliseconds(Int64(settings.connections.idleTimeout * 1000)))
        let application = Application(
            responder: LazyResponder(box: instanceBox), server: .http1(configuration: http1),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await bound.set(channel.localAddress?.port ?? 0) },
            logger: configuration.logger)
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: shutdownSignals,
                                                      logger: configuration.logger))
        let task = bound.run(group)
        let port: Int
        do { port = try await bound.port() } catch {
            await database.close()
            throw error
        }
        let displayHost = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let baseURL = "http://\(displayHost):\(port)"
        // Where `clerk-tui admin` sends invitees: this server, for as long as it is the latest on this data directory.
        try? SecretFile.replace(Data(baseURL.utf8), at: directory.appendingPathComponent(Self.urlFile))
        let instance = FrontendInstance(settings: settings, database: database, clock: configuration.clock, secrets: secrets,
                                        logger: configuration.logger, issuer: configuration.publicURL ?? baseURL, dataDirectory: directory,
                                        geoIP: geoIP, since: since)
        let gateway = Gateway(instance: instance)
        instanceBox.set(MethodOverrideResponder(router: FAPIRoutes(instance: instance, gateway: gateway).build().buildResponder(),
                                                gateway: gateway, logger: configuration.logger))
        return LocalServer(baseURL: baseURL, port: port, group: group, task: task, database: database, instance: instance)
    }

    static let urlFile = "server-url"

    /// The base URL the latest server on `directory` recorded, if any.
    static func recordedURL(in directory: URL) -> String? {
        guard let text = try? String(contentsOf: directory.appendingPathComponent(urlFile), encoding: .utf8) else { return nil }
        let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return url.isEmpty ? nil : url
    }

    /// The store `configuration` names (migrated) and the instance's secrets in it or beside it.
    private static func openStore(_ configuration: LocalServerConfiguration,
                                  settings: InstanceSettings) async throws -> (Database, InstanceSecrets) {
        let directory = configuration.dataDirectory
        try DataDirectory.prepare(directory, logger: configuration.logger)
        let location = try DatabaseLocation.resolve(url: configuration.databaseURL ?? settings.databaseURL, dataDirectory: directory)
        if case .sqlite(let path) = location { try DataDirectory.createDatabaseFile(at: URL(fileURLWithPath: path)) }
        let database = try await Database.open(location, logger: configuration.logger)
        do {
            let secrets = try await InstanceSecrets.loadOrCreate(in: directory, database: database, dataKey: configuration.dataKey,
                                                                 tokenLifetime: settings.sessions.tokenLifetime,
                                                                 now: configuration.clock.now().epochMilliseconds)
            return (database, secrets)
        } catch {
            await database.close()
            throw error
        }
    }

    /// Adds a signing key to the ring of the instance `configuration` names, without serving (`rotate-signing-key`).
    public static func rotateSigningKey(_ configuration: LocalServerConfiguration) async throws -> String {
        let settings = try configuration.settings ?? configuration.settingsFile.map(SettingsFile.load(path:)) ?? InstanceSettings()
        let (database, secrets) = try await openStore(configuration, settings: settings)
        do {
            let keyID = try await secrets.signingKeys.rotate(now: configuration.clock.now().epochMilliseconds)
            await database.close()
            return keyID
        } catch {
            await database.close()
            throw error
        }
    }

    /// Waits until the server stops (a shutdown signal or `stop()`).
    public func waitUntilStopped() async throws {
        try await task.value
        await release()
    }

    /// Stops accepting connections, drains in-flight requests, closes the store.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        await release()
    }

    /// Starts a signing-key rotation: the new key is published now and signs from `SigningKeyRing.publishLead` on;
    /// the old one stays in the JWKS until every token it signed has expired. Returns the new key's `kid`.
    @discardableResult
    public func rotateSigningKey() async throws -> String {
        try await instance.secrets.signingKeys.rotate(now: instance.nowMS)
    }

    private func release() async {
        keyReloader?.cancel()
        await keyReloader?.value
        await database.close()
        await instance.passwords.shutdown()
    }
}
