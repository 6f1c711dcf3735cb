import Foundation
import SQLKit

/// Where uploaded images (profile images, organization logos) live: 0600 files in the data directory's `images/` on
/// the SQLite store; rows of `images` on a shared store, so that every node serves every image and none needs a disk.
struct ImageStore: Sendable {
    private enum Home {
        case directory(URL)
        case database(Database)
    }

    private let home: Home

    init(dataDirectory: URL, database: Database) {
        home = database.isShared ? .database(database) : .directory(dataDirectory.appendingPathComponent("images"))
    }

    /// Stores a new image under `name` (never referenced before this returns).
    func save(_ bytes: ArraySlice<UInt8>, name: String, now: Int64) async throws {
        switch home {
        case .directory(let directory):
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try SecretFile.replace(Data(bytes), at: directory.appendingPathComponent(name))
        case .database(let database):
            try await database.write { db in
                try await db.insert(into: "images").columns("name", "content", "created_at")
                    .values(SQLBind(name), SQLBind(Data(bytes)), SQLBind(now)).run()
            }
        }
    }

    func load(_ name: String) async throws -> Data? {
        switch home {
        case .directory(let directory):
            return FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
        case .database(let database):
            return try await database.read { db in
                try await db.select().column("content").from("images").where("name", .equal, name).first()?
                    .decode(column: "content", as: Data.self)
            }
        }
    }

    /// Drops an image within the transaction that drops its last reference: a row goes (or stays) with that
    /// transaction; a file goes at once (one already gone is fine).
    func remove(_ name: String, in db: any SQLDatabase) async throws {
        switch home {
        case .directory(let directory):
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        case .database:
            try await db.delete(from: "images").where("name", .equal, name).run()
        }
    }

    /// Drops an image no row references (an upload whose transaction failed), best effort.
    func discard(_ name: String) async {
        switch home {
        case .directory(let directory):
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        case .database(let database):
            _ = try? await database.write { db in try await db.delete(from: "images").where("name", .equal, name).run() }
        }
    }
}
