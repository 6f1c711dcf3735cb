import Foundation
import SQLKit

/// Versioned schema changes, applied in order inside one transaction each and recorded in `schema_migrations`.
enum Migrations {
    typealias Step = @Sendable (any SQLDatabase) async throws -> Void

    static let steps: [(version: Int, apply: Step)] = [(1, initialSchema), (2, profileImages), (3, slidingRateLimits), (4, passkeys), (5, socialSignIn),
                                                         (6, organizations), (7, invitationTickets), (16, waysIn), (20, billing),
                                                         (30, webAuthn), (40, sessionActivity), (50, sharedState)]

    /// WebAuthn: each passkey's COSE algorithm, signature counter and whether a counter that went back flagged it
    /// (a possibly cloned authenticator); the challenges of ceremonies in progress (a registration's, keyed by the
    /// passkey id it will get; a sign-in's or a reverification's, keyed by their owner), each answered once: its status
    /// leaves `unverified` at the first attempt.
    static let webAuthn: Step = { db in
        try await db.alter(table: "passkeys").column("algorithm", type: .int, .notNull, .default(-7)).run()
        try await db.alter(table: "passkeys").column("sign_count", type: .bigint, .notNull, .default(0)).run()
        try await db.alter(table: "passkeys").column("flagged", type: Schema.flag(db), .notNull, Schema.flagDefault(db)).run()
        try await timestamps(db.create(table: "webauthn_challenges")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("owner_id", type: .text, .notNull)
            .column("purpose", type: .text, .notNull)
            .column("user_id", type: .text)
            .column("challenge", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("expire_at", type: .bigint, .notNull))
            .run()
        try await db.create(index: "webauthn_challenges_by_owner").on("webauthn_challenges").column("owner_id").run()
    }

    /// Invitation tickets: the invitation a ticket sign-in or sign-up accepts once it completes.
    static let invitationTickets: Step = { db in
        try await db.alter(table: "sign_ins").column("ticket_invitation_id", type: .text).run()
        try await db.alter(table: "sign_ups").column("ticket_invitation_id", type: .text).run()
    }

    /// Organizations: the organizations, their members, invitations, verified domains, the suggestions those domains
    /// make and the membership requests suggestions turn into. Deleting an organization or a user deletes what hangs
    /// off it.
    static let organizations: Step = { db in
        try await timestamps(db.create(table: "organizations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("slug", type: .text, .notNull, .unique)
            .column("image_file", type: .text)
            .column("public_metadata", type: .text, .notNull, .default("{}"))
            .column("max_allowed_memberships", type: .int, .notNull)
            .column("admin_delete_enabled", type: Schema.flag(db), .notNull)
            .column("created_by", type: .text, .notNull))
            .run()
        try await timestamps(db.create(table: "organization_memberships")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organization_id", type: .text, .notNull, .references("organizations", "id", onDelete: .cascade))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("role", type: .text, .notNull)
            .column("public_metadata", type: .text, .notNull, .default("{}"))
            .unique("organization_id", "user_id"))
            .run()
        try await db.create(index: "organization_memberships_by_user").on("organization_memberships").column("user_id").run()
        try await organizationInvitationsAndDomains(db)
    }

    private static let organizationInvitationsAndDomains: Step = { db in
        try await timestamps(db.create(table: "organization_domains")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organization_id", type: .text, .notNull, .references("organizations", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("enrollment_mode", type: .text, .notNull)
            .column("affiliation_email_address", type: .text)
            .column("verified_at", type: .bigint)
            .unique("organization_id", "name"))
            .run()
        try await timestamps(db.create(table: "organization_invitations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organization_id", type: .text, .notNull, .references("organizations", "id", onDelete: .cascade))
            .column("email_address", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("public_metadata", type: .text, .notNull, .default("{}"))
            .column("domain_id", type: .text)
            .column("expires_at", type: .bigint, .notNull))
            .run()
        try await db.create(index: "organization_invitations_by_email").on("organization_invitations").column("email_address").run()
        for table in ["organization_suggestions", "organization_membership_requests"] {
            var builder = db.create(table: table)
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("organization_id", type: .text, .notNull, .references("organizations", "id", onDelete: .cascade))
                .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
                .column("status", type: .text, .notNull)
            if table == "organization_suggestions" { builder = builder.column("domain_id", type: .text) }
            try await timestamps(builder).run()
            try await db.create(index: table + "_by_user").on(table).column("user_id").run()
        }
    }

    /// Social sign-in: the accounts users connected at a provider, and the browser round trips under way.
    static let socialSignIn: Step = { db in
        try await timestamps(db.create(table: "external_accounts")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("identification_id", type: .text, .notNull)
            .column("provider", type: .text, .notNull)
            .column("provider_user_id", type: .text, .notNull)
            .column("email_address", type: .text, .notNull)
            .column("first_name", type: .text)
            .column("last_name", type: .text))
            .run()
        try await db.create(index: "external_accounts_by_provider_user").unique().on("external_accounts")
            .column("provider").column("provider_user_id").run()
        try await db.create(index: "external_accounts_by_user").on("external_accounts").column("user_id").run()
        try await timestamps(db.create(table: "oauth_flows")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("owner_id", type: .text, .notNull)
            .column("client_id", type: .text, .notNull, .references("clients", "id", onDelete: .cascade))
            .column("provider", type: .text, .notNull)
            .column("redirect_url", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("error_code", type: .text)
            .column("code_digest", type: .text)
            .column("provider_user_id", type: .text)
            .column("email_address", type: .text)
            .column("first_name", type: .text)
            .column("last_name", type: .text)
            .column("nonce_digest", type: .text)
            .column("external_account_id", type: .text)
            .column("expire_at", type: .bigint, .notNull))
            .run()
        try await db.create(index: "oauth_flows_by_owner").on("oauth_flows").column("owner_id").run()
        try await db.alter(table: "sign_ups").column("oauth_flow_id", type: .text).run()
    }

    /// Passkeys registered by a user: the credential id and COSE public key, a display name and usage.
    static let passkeys: Step = { db in
        try await timestamps(db.create(table: "passkeys")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("credential_id", type: .text, .notNull, .unique)
            .column("public_key", type: .text, .notNull)
            .column("last_used_at", type: .bigint))
            .run()
        try await db.create(index: "passkeys_by_user").on("passkeys").column("user_id").run()
    }

    /// Rate limits keep the previous window's count, for the sliding-window estimate.
    static let slidingRateLimits: Step = { db in
        try await db.alter(table: "rate_limits").column("previous_hits", type: .int, .notNull, .default(0)).run()
    }

    /// The file name (in the data directory's `images/`) of each user's profile image.
    static let profileImages: Step = { db in
        try await db.alter(table: "users").column("image_file", type: .text).run()
    }

    static func run(on database: Database) async throws {
        try await database.exclusiveWrite { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
        }
        for step in steps {
            try await database.exclusiveWrite { db in
                let applied = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, step.version).first()
                guard applied == nil else { return }
                try await step.apply(db)
                try await db.insert(into: "schema_migrations").columns("version", "applied_at")
                    .values(SQLBind(step.version), SQLBind(Date().epochMilliseconds)).run()
            }
        }
        try await database.exclusiveWrite { db in try await Schema.ensureInsertionOrder(db) }
    }

    /// When the schema was first created: the same for every node of a shared store and across restarts.
    static func createdAt(_ database: Database) async throws -> Date? {
        try await database.read { db in
            try await db.select().column(SQLFunction("MIN", args: SQLIdentifier("applied_at")), as: "first")
                .from("schema_migrations").first()?.decode(column: "first", as: Int64?.self)
        }.map(Date.init(epochMilliseconds:))
    }

    static func timestamps(_ builder: SQLCreateTableBuilder) -> SQLCreateTableBuilder {
        builder.column("created_at", type: .bigint, .notNull).column("updated_at", type: .bigint, .notNull)
    }

    static let initialSchema: Step = { db in
        try await timestamps(db.create(table: "users")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("username", type: .text, .unique)
            .column("first_name", type: .text)
            .column("last_name", type: .text)
            .column("password_digest", type: .text)
            .column("primary_email_address_id", type: .text)
            .column("primary_phone_number_id", type: .text)
            .column("totp_id", type: .text)
            .column("totp_secret", type: .text)
            .column("totp_verified", type: Schema.flag(db), .notNull, Schema.flagDefault(db))
            .column("totp_last_step", type: .bigint, .notNull, .default(0))
            .column("totp_created_at", type: .bigint)
            .column("unsafe_metadata", type: .text, .notNull, .default("{}"))
            .column("public_metadata", type: .text, .notNull, .default("{}"))
            .column("failed_attempts", type: .int, .notNull, .default(0))
            .column("locked_until", type: .bigint)
            .column("last_sign_in_at", type: .bigint)
            .column("last_active_at", type: .bigint)
            .column("password_updated_at", type: .bigint)
            .column("mfa_enabled_at", type: .bigint)
            .column("mfa_disabled_at", type: .bigint)
            .column("legal_accepted_at", type: .bigint))
            .run()

        try await timestamps(db.create(table: "identifications")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .column("verified", type: Schema.flag(db), .notNull, Schema.flagDefault(db))
            .column("reserved_for_second_factor", type: Schema.flag(db), .notNull, Schema.flagDefault(db))
            .column("default_second_factor", type: Schema.flag(db), .notNull, Schema.flagDefault(db))
            .unique("kind", "value"))
            .run()

        try await timestamps(db.create(table: "clients")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("token_digest", type: .text, .notNull, .unique)
            .column("last_active_session_id", type: .text)
            .column("sign_in_id", type: .text)
            .column("sign_up_id", type: .text)
            .column("last_authentication_strategy", type: .text))
            .run()

        try await timestamps(db.create(table: "sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("client_id", type: .text, .notNull, .references("clients", "id", onDelete: .cascade))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("status", type: .text, .notNull)
            .column("last_active_at", type: .bigint, .notNull)
            .column("expire_at", type: .bigint, .notNull)
            .column("abandon_at", type: .bigint, .notNull)
            .column("last_active_organization_id", type: .text)
            .column("first_factor_at", type: .bigint)
            .column("second_factor_at", type: .bigint))
            .run()
        try await db.create(index: "sessions_by_client").on("sessions").column("client_id").run()
        try await db.create(index: "sessions_by_user").on("sessions").column("user_id").run()

        try await timestamps(db.create(table: "sign_ins")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("client_id", type: .text, .notNull, .references("clients", "id", onDelete: .cascade))
            .column("status", type: .text, .notNull)
            .column("identifier", type: .text)
            .column("user_id", type: .text, .references("users", "id", onDelete: .cascade))
            .column("identification_id", type: .text)
            .column("first_factor_at", type: .bigint)
            .column("created_session_id", type: .text)
            .column("abandon_at", type: .bigint, .notNull))
            .run()

        try await timestamps(db.create(table: "sign_ups")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("client_id", type: .text, .notNull, .references("clients", "id", onDelete: .cascade))
            .column("status", type: .text, .notNull)
            .column("email_address", type: .text)
            .column("phone_number", type: .text)
            .column("username", type: .text)
            .column("first_name", type: .text)
            .column("last_name", type: .text)
            .column("password_digest", type: .text)
            .column("unsafe_metadata", type: .text, .notNull, .default("{}"))
            .column("legal_accepted_at", type: .bigint)
            .column("created_user_id", type: .text)
            .column("created_session_id", type: .text)
            .column("abandon_at", type: .bigint, .notNull))
            .run()

        try await timestamps(db.create(table: "verifications")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("owner_id", type: .text, .notNull)
            .column("slot", type: .text, .notNull)
            .column("strategy", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("code_digest", type: .text)
            .column("attempts", type: .int, .notNull, .default(0))
            .column("expire_at", type: .bigint)
            .column("identification_id", type: .text)
            .unique("owner_id", "slot"))
            .run()

        try await db.create(table: "backup_codes")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("code_digest", type: .text, .notNull)
            .column("used_at", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "backup_codes_by_user").on("backup_codes").column("user_id").run()

        try await db.create(table: "rate_limits")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("window_start", type: .bigint, .notNull)
            .column("hits", type: .int, .notNull)
            .run()

        try await db.create(table: "outbox")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: true))
            .column("id", type: .text, .notNull, .unique)
            .column("channel", type: .text, .notNull)
            .column("recipient", type: .text, .notNull)
            .column("purpose", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
    }
}
