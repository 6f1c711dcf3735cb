import Foundation
import FrontendAPI
import SQLKit

/// A user as the operator sees them.
public struct AdminUser: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable { case active, locked, banned }

    public let id: String
    /// The primary email address, else the primary phone number, else the username.
    public let identifier: String
    public let name: String?
    public let status: Status
    public let passwordCompromised: Bool
    public let createdAt: Date
    public let lastSignInAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, identifier, name, status
        case passwordCompromised = "password_compromised", createdAt = "created_at", lastSignInAt = "last_sign_in_at"
    }
}

/// `clerk-tui admin users`: list, lock, unlock, ban, mark a password compromised.
extension LocalAdministration {
    /// Every user, oldest first.
    public func users() async throws -> [AdminUser] {
        try await read { db in
            var users: [AdminUser] = []
            for user in try await db.select().column("*").from(UserRecord.table).orderBy("created_at").orderBy("rowid")
                .all(decoding: UserRecord.self, keyDecodingStrategy: Columns.decoding) {
                users.append(try await summary(user, in: db))
            }
            return users
        }
    }

    /// Locks the user `reference` names (their id, an address or username) with no end, as the Dashboard's "Lock
    /// user" does: every sign-in answers `user_locked` and their sessions get no tokens, until `unlock`.
    public func lock(_ reference: String) async throws -> AdminUser {
        try await change { db in
            var user = try await find(reference, in: db)
            user.lockedUntil = Lockout.indefinitely
            return try await save(&user, in: db)
        }
    }

    /// Lifts a lock, the operator's or one that failed attempts set, and forgets the failed attempts.
    public func unlock(_ reference: String) async throws -> AdminUser {
        try await change { db in
            var user = try await find(reference, in: db)
            user.lockedUntil = nil
            user.failedAttempts = 0
            return try await save(&user, in: db)
        }
    }

    /// Bans the user: their sessions are revoked, and every sign-in answers `user_banned`.
    public func ban(_ reference: String) async throws -> AdminUser {
        try await change { [instance] db in
            var user = try await find(reference, in: db)
            user.banned = true
            let saved = try await save(&user, in: db)
            try await Sessions(instance: instance).endAll(userID: user.id, in: db)
            return saved
        }
    }

    /// Marks the user's password compromised, as the Dashboard's "Set password as compromised" does: signing in with
    /// it is refused (`form_password_compromised`), and every session of theirs is `pending` with the
    /// `reset-password` task until they choose a new one.
    public func markPasswordCompromised(_ reference: String) async throws -> AdminUser {
        try await change { [instance] db in
            var user = try await find(reference, in: db)
            guard user.passwordDigest != nil else { throw AdministrationError("\(reference) has no password.") }
            user.passwordCompromisedAt = instance.nowMS
            return try await save(&user, in: db)
        }
    }

    /// The user `reference` names: a `user_…` id, one of their email addresses or phone numbers, or their username.
    private func find(_ reference: String, in db: any SQLDatabase) async throws -> UserRecord {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(IDPrefix.user.rawValue + "_"), let user = try await UserRecord.find(trimmed, in: db) { return user }
        for value in [Identifiers.normalizedEmail(trimmed), Identifiers.normalizedPhone(trimmed)].compactMap({ $0 }) {
            if let identification = try await IdentificationRecord.first(in: db, where: "value", equals: value),
               let user = try await UserRecord.find(identification.userId, in: db) {
                return user
            }
        }
        if let username = Identifiers.normalizedUsername(trimmed), let user = try await UserRecord.first(in: db, where: "username", equals: username) {
            return user
        }
        throw AdministrationError("No user is \(reference).")
    }

    private func save(_ user: inout UserRecord, in db: any SQLDatabase) async throws -> AdminUser {
        user.updatedAt = instance.nowMS
        try await user.save(in: db)
        return try await summary(user, in: db)
    }

    private func summary(_ user: UserRecord, in db: any SQLDatabase) async throws -> AdminUser {
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
        let primary = identifications.first { $0.id == user.primaryEmailAddressId }
            ?? identifications.first { $0.id == user.primaryPhoneNumberId } ?? identifications.first
        let name = [user.firstName, user.lastName].compactMap { $0 }.joined(separator: " ")
        let locked = Lockout(settings: instance.settings.lockout).remaining(user, now: instance.nowMS) != nil
        return AdminUser(id: user.id, identifier: primary?.value ?? user.username ?? "", name: name.isEmpty ? nil : name,
                         status: user.banned ? .banned : locked ? .locked : .active,
                         passwordCompromised: user.passwordCompromisedAt != nil,
                         createdAt: date(user.createdAt) ?? Date(), lastSignInAt: date(user.lastSignInAt))
    }
}
