import Foundation
import SQLKit

/// Instance secrets kept in the store itself (`instance_secrets`), for a store that several nodes share: each value
/// is sealed with the data key every node is given, so the database alone reveals none of them.
enum SharedSecrets {
    static func sealed(_ name: String, in database: Database) async throws -> String? {
        try await database.read { try await value(name, in: $0) }
    }

    static func exists(_ name: String, in database: Database) async throws -> Bool {
        try await sealed(name, in: database) != nil
    }

    /// The stored value, after storing `sealed` if there was none: of nodes starting together, the first one's wins.
    static func createOnce(_ name: String, sealed: String, in database: Database) async throws -> String {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO instance_secrets (name, sealed, updated_at) VALUES (\(bind: name), \(bind: sealed), \(bind: Date().epochMilliseconds))
                ON CONFLICT (name) DO NOTHING
                """).run()
            guard let stored = try await value(name, in: db) else { throw DatabaseFailure(description: "the secret \(name) vanished") }
            return stored
        }
    }

    /// Replaces the value with what `change` makes of the current one, in one transaction.
    static func update<T: Sendable>(_ name: String, in database: Database,
                                    _ change: @escaping @Sendable (String?) throws -> (sealed: String, result: T)) async throws -> T {
        try await database.write { db in
            let (sealed, result) = try change(try await value(name, in: db))
            try await db.raw("""
                INSERT INTO instance_secrets (name, sealed, updated_at) VALUES (\(bind: name), \(bind: sealed), \(bind: Date().epochMilliseconds))
                ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at
                """).run()
            return result
        }
    }

    private static func value(_ name: String, in db: any SQLDatabase) async throws -> String? {
        try await db.select().column("sealed").from("instance_secrets").where("name", .equal, name).first()?
            .decode(column: "sealed", as: String.self)
    }
}
