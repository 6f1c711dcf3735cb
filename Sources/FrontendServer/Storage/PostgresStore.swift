import Foundation
import Logging
import PostgresKit
import SQLKit
import Synchronization

/// The shared store: a PostgreSQL server reached through PostgresNIO's connection pool.
///
/// Writes run as SERIALIZABLE transactions, so the services' read-then-write steps stay correct with several nodes
/// writing at once; a transaction that fails to serialize (40001), deadlocks (40P01) or meets a unique row a
/// concurrent one just inserted (23505) runs again from the start with jittered backoff, at most `maxAttempts` times
/// within `contentionPatience` (a burst of guesses at one account makes every transaction touch the same row). Past
/// that bound the request answers 503 with Retry-After, never a 500. A connection that cannot be had within `leaseTimeout` (the server is down) fails with `DatabaseUnavailable`.
struct PostgresStore: Store {
    static let maxAttempts = 30
    static let contentionPatience: Duration = .seconds(5)
    static let leaseTimeout: Duration = .seconds(2)
    static let outagePatience: Duration = .seconds(6)

    private let client: PostgresClient
    private let runner: Task<Void, Never>

    var isShared: Bool { true }

    static func open(url: String, patience: Duration, logger: Logger) async throws -> PostgresStore {
        let parsed: SQLPostgresConfiguration
        do { parsed = try SQLPostgresConfiguration(url: url) } catch {
            throw DatabaseFailure(description: "the database URL is not a valid postgres:// URL")
        }
        let core = parsed.coreConfiguration
        guard let host = core.host else { throw DatabaseFailure(description: "the database URL names no host") }
        var configuration = PostgresClient.Configuration(
            host: host, port: core.port ?? 5432, username: core.username, password: core.password,
            database: core.database, tls: core.tls.isEnforced ? .require(.makeClientConfiguration())
                : core.tls.isAllowed ? .prefer(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 16
        configuration.options.connectTimeout = .seconds(3)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let store = PostgresStore(client: client, runner: Task { await client.run() })
        try await store.waitForServer(patience: patience, named: "\(host):\(core.port ?? 5432)/\(core.database ?? "")")
        return store
    }

    /// Startup waits for the server (it may start after the nodes), then gives up with a clear error; a server that
    /// answers with a refusal (a wrong password, a missing database) fails at once.
    private func waitForServer(patience: Duration, named name: String) async throws {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                _ = try await read { try await $0.raw("SELECT 1 AS one").first() }
                return
            } catch {
                guard error is DatabaseUnavailable, ContinuousClock.now < deadline else {
                    await close()
                    let what = error is DatabaseUnavailable ? "did not answer within \(patience)" : "refused the connection"
                    throw DatabaseFailure(description: "the database at \(name) \(what): \(Self.describe(error))")
                }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    func write<T: Sendable>(exclusive: Bool, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await retrying { committing in
            try await leased { connection in
                try await Self.transaction(on: connection.sql(queryLogLevel: nil), exclusive: exclusive, committing: committing, body)
            }
        }
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await retrying { _ in try await leased { try await body($0.sql(queryLogLevel: nil)) } }
    }

    /// Runs `operation` again after a transient failure: a serialization failure, deadlock or unique race (up to
    /// `maxAttempts` times), or a lost connection (until `outagePatience` has passed, so that a database restart
    /// costs clients a delay rather than an error) unless the lost connection was carrying the COMMIT, whose outcome
    /// is then unknown. What is left is translated for the gateway.
    private func retrying<T: Sendable>(_ operation: @Sendable (_ committing: Flag) async throws -> T) async throws -> T {
        var attempt = 1
        let started = ContinuousClock.now
        let deadline = started + Self.outagePatience
        while true {
            let committing = Flag()
            do {
                return try await operation(committing)
            } catch let error as PSQLError where Self.isTransient(error) && attempt < Self.maxAttempts
                && ContinuousClock.now - started < Self.contentionPatience {
                StoreMetrics.retried(sqlState: error.serverInfo?[.sqlState] ?? "")
            } catch where Self.isConnectionLoss(error) && !committing.isSet && ContinuousClock.now < deadline {
                StoreMetrics.retried(sqlState: "connection")
            } catch {
                throw Self.translate(error)
            }
            try await Task.sleep(for: Self.backoff(attempt: attempt))
            attempt += 1
        }
    }

    /// Exclusive transactions (migrations) read committed, behind an advisory lock that every node takes first, so
    /// each sees what the one before it committed.
    private static func transaction<T: Sendable>(on sql: some SQLDatabase, exclusive: Bool, committing: Flag,
                                                 _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if exclusive {
            try await sql.raw("BEGIN").run()
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.migrationLock))").run()
        } else {
            try await sql.raw("BEGIN ISOLATION LEVEL SERIALIZABLE").run()
        }
        do {
            let result = try await body(sql)
            committing.set()
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    static let migrationLock: Int64 = 0x636c_6572_6b74_7569

    /// Runs `body` on a pooled connection, or fails with `DatabaseUnavailable` when none comes within `leaseTimeout`
    /// (the pool keeps trying to connect in the background; a server back within the timeout is not noticed).
    private func leased<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let leased = Flag()
        let client = client
        return try await withoutActuallyEscaping(body) { body in
            try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.set()
                        StoreMetrics.connectionsInUse.increment()
                        defer { StoreMetrics.connectionsInUse.decrement() }
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: Self.leaseTimeout)
                    if leased.isSet { return nil }
                    StoreMetrics.unavailable()
                    throw DatabaseUnavailable(reason: "no database connection within \(Self.leaseTimeout)")
                }
                while let result = try await group.next() {
                    if let result {
                        group.cancelAll()
                        return result
                    }
                }
                throw DatabaseUnavailable(reason: "the database request ended without an answer")
            }
        }
    }

    func close() async {
        runner.cancel()
        await runner.value
    }

    /// Full jitter over an exponential step: 10, 20, 40… ms, at most 160 ms.
    static func backoff(attempt: Int) -> Duration {
        let ceiling = min(160, 5 << min(attempt, 6))
        return .milliseconds(Int.random(in: 1...ceiling))
    }

    static func isTransient(_ error: PSQLError) -> Bool {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return ["40001", "40P01", "23505"].contains(state)
    }

    /// The server went away (or is restarting): worth trying again on a fresh connection.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is DatabaseUnavailable { return true }
        guard let error = error as? PSQLError else { return false }
        let state = error.serverInfo?[.sqlState] ?? ""
        return error.code != .server || state.hasPrefix("08") || state.hasPrefix("57P")
    }

    /// Connection-level failures, and conflicts that outlived their retries, become `DatabaseUnavailable` (answered
    /// 503); a unique violation that outlived its
    /// retries becomes `UniqueViolation`; anything else passes through.
    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        let state = error.serverInfo?[.sqlState] ?? ""
        if isConnectionLoss(error) {
            StoreMetrics.unavailable()
            return DatabaseUnavailable(reason: describe(error))
        }
        if state == "22021" || state == "22P05" {  // a NUL or a character the database cannot hold (a path id)
            return APIFailure.unstorableCharacter
        }
        if state == "40001" || state == "40P01" {
            return DatabaseUnavailable(reason: "still conflicting with concurrent transactions after its retries")
        }
        if state == "23505" {
            return UniqueViolation(table: error.serverInfo?[.tableName] ?? "", constraint: error.serverInfo?[.constraintName] ?? "",
                                   detail: error.serverInfo?[.detail] ?? "")
        }
        return error
    }

    /// What may be logged of an error nothing else handled: a database error's code and server message, else nothing
    /// (other errors' descriptions may hold request values).
    static func loggableDetail(_ error: any Error) -> String {
        error is PSQLError ? describe(error) : "-"
    }

    /// PSQLError hides everything in `description` (it may hold binds); the code and server message are safe.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        let message = error.serverInfo?[.message].map { ": " + $0 } ?? ""
        let state = error.serverInfo?[.sqlState].map { " (\($0))" } ?? ""
        return "\(error.code)\(state)\(message)"
    }
}

