import Foundation
import Glibc
import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// The server's SQLite store: one writer connection (writes run as `BEGIN IMMEDIATE` transactions) and a few
/// readers, all opened with WAL, foreign keys, full sync and a 5 s busy timeout.
///
/// Queries go through SQLKit so that the same code can later run on PostgreSQL; only the pragmas and the
/// transaction opener are SQLite-specific and live here.
final class Database: Sendable {
    private let writer: ConnectionPool
    private let readers: ConnectionPool
    private let writes = Atomic<UInt64>(0)
    /// `<database>-changes`: grows by a byte after each change another process (`clerk-tui admin`) commits.
    private let changesPath: String

    /// Moves after every write transaction of this process ends, and after every change another process announced
    /// (`announceChange`). A value read before a read started and still the same later means that nothing written
    /// since can be missing from what was read (see `RecentRows`).
    var generation: UInt64 {
        var status = Glibc.stat()
        let announced = Glibc.lstat(changesPath, &status) == 0 ? UInt64(status.st_size) : 0
        return writes.load(ordering: .acquiring) &+ announced << 32
    }

    private init(writer: ConnectionPool, readers: ConnectionPool, changesPath: String) {
        self.writer = writer
        self.readers = readers
        self.changesPath = changesPath
    }

    /// Tells every process serving this database that rows changed under it, so that none hands out a row it read
    /// before (a banned user's session, a lock). Called by a process that writes beside a running server, after its
    /// write committed.
    func announceChange() throws {
        let descriptor = Glibc.open(changesPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { Glibc.close(descriptor) }
        var byte: UInt8 = 0x0a
        guard Glibc.write(descriptor, &byte, 1) == 1 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    static func open(path: String, readers readerCount: Int = 2, logger: Logger) async throws -> Database {
        func connect() async throws -> SQLiteConnection {
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            let sql = connection.sql(queryLogLevel: nil)
            for pragma in ["PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                           "PRAGMA foreign_keys = ON"] {
                try await sql.raw(SQLQueryString(pragma)).run()
            }
            return connection
        }
        let writer = try await connect()
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount { readers.append(try await connect()) }
        let database = Database(writer: ConnectionPool([writer]), readers: ConnectionPool(readers), changesPath: path + "-changes")
        try await Migrations.run(on: database)
        return database
    }

    /// Runs `body` in one write transaction; any thrown error rolls everything back.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.withConnection { connection in
            let sql = connection.sql(queryLogLevel: nil)
            try await sql.raw("BEGIN IMMEDIATE").run()
            defer { writes.add(1, ordering: .releasing) }
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Runs `body` on a reader connection (sees the last committed state).
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.withConnection { try await body($0.sql(queryLogLevel: nil)) }
    }

    func close() async {
        await writer.closeAll()
        await readers.closeAll()
    }
}

/// Hands out connections one task at a time.
private actor ConnectionPool {
    private var idle: [SQLiteConnection]
    private var all: [SQLiteConnection]
    private var waiters: [CheckedContinuation<SQLiteConnection, Never>] = []

    init(_ connections: [SQLiteConnection]) {
        idle = connections
        all = connections
    }

    nonisolated func withConnection<T: Sendable>(_ body: @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = await acquire()
        do {
            let result = try await body(connection)
            await release(connection)
            return result
        } catch {
            await release(connection)
            throw error
        }
    }

    private func acquire() async -> SQLiteConnection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiters.append($0) }
    }

    private func release(_ connection: SQLiteConnection) {
        if waiters.isEmpty { idle.append(connection) } else { waiters.removeFirst().resume(returning: connection) }
    }

    func closeAll() async {
        for connection in all { try? await connection.close() }
        all = []
        idle = []
    }
}
