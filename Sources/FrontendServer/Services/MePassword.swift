import Foundation
import FrontendAPI
import SQLKit

/// `/v1/me/change_password`, `/v1/me/remove_password` and `/v1/me/metadata`.
extension MeEndpoints {
    /// Sets or changes the password. With a password already set, `current_password` proves the user; without it a
    /// recent reverification does. `sign_out_of_other_sessions` ends every other session of the user.
    func changePassword() async throws -> Reply {
        guard instance.settings.password.enabled else { throw APIFailure.notAllowed }
        let newPassword = try form.required("new_password")
        let current = form.nonEmpty("current_password")
        let signOutOthers = try form.bool("sign_out_of_other_sessions") ?? false
        try instance.passwordPolicy.validate(newPassword)
        let user = try await instance.database.read { db in try await context(in: db).1 }
        try exchange.lockout.ensureUnlocked(user, now: instance.nowMS)
        if current != nil { try await exchange.claimPasswordCheck(userID: user.id) }
        let currentMatches = try await current.asyncMap { try await instance.passwords.verify($0, hash: user.passwordDigest) }
        let digest = try await instance.passwords.hash(newPassword)
        return try await instance.writeCommitting { db in
            let (session, loaded, client) = try await context(in: db)
            var user = loaded
            if currentMatches == false {
                let locked = try await exchange.lockout.settleFailure(userID: user.id, now: instance.nowMS, in: db)
                exchange.noteProof(userID: user.id, strategy: .password)
                return .rejected(locked ?? .passwordIncorrect)
            }
            if currentMatches == true, let locked = try await exchange.lockout.settleSuccess(userID: user.id, now: instance.nowMS, in: db) {
                return .rejected(locked)
            }
            if currentMatches == nil { try await requireRecentVerification(session, user: user, in: db) }
            let now = instance.nowMS
            user.passwordDigest = digest
            // A new password lifts the operator's mark, and with it the `reset-password` task.
            user.passwordCompromisedAt = nil
            user.passwordUpdatedAt = now
            user.updatedAt = now
            try await user.save(in: db)
            if signOutOthers {
                try await Sessions(instance: instance).endAll(userID: user.id, except: session.id, in: db)
            }
            return .success(try await userReply(user.id, client: client, in: db))
        }
    }

    /// Removes the password; needs the current one and another way to sign in (a verified email or phone with codes).
    func removePassword() async throws -> Reply {
        let current = try form.required("current_password")
        let user = try await instance.database.read { db in try await context(in: db).1 }
        guard user.passwordDigest != nil else { throw APIFailure.notAllowed }
        try exchange.lockout.ensureUnlocked(user, now: instance.nowMS)
        try await exchange.claimPasswordCheck(userID: user.id)
        let matches = try await instance.passwords.verify(current, hash: user.passwordDigest)
        return try await instance.writeCommitting { db in
            var (_, user, client) = try await context(in: db)
            guard matches else {
                let locked = try await exchange.lockout.settleFailure(userID: user.id, now: instance.nowMS, in: db)
                exchange.noteProof(userID: user.id, strategy: .password)
                return .rejected(locked ?? .passwordIncorrect)
            }
            if let locked = try await exchange.lockout.settleSuccess(userID: user.id, now: instance.nowMS, in: db) {
                return .rejected(locked)
            }
            let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
            let canSignInWithCode = identifications.contains {
                $0.verified && ($0.kind == .emailAddress ? instance.settings.emailCodeFirstFactor : instance.settings.phoneCodeFirstFactor)
            }
            guard canSignInWithCode else { return .rejected(.notAllowed) }
            user.passwordDigest = nil
            user.updatedAt = instance.nowMS
            try await user.save(in: db)
            return .success(try await userReply(user.id, client: client, in: db))
        }
    }

    /// Deep-merges `unsafe_metadata` into the user's; `null` values remove keys.
    func patchMetadata() async throws -> Reply {
        guard let text = try form.jsonObject("unsafe_metadata") else { throw APIFailure.paramMissing("unsafe_metadata") }
        let patch = exchange.presenter.jsonObject(text)
        return try await instance.database.write { db in
            var (_, user, client) = try await context(in: db)
            let merged = Self.merge(exchange.presenter.jsonObject(user.unsafeMetadata), patch)
            user.unsafeMetadata = String(decoding: try FAPIJSON.encode(merged), as: UTF8.self)
            user.updatedAt = instance.nowMS
            try await user.save(in: db)
            return try await userReply(user.id, client: client, in: db)
        }
    }

    static func merge(_ base: JSONObject, _ patch: JSONObject) -> JSONObject {
        var result = base
        for (key, value) in patch {
            switch (result[key], value) {
            case (_, .null): result[key] = nil
            case (.object(let old)?, .object(let new)): result[key] = .object(merge(old, new))
            default: result[key] = value
            }
        }
        return result
    }
}
