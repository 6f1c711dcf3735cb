import Foundation
import Logging
import SQLKit

/// The operator's side of a local instance, which Clerk's Dashboard is for a Clerk instance: users (lock, unlock,
/// ban, mark a password compromised), application invitations and the waitlist (`clerk-tui admin`).
///
/// It opens the instance's own SQLite file beside any server running on it (WAL lets a second process write; writes
/// wait up to the busy timeout for the server's), and after each change tells that server, which then reads the rows
/// afresh instead of serving any it read before (`Database.announceChange`): a banned user's session ends at once.
/// On PostgreSQL it is one more client of the database the nodes share, which keep no rows of their own to refresh.
public final class LocalAdministration: Sendable {
    let instance: FrontendInstance

    private init(instance: FrontendInstance) {
        self.instance = instance
    }

    /// Opens the instance in `dataDirectory`, or in the PostgreSQL database `databaseURL` names, with the settings of
    /// `settingsFile` (defaults without one). The instance must exist already: one `clerk-tui serve` or `clerk-tui` has
    /// started on it. Invitation links name `publicURL`, else the address a server on the data directory last
    /// recorded (`server-url`).
    public static func open(dataDirectory: URL, databaseURL: String? = nil, publicURL: String? = nil, settingsFile: String?,
                            logger: Logger = Logger(label: "clerk-tui.admin")) async throws -> LocalAdministration {
        let settings = try settingsFile.map(SettingsFile.load(path:)) ?? InstanceSettings()
        let location = try DatabaseLocation.resolve(url: databaseURL ?? settings.databaseURL, dataDirectory: dataDirectory)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw AdministrationError("There is no local instance in \(dataDirectory.path) yet: start one there first "
                                      + "(clerk-tui serve --data-dir \(dataDirectory.path)).")
        }
        let clock = SystemClock()
        let dataKey = ProcessInfo.processInfo.environment["CLERK_TUI_DATA_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let database = try await Database.open(location, readers: 1, patience: .seconds(5), logger: logger)
        let secrets: InstanceSecrets
        do {
            if database.isShared, try await !SigningKeyRing.isStored(in: database) {
                throw AdministrationError("There is no instance in that database yet: start clerk-tui serve on it first.")
            }
            secrets = try await InstanceSecrets.loadOrCreate(in: dataDirectory, database: database, dataKey: dataKey,
                                                             tokenLifetime: settings.sessions.tokenLifetime,
                                                             now: clock.now().epochMilliseconds)
        } catch {
            await database.close()
            throw error
        }
        let issuer = publicURL ?? LocalServer.recordedURL(in: dataDirectory) ?? "http://127.0.0.1:4000"
        let instance = FrontendInstance(settings: settings, database: database, clock: clock, secrets: secrets, logger: logger,
                                        issuer: issuer, dataDirectory: dataDirectory)
        return LocalAdministration(instance: instance)
    }

    public func close() async {
        await instance.database.close()
        await instance.passwords.shutdown()
    }

    /// Runs a read, with Clerk's errors as `AdministrationError`.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do { return try await instance.database.read(body) } catch let failure as APIFailure {
            throw AdministrationError(failure)
        }
    }

    /// Runs a change in one transaction, then tells a running server about it.
    func change<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let result: T
        do { result = try await instance.database.write(body) } catch let failure as APIFailure {
            throw AdministrationError(failure)
        }
        try instance.database.announceChange()
        return result
    }

    func date(_ ms: Int64?) -> Date? { ms.map { Date(epochMilliseconds: $0) } }
}

/// Why an administration command could not be carried out, in words for the operator.
public struct AdministrationError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    init(_ failure: APIFailure) {
        description = failure.error.longMessage
    }
}
