import SQLKit

extension Migrations {
    /// What several nodes on one store share instead of keeping it on their own disks or in memory: the instance's
    /// secrets (signing keys, pepper), each sealed with the data key every node is given (`SharedSecrets`), named
    /// expiring locks (`Leases`), and uploaded images (`ImageStore`).
    static let sharedState: Step = { db in
        try await db.create(table: "images")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("content", type: .blob, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "leases")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "instance_secrets")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("sealed", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
