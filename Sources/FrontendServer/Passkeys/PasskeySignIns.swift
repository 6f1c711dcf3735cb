import Foundation
import FrontendAPI
import SQLKit

/// Sign-in with a passkey, as clerk-js and clerk-ios do it: discoverable (`POST /v1/client/sign_ins strategy=passkey`
/// with no identifier) or after an identifier (`prepare_first_factor strategy=passkey`), then `attempt_first_factor`
/// with `public_key_credential`. The challenge is the sign-in's `first_factor_verification.nonce`.
struct PasskeySignIns: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    /// A sign-in with no identifier whose challenge any of this instance's passkeys may answer.
    func createDiscoverable() async throws -> Reply {
        guard instance.settings.passkeys.enabled else { throw APIFailure.strategyInvalid() }
        try await instance.rateLimiter.hit(.createSignIn, key: exchange.call.remoteIP)
        let (signInID, token): (String, String?) = try await instance.database.write { db in
            try await Sessions(instance: instance).ensureCanSignIn(client: try await exchange.client(in: db), userID: nil, in: db)
            var (client, token) = try await exchange.ensureClient(in: db)
            let signIn = try await SignIns.open(on: &client, identifier: nil, userID: nil, identificationID: nil,
                                                instance: instance, in: db)
            _ = try await WebAuthnChallenges(instance: instance).issue(owner: signIn.id, purpose: .signIn, userID: nil, in: db)
            return (signIn.id, token)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }

    /// `prepare_first_factor strategy=passkey` for a sign-in whose user has a passkey.
    func prepare(signInID: String) async throws -> Reply {
        guard instance.settings.passkeys.enabled else { throw APIFailure.strategyInvalid() }
        try await instance.database.write { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            guard signIn.status == .needsFirstFactor, let userID = signIn.userId,
                  try await PasskeyRecord.all(in: db, where: "user_id", equals: userID).contains(where: { !$0.flagged }) else {
                throw APIFailure.strategyInvalid()
            }
            // The passkey is now the first factor on offer: an earlier code or password verification gives way.
            try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, signIn.id)
                .where("slot", .equal, "first_factor").run()
            _ = try await WebAuthnChallenges(instance: instance).issue(owner: signIn.id, purpose: .signIn, userID: userID, in: db)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: nil)
    }

    /// `attempt_first_factor strategy=passkey`: a verified assertion signs its owner in. One made with user
    /// verification (PIN, biometrics) is two factors at once, so no second factor is asked; one with user presence
    /// only is a first factor like a password.
    func attempt(signInID: String) async throws -> Reply {
        guard instance.settings.passkeys.enabled else { throw APIFailure.strategyInvalid() }
        let posted = try exchange.call.form.required("public_key_credential")
        let token: String? = try await instance.writeCommitting { db in
            let (signIn, client) = try await SignIns.load(signInID, exchange: exchange, in: db)
            guard [.needsIdentifier, .needsFirstFactor].contains(signIn.status) else {
                return .rejected(APIFailure(.unprocessableContent, "sign_in_status_invalid", "This sign-in cannot take a first factor now."))
            }
            let challenge = try await WebAuthnChallenges(instance: instance).current(owner: signIn.id, purpose: .signIn, in: db)
            let verified: PasskeyAssertions.Verified
            switch try await PasskeyAssertions(exchange: exchange).verify(posted, challengeRecord: challenge,
                                                                          userID: signIn.userId, in: db) {
            case .rejected(let failure): return .rejected(failure)
            case .success(let value): verified = value
            }
            do {
                try await Sessions(instance: instance).ensureCanSignIn(client: client, userID: verified.user.id, in: db)
            } catch let failure as APIFailure {
                return .rejected(failure)
            }
            return .success(try await complete(signIn, user: verified.user, userVerified: verified.assertion.userVerified, in: db))
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }

    private func complete(_ signIn: SignInRecord, user: UserRecord, userVerified: Bool, in db: any SQLDatabase) async throws -> String? {
        var signIn = signIn
        if signIn.userId == nil {
            // A discoverable sign-in learns its user from the credential, and shows the user's primary identifier.
            let primary = try await user.primaryEmailAddressId.asyncMap { try await IdentificationRecord.find($0, in: db) } ?? nil
            signIn.userId = user.id
            signIn.identifier = primary?.value ?? user.username
            signIn.identificationId = primary?.id
            signIn.status = .needsFirstFactor
            try await signIn.save(in: db)
        }
        let firstFactor = FirstFactor(exchange: exchange)
        guard userVerified else { return try await firstFactor.complete(signInID: signIn.id, strategy: .passkey, in: db) }
        let now = instance.nowMS
        signIn.firstFactorAt = now
        signIn.firstFactorStrategy = Strategy.passkey.rawValue
        return try await firstFactor.finish(&signIn, secondFactorAt: now, in: db)
    }
}