/// The database cannot be reached right now; requests answer 503 with Retry-After until it can.
struct DatabaseUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { "database unavailable: \(reason)" }
}

/// A unique index refused a row even after retries (a request raced itself, or a check is missing).
struct UniqueViolation: Error, CustomStringConvertible {
    let table: String
    let constraint: String
    /// The server's `Key (…)=(…) already exists.`; it holds the values, so it is never logged.
    let detail: String
    var description: String { "unique violation on \(table) (\(constraint))" }

    /// Clerk's answer: a taken identifier (email address, phone number, username) or slug is
    /// `form_identifier_exists` on that parameter; any other duplicate is a conflict.
    var failure: APIFailure {
        switch table {
        case "identifications":
            let kind = detail.split(separator: "=").dropFirst().first?.dropFirst().split(separator: ",").first
            return .identifierExists(kind.map(String.init) ?? "identifier")
        case "users" where constraint.contains("username"): return .identifierExists("username")
        case "organizations" where constraint.contains("slug"): return .identifierExists("slug")
        default: return APIFailure(.conflict, "duplicate_record", "This record already exists.")
        }
    }
}

/// A one-way switch shared between tasks: whether a connection was leased, whether the COMMIT went out.
final class Flag: Sendable {
    private let state = Mutex(false)
    var isSet: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}
