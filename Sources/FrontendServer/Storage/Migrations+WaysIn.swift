import SQLKit

extension Migrations {
    /// Ways in (issue 16; version 16): application invitations and the waitlist, the operator's marks on a user (banned, a
    /// password marked compromised), and what an email link's verification remembers (where the link was opened,
    /// where to send the browser, and that its owner's client is owed a rotated token), and API keys.
    static let waysIn: Step = { db in
        try await timestamps(db.create(table: "invitations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("email_address", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("public_metadata", type: .text, .notNull, .default("{}"))
            .column("expires_at", type: .bigint, .notNull))
            .run()
        try await db.create(index: "invitations_by_email").on("invitations").column("email_address").run()
        try await timestamps(db.create(table: "waitlist_entries")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("email_address", type: .text, .notNull, .unique)
            .column("status", type: .text, .notNull)
            .column("invitation_id", type: .text))
            .run()
        try await db.alter(table: "users").column("banned", type: Schema.flag(db), .notNull, Schema.flagDefault(db)).run()
        try await db.alter(table: "users").column("password_compromised_at", type: .bigint).run()
        try await db.alter(table: "verifications").column("verified_at_client", type: .text).run()
        try await db.alter(table: "verifications").column("redirect_url", type: .text).run()
        try await db.alter(table: "verifications").column("token_owed", type: Schema.flag(db), .notNull, Schema.flagDefault(db)).run()
        try await timestamps(db.create(table: "api_keys")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("type", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("description", type: .text)
            .column("secret_digest", type: .text, .notNull, .unique)
            .column("revoked", type: Schema.flag(db), .notNull, Schema.flagDefault(db))
            .column("revocation_reason", type: .text)
            .column("expiration", type: .bigint)
            .column("created_by", type: .text)
            .column("last_used_at", type: .bigint))
            .run()
        try await db.create(index: "api_keys_by_subject").on("api_keys").column("subject").run()
    }
}
