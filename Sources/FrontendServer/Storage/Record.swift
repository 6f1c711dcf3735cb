import SQLKit

/// A table row mapped one-to-one onto a Codable struct (snake_case columns, camelCase properties).
protocol Record: Codable, Sendable {
    static var table: String { get }
    var id: String { get }
}

extension Record {
    static func find(_ id: String, in db: any SQLDatabase) async throws -> Self? {
        try await db.select().column("*").from(table).where("id", .equal, id)
            .first(decoding: Self.self, keyDecodingStrategy: Columns.decoding)
    }

    static func first(in db: any SQLDatabase, where column: String, equals value: some Encodable & Sendable) async throws -> Self? {
        try await db.select().column("*").from(table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .first(decoding: Self.self, keyDecodingStrategy: Columns.decoding)
    }

    static func all(in db: any SQLDatabase, where column: String, equals value: some Encodable & Sendable,
                    orderBy: String = "created_at") async throws -> [Self] {
        try await db.select().column("*").from(table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .orderBy(orderBy).orderBy("id")
            .all(decoding: Self.self, keyDecodingStrategy: Columns.decoding)
    }

    func insert(in db: any SQLDatabase) async throws {
        try await db.insert(into: Self.table).model(self, keyEncodingStrategy: Columns.encoding, nilEncodingStrategy: .asNil).run()
    }

    /// Writes every column of the row back.
    func save(in db: any SQLDatabase) async throws {
        try await db.update(Self.table).set(model: self, keyEncodingStrategy: Columns.encoding, nilEncodingStrategy: .asNil)
            .where("id", .equal, id).run()
    }

    func delete(in db: any SQLDatabase) async throws {
        try await db.delete(from: Self.table).where("id", .equal, id).run()
    }
}

/// camelCase properties to snake_case columns. SQLKit's own snake-case strategies look up Unicode properties for
/// every character of every key of every row, which was the largest cost of a read; property names here are ASCII
/// with single capitals (`lastActiveAt`, never `imageURL`), so a byte-wise conversion gives the same names.
enum Columns {
    static let decoding = SQLRowDecoder.KeyDecodingStrategy.custom { path in SomeCodingKey(stringValue: snakeCase(path.last!.stringValue)) }
    static let encoding = SQLQueryEncoder.KeyEncodingStrategy.custom { path in SomeCodingKey(stringValue: snakeCase(path.last!.stringValue)) }

    static func snakeCase(_ key: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count + 4)
        for byte in key.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "_")) }
                bytes.append(byte + 32)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
