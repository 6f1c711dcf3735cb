import Foundation
import FrontendAPI
import SQLKit
import WebAuthn

/// Checks a posted assertion (`public_key_credential`) against a sign-in's or reverification's challenge and the
/// stored passkey it names, for both flows. The challenge is spent either way; a counter that went back flags the
/// passkey; failures by a known user count toward lockout. Runs inside a transaction that commits either way.
struct PasskeyAssertions: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    struct Verified: Sendable {
        let passkey: PasskeyRecord
        let user: UserRecord
        let assertion: RelyingParty.Assertion
    }

    /// Verifies `posted` against `challengeRecord`; `userID` is who must own the passkey (nil for a discoverable
    /// sign-in, where the credential tells).
    func verify(_ posted: String, challengeRecord: WebAuthnChallengeRecord?, userID: String?,
                in db: any SQLDatabase) async throws -> Outcome<Verified> {
        let challenges = WebAuthnChallenges(instance: instance)
        let (record, challenge) = try challenges.take(challengeRecord)
        try await challenges.settle(record, verified: false, in: db)
        let credential: PublicKeyCredentialJSON, credentialID: Data
        do throws(RelyingParty.Failure) {
            credential = try RelyingParty.credential(posted)
            credentialID = try RelyingParty.credentialID(of: credential)
        } catch {
            return .rejected(.passkeyRefused(error))
        }
        guard var passkey = try await PasskeyRecord.first(in: db, where: "credential_id", equals: credentialID.base64URLEncodedString()),
              !passkey.flagged, userID == nil || passkey.userId == userID,
              let user = try await UserRecord.find(passkey.userId, in: db) else {
            if let userID { exchange.noteProof(userID: userID, strategy: .passkey) }
            return .rejected(.passkeyNotFound)
        }
        if let locked = try await exchange.lockout.hold(userID: user.id, now: instance.nowMS, in: db) { return .rejected(locked) }
        let assertion: RelyingParty.Assertion
        do throws(RelyingParty.Failure) {
            assertion = try check(credential, challenge: challenge, passkey: passkey)
        } catch {
            return .rejected(try await refuse(error, passkey: &passkey, in: db))
        }
        try await challenges.settle(record, verified: true, in: db)
        try await exchange.lockout.recordSuccess(userID: user.id, in: db)
        passkey.signCount = Int64(assertion.signCount)
        passkey.lastUsedAt = instance.nowMS
        passkey.updatedAt = instance.nowMS
        try await passkey.save(in: db)
        return .success(Verified(passkey: passkey, user: user, assertion: assertion))
    }

    private func check(_ credential: PublicKeyCredentialJSON, challenge: Data,
                       passkey: PasskeyRecord) throws(RelyingParty.Failure) -> RelyingParty.Assertion {
        guard let encoded = Data(base64URLEncoded: passkey.publicKey), let key = try? COSEKey(encoded) else {
            throw .unsupportedAlgorithm
        }
        // The user handle, when the authenticator returns one, must be the owner's.
        if let handle = credential.response.userHandle, !handle.isEmpty,
           handle != PasskeyOptions.userHandle(passkey.userId) { throw .malformed("userHandle names another user") }
        return try PasskeyOptions(settings: instance.settings).relyingParty.verifyAssertion(
            credential, challenge: challenge, key: key, storedSignCount: UInt32(clamping: passkey.signCount))
    }

    /// Records a refused assertion: a counter that went back flags the passkey; every refusal counts toward lockout.
    private func refuse(_ failure: RelyingParty.Failure, passkey: inout PasskeyRecord,
                        in db: any SQLDatabase) async throws -> APIFailure {
        if failure == .counterWentBack {
            passkey.flagged = true
            passkey.updatedAt = instance.nowMS
            try await passkey.save(in: db)
        }
        exchange.noteProof(userID: passkey.userId, strategy: .passkey)
        let locked = try await exchange.lockout.recordFailure(userID: passkey.userId, now: instance.nowMS, in: db)
        return locked ?? .passkeyRefused(failure)
    }
}
