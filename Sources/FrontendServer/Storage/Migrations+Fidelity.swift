import SQLKit

extension Migrations {
    /// What Clerk's clients read back: the device and address of a session's latest activity, and the first factor a
    /// sign-in used (the client's `last_authentication_strategy` is that one, whatever second factor followed).
    static let sessionActivity: Step = { db in
        for column in ["activity_device_type", "activity_browser_name", "activity_browser_version", "activity_ip_address"] {
            try await db.alter(table: "sessions").column(column, type: .text).run()
        }
        try await db.alter(table: "sessions").column("activity_is_mobile", type: Schema.flag(db)).run()
        try await db.alter(table: "sign_ins").column("first_factor_strategy", type: .text).run()
    }
}
