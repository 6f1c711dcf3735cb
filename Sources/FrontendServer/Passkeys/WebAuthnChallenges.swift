import Foundation
import FrontendAPI
import SQLKit

/// The challenges of WebAuthn ceremonies in progress: one per owner and purpose, answered once, valid for
/// `[passkeys] timeout_seconds`.
struct WebAuthnChallenges: Sendable {
    let instance: FrontendInstance

    /// A fresh challenge for `owner`, replacing any earlier one for the same purpose.
    func issue(owner: String, purpose: WebAuthnPurpose, userID: String?, id: String? = nil,
               in db: any SQLDatabase) async throws -> WebAuthnChallengeRecord {
        try await db.delete(from: WebAuthnChallengeRecord.table).where("owner_id", .equal, owner)
            .where("purpose", .equal, purpose.rawValue).run()
        let now = instance.nowMS
        let record = WebAuthnChallengeRecord(
            id: id ?? RandomToken.id(.verification), ownerId: owner, purpose: purpose, userId: userID,
            challenge: Data(RandomToken.bytes(32)).base64URLEncodedString(), status: .unverified,
            expireAt: now + Int64(instance.settings.passkeys.timeout * 1000), createdAt: now, updatedAt: now)
        try await record.insert(in: db)
        return record
    }

    func current(owner: String, purpose: WebAuthnPurpose, in db: any SQLDatabase) async throws -> WebAuthnChallengeRecord? {
        try await db.select().column("*").from(WebAuthnChallengeRecord.table).where("owner_id", .equal, owner)
            .where("purpose", .equal, purpose.rawValue)
            .first(decoding: WebAuthnChallengeRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// The challenge an attempt answers. It is spent whatever the outcome (`settle` records which), so a credential
    /// signed over it cannot be replayed.
    func take(_ record: WebAuthnChallengeRecord?) throws -> (WebAuthnChallengeRecord, Data) {
        guard let record, record.status == .unverified else {
            throw APIFailure(.unprocessableContent, "verification_missing", "This verification has not been prepared.",
                             long: "Prepare the passkey verification again: each challenge is answered once.")
        }
        guard record.expireAt > instance.nowMS else { throw APIFailure.verificationExpired }
        guard let challenge = Data(base64URLEncoded: record.challenge) else { throw APIFailure.verificationFailed }
        return (record, challenge)
    }

    func settle(_ record: WebAuthnChallengeRecord, verified: Bool, in db: any SQLDatabase) async throws {
        var settled = record
        settled.status = verified ? .verified : .failed
        settled.updatedAt = instance.nowMS
        try await settled.save(in: db)
    }
}

extension WebAuthnChallenges {
    /// Drops `owner`'s challenge for `purpose` (a reverification started again).
    func discard(owner: String, purpose: WebAuthnPurpose, in db: any SQLDatabase) async throws {
        try await db.delete(from: WebAuthnChallengeRecord.table).where("owner_id", .equal, owner)
            .where("purpose", .equal, purpose.rawValue).run()
    }
}
