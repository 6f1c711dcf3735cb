import Foundation
import Logging
import SQLKit

/// The operator's side of a local instance, which Clerk's Dashboard is for a Clerk instance: users (lock, unlock,
/// ban, mark a password compromised), application invitations and the waitlist (`clerk-tui admin`).
///
/// It opens the instance's own SQLite file beside any server running on it (WAL lets a second process write; writes
/// wait up to the busy timeout for the server's), and after each change tells that server, which then reads the rows
/// afresh instead of serving any it read before (`Database.announceChange`): a banned user's session ends at once.
/// Invitation links name the server's address as it last recorded it (`server-url` in the data directory).
public final class LocalAdministration: Sendable {
    let instance: FrontendInstance

    private init(instance: FrontendInstance) {
        self.instance = instance
    }

    /// Opens the instance in `dataDirectory` with the settings of `settingsFile` (defaults without one). The directory
    /// must hold an instance already: one `clerk-tui serve` or `clerk-tui` has started.
    public static func open(dataDirectory: URL, settingsFile: String?, logger: Logger = Logger(label: "clerk-tui.admin"))
        async throws -> LocalAdministration {
        let settings = try settingsFile.map(SettingsFile.load(path:)) ?? InstanceSettings()
        let databasePath = dataDirectory.appendingPathComponent("fapi.sqlite").path
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw AdministrationError("There is no local instance in \(dataDirectory.path) yet: start one there first "
                                      + "(clerk-tui serve --data-dir \(dataDirectory.path)).")
        }
        let clock = SystemClock()
        let dataKey = ProcessInfo.processInfo.environment["CLERK_TUI_DATA_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let secrets = try InstanceSecrets.loadOrCreate(in: dataDirectory, dataKey: dataKey,
                                                       tokenLifetime: settings.sessions.tokenLifetime,
                                                       now: clock.now().epochMilliseconds)
        let database = try await Database.open(path: databasePath, readers: 1, logger: logger)
        let issuer = LocalServer.recordedURL(in: dataDirectory) ?? "http://127.0.0.1:4000"
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
