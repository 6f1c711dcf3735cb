import Logging
import NIOPosix
import SQLKit
import SQLiteKit

/// The embedded store: one writer connection (writes run as `BEGIN IMMEDIATE` transactions, so they never overlap)
/// and a few readers, all opened with WAL, foreign keys, full sync and a 5 s busy timeout.
struct SQLiteStore: Store {
    private let writer: ConnectionPool
    private let readers: ConnectionPool

    var isShared: Bool { false }

    static func open(path: String, readers readerCount: Int, logger: Logger) async throws -> SQLiteStore {
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
        return SQLiteStore(writer: ConnectionPool([writer]), readers: ConnectionPool(readers))
    }

    /// Every write is exclusive already: there is one writer connection and `BEGIN IMMEDIATE` locks the file.
    func write<T: Sendable>(exclusive: Bool, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.withConnection { connection in
            let sql = connection.sql(queryLogLevel: nil)
            try await sql.raw("BEGIN IMMEDIATE").run()
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
