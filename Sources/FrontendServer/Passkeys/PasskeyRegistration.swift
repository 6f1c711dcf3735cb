import Foundation
import FrontendAPI
import SQLKit
import WebAuthn

/// `POST /v1/me/passkeys` and `POST /v1/me/passkeys/{id}/attempt_verification`: the signed-in user registers a
/// passkey. The first answers a passkey whose verification's `nonce` holds the creation options; the second verifies
/// the authenticator's attestation and stores the credential under that id.
struct PasskeyRegistration: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var options: PasskeyOptions { PasskeyOptions(settings: instance.settings) }

    func create() async throws -> Reply {
        guard instance.settings.passkeys.enabled else { throw APIFailure.passkeysDisabled }
        return try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            try await me.requireRecentVerification(session, user: user, in: db)
            let challenge = try await WebAuthnChallenges(instance: instance).issue(
                owner: user.id, purpose: .registration, userID: user.id, id: RandomToken.id(.pk), in: db)
            let passkey = try await pending(challenge, user: user, in: db)
            return try await exchange.envelope(passkey, client: client, in: db)
        }
    }

    /// The passkey being registered: no name yet, its verification waiting with the creation options.
    private func pending(_ challenge: WebAuthnChallengeRecord, user: UserRecord, in db: any SQLDatabase) async throws -> Passkey {
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
        let primary = identifications.first { $0.id == user.primaryEmailAddressId || $0.id == user.primaryPhoneNumberId }
        let name = primary?.value ?? user.username ?? user.id
        let fullName = [user.firstName, user.lastName].compactMap { $0 }.joined(separator: " ")
        let existing = try await PasskeyRecord.all(in: db, where: "user_id", equals: user.id)
        let nonce = options.creation(challenge, user: user, name: name, displayName: fullName.isEmpty ? name : fullName,
                                     existing: existing).webAuthnJSON()
        let verification = exchange.presenter.passkeyVerification(challenge, nonce: nonce)
        let created = Date(epochMilliseconds: challenge.createdAt)
        return Passkey(id: challenge.id, name: "", verification: verification, createdAt: created, updatedAt: created)
    }

    func attemptVerification(_ id: String) async throws -> Reply {
        let form = exchange.call.form
        if let strategy = form.nonEmpty("strategy"), strategy != Strategy.passkey.rawValue { throw APIFailure.strategyInvalid() }
        let posted = try form.required("public_key_credential")
        return try await instance.writeCommitting { db in
            let (_, user, client) = try await me.context(in: db)
            let challenges = WebAuthnChallenges(instance: instance)
            guard let current = try await challenges.current(owner: user.id, purpose: .registration, in: db),
                  current.id == id else { throw APIFailure.notFound("Passkey") }
            let (record, challenge) = try challenges.take(current)
            let registration: RelyingParty.Registration
            do throws(RelyingParty.Failure) {
                registration = try options.relyingParty.verifyRegistration(try RelyingParty.credential(posted), challenge: challenge)
            } catch {
                try await challenges.settle(record, verified: false, in: db)
                exchange.noteProof(userID: user.id, strategy: .passkey)
                return .rejected(.passkeyRefused(error))
            }
            try await challenges.settle(record, verified: true, in: db)
            let credentialID = registration.credentialID.base64URLEncodedString()
            guard try await PasskeyRecord.first(in: db, where: "credential_id", equals: credentialID) == nil else {
                return .rejected(.passkeyExists)
            }
            let stored = try await store(registration, id: id, userID: user.id, transports: try? RelyingParty.credential(posted),
                                         in: db)
            try await me.touchUser(user.id, in: db)
            return .success(try await exchange.envelope(exchange.presenter.passkey(stored), client: client, in: db))
        }
    }

    private func store(_ registration: RelyingParty.Registration, id: String, userID: String,
                       transports credential: PublicKeyCredentialJSON?, in db: any SQLDatabase) async throws -> PasskeyRecord {
        let now = instance.nowMS
        // A key carried from device to device (USB, NFC, Bluetooth) is a security key; anything else a passkey.
        let roaming = Set(credential?.response.transports ?? []).isDisjoint(with: ["usb", "nfc", "ble"]) == false
        let record = PasskeyRecord(
            id: id, userId: userID, name: roaming ? "Security key" : "Passkey",
            credentialId: registration.credentialID.base64URLEncodedString(),
            publicKey: registration.coseKey.base64URLEncodedString(), lastUsedAt: nil, createdAt: now, updatedAt: now,
            algorithm: registration.key.algorithm.rawValue, signCount: Int64(registration.signCount), flagged: false)
        try await record.insert(in: db)
        return record
    }
}

extension APIFailure {
    /// The authenticator already holds a passkey of this account (or of another one) for this credential id.
    static let passkeyExists = APIFailure(.unprocessableContent, "passkey_already_exists", "Passkey already registered",
                                          long: "A passkey is already registered with this device.")
}
