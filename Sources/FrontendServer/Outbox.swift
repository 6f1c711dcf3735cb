import Foundation
import Logging
import SQLKit

/// The codes and links a development instance "sent", read straight from an instance's data directory.
public enum Outbox {
    /// The newest `limit` messages, oldest first.
    public static func messages(dataDirectory: URL, limit: Int = 20) async throws -> [OutboxMessage] {
        let path = dataDirectory.appendingPathComponent("fapi.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let database = try await Database.open(path: path, readers: 1, logger: Logger(label: "clerk-tui.outbox"))
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
