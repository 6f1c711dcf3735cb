import Foundation
import Logging
import SQLKit

/// The codes and links a development instance "sent", read straight from an instance's store: the data directory's
/// SQLite file, or the PostgreSQL database `databaseURL` names.
public enum Outbox {
    /// The newest `limit` messages, oldest first.
    public static func messages(dataDirectory: URL, databaseURL: String? = nil, limit: Int = 20) async throws -> [OutboxMessage] {
        let location = try DatabaseLocation.resolve(url: databaseURL, dataDirectory: dataDirectory)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) { return [] }
        let database = try await Database.open(location, readers: 1, patience: .seconds(5), logger: Logger(label: "clerk-tui.outbox"))
        do {
            let newest = try await database.read { db in
                try await db.select().column("*").from(OutboxMessage.table).orderBy("sequence", .descending)
                    .limit(max(1, limit)).all(decoding: OutboxMessage.self, keyDecodingStrategy: Columns.decoding)
            }
            await database.close()
            return newest.reversed()
        } catch {
            await database.close()
            throw error
        }
    }
}
