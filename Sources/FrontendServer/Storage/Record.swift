import SQLKit

/// A table row mapped one-to-one onto a Codable struct (snake_case columns, camelCase properties).
protocol Record: Codable, Sendable {
    static var table: String { get }
    var id: String { get }
}

extension Record {
    static func find(_ id: String, in db: any SQLDatabase) async throws -> Self? {
        try await db.select().column("*").from(table).where("id", .equal, id)
            .first(decoding: Self.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func first(in db: any SQLDatabase, where column: String, equals value: some Encodable & Sendable) async throws -> Self? {
        try await db.select().column("*").from(table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .first(decoding: Self.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func all(in db: any SQLDatabase, where column: String, equals value: some Encodable & Sendable,
                    orderBy: String = "created_at") async throws -> [Self] {
        try await db.select().column("*").from(table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .orderBy(orderBy).orderBy("id")
            .all(decoding: Self.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func insert(in db: any SQLDatabase) async throws {
        try await db.insert(into: Self.table).model(self, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
    }

    /// Writes every column of the row back.
    func save(in db: any SQLDatabase) async throws {
        try await db.update(Self.table).set(model: self, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .where("id", .equal, id).run()
    }

    func delete(in db: any SQLDatabase) async throws {
        try await db.delete(from: Self.table).where("id", .equal, id).run()
    }
}
