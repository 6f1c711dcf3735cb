import Foundation
import Glibc
import Logging
import SQLKit
import Synchronization

/// The server's store: SQLite in the data directory (the default), or a PostgreSQL server that several nodes share.
///
/// Queries go through SQLKit, so the services run unchanged on either; what differs lives in `SQLiteStore`,
/// `PostgresStore` (connections, transactions, retries) and `Schema` (column types).
final class Database: Sendable {
    private let store: any Store
    private let writes = Atomic<UInt64>(0)
    /// SQLite's `<database>-changes`: grows by a byte after each change another process (`clerk-tui admin`) commits.
    private let changesPath: String?
    /// That file, held open: `fstat` on a descriptor is cheaper than looking the path up again on every request.
    private let changes: Int32

    /// Moves after every write transaction of this process ends, and after every change another process announced
    /// (`announceChange`). A value read before a read started and still the same later means that nothing written
    /// since can be missing from what was read (see `RecentRows`). On a shared store other nodes announce nothing,
    /// so nothing there relies on it (`FrontendInstance` turns `RecentRows` off).
    var generation: UInt64 {
        var status = Glibc.stat()
        let announced = changes >= 0 && Glibc.fstat(changes, &status) == 0 ? UInt64(status.st_size) : 0
        return writes.load(ordering: .acquiring) &+ announced << 32
    }

    /// Whether other processes may write to the same store (PostgreSQL), so that state kept in one process's
    /// memory would be wrong.
    var isShared: Bool { store.isShared }

    private init(store: any Store, changesPath: String?) {
        self.store = store
        self.changesPath = changesPath
        // Created empty if no process announced a change yet (the size is what counts); -1 leaves only this process's
        // own writes counted, as when the data directory cannot take the file.
        changes = changesPath.map { Glibc.open($0, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600) } ?? -1
    }

    deinit {
        if changes >= 0 { Glibc.close(changes) }
    }

    /// Tells every process serving this SQLite database that rows changed under it, so that none hands out a row it
    /// read before (a banned user's session, a lock). Called by a process that writes beside a running server, after
    /// its write committed. (A shared store needs no announcing: its nodes reuse no rows.)
    func announceChange() throws {
        guard let changesPath else { return }
        let descriptor = Glibc.open(changesPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { Glibc.close(descriptor) }
        var byte: UInt8 = 0x0a
        guard Glibc.write(descriptor, &byte, 1) == 1 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The SQLite file at `path`, migrated.
    static func open(path: String, readers: Int = 2, logger: Logger) async throws -> Database {
        try await migrated(Database(store: SQLiteStore.open(path: path, readers: readers, logger: logger), changesPath: path + "-changes"))
    }

    /// The store `location` names, migrated; a PostgreSQL server is waited for up to `patience`.
    static func open(_ location: DatabaseLocation, readers: Int = 2, patience: Duration = .seconds(30),
                     logger: Logger) async throws -> Database {
        switch location {
        case .sqlite(let path):
            return try await open(path: path, readers: readers, logger: logger)
        case .postgres(let url):
            return try await migrated(Database(store: PostgresStore.open(url: url, patience: patience, logger: logger), changesPath: nil))
        }
    }

    private static func migrated(_ database: Database) async throws -> Database {
        do { try await Migrations.run(on: database) } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Runs `body` in one write transaction; any thrown error rolls everything back. On PostgreSQL the transaction
    /// is serializable and `body` may run again after a serialization failure or a deadlock.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        defer { writes.add(1, ordering: .releasing) }
        return try await store.write(exclusive: false, body)
    }

    /// A write transaction that no other process's `exclusive` one overlaps (schema migrations).
    func exclusiveWrite<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        defer { writes.add(1, ordering: .releasing) }
        return try await store.write(exclusive: true, body)
    }

    /// Runs `body` outside any write transaction (sees the last committed state).
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await store.read(body)
    }

    /// Nil when the store answers a trivial query, else why not.
    func probe() async -> String? {
        do {
            _ = try await read { try await $0.raw("SELECT 1 AS one").first() }
            return nil
        } catch {
            return String(describing: error)
        }
    }

    func close() async {
        await store.close()
    }
}

/// Which store to open: a SQLite file, or a PostgreSQL server by its `postgres://` URL.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `postgres://` and `postgresql://` URLs name a PostgreSQL server; nil means the data directory's SQLite file.
    public static func resolve(url: String?, dataDirectory: URL) throws -> DatabaseLocation {
        guard let url, !url.isEmpty else { return .sqlite(path: dataDirectory.appendingPathComponent("fapi.sqlite").path) }
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw DatabaseFailure(description: "the database URL must start with postgres:// or postgresql://")
        }
        return .postgres(url: url)
    }
}

/// A store that cannot be used (unreachable, or misconfigured); the message never holds a password.
public struct DatabaseFailure: Error, CustomStringConvertible {
    public let description: String
}

/// What `Database` needs of a store.
protocol Store: Sendable {
    var isShared: Bool { get }
    func write<T: Sendable>(exclusive: Bool, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async
}
