import Foundation
import FrontendAPI
import SQLKit

/// Reverification with a passkey (clerk-js `Session.verifyWithPasskey`): `verify/prepare_first_factor strategy=passkey`
/// issues a challenge whose request options are the first factor verification's `nonce`; `verify/attempt_first_factor`
/// with `public_key_credential` answers it with one of the user's passkeys.
extension SessionReverification {
    func preparePasskey(_ sessionID: String) async throws -> Reply {
        guard instance.settings.passkeys.enabled else { throw APIFailure.strategyInvalid() }
        return try await instance.database.write { db in
            let loaded = try await load(sessionID, in: db)
            guard try await state(sessionID, in: db).reverificationStatus == .needsFirstFactor,
                  try await exchange.presenter.hasUsablePasskey(loaded.user.id, in: db) else { throw APIFailure.strategyInvalid() }
            try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, sessionID)
                .where("slot", .equal, Self.firstSlot).run()
            _ = try await WebAuthnChallenges(instance: instance).issue(owner: sessionID, purpose: .reverification,
                                                                       userID: loaded.user.id, in: db)
            return try await render(loaded, in: db)
        }
    }

    func attemptPasskey(_ sessionID: String) async throws -> Reply {
        guard instance.settings.passkeys.enabled else { throw APIFailure.strategyInvalid() }
        let posted = try form.required("public_key_credential")
        return try await instance.writeCommitting { db in
            var loaded = try await load(sessionID, in: db)
            var state = try await state(sessionID, in: db)
            guard state.reverificationStatus == .needsFirstFactor else { return .rejected(.strategyInvalid()) }
            let challenge = try await WebAuthnChallenges(instance: instance).current(owner: sessionID, purpose: .reverification, in: db)
            if case .rejected(let failure) = try await PasskeyAssertions(exchange: exchange).verify(
                posted, challengeRecord: challenge, userID: loaded.user.id, in: db) {
                return .rejected(failure)
            }
            return .success(try await advance(&loaded, state: &state, from: .needsFirstFactor, in: db))
        }
    }
}
