import Foundation
import FrontendAPI
import SQLKit

/// `GET|POST /v1/oauth_callback?state&code` (or `&error=…`): where the provider sends the browser back.
///
/// The account is matched by its provider id, else by a verified email address of an existing user (then connected
/// to that user). A match signs in on the client that started the flow (a second factor, if the user has one, is
/// still asked there); no match leaves the profile `transferable` for a sign-up. Either way the browser moves on to
/// the flow's `redirect_url`, with a `rotating_token_nonce` when a session was created.
struct OAuthCallback: Sendable {
    static let path = "/v1/oauth_callback"
    static let expired = APIFailure(.unprocessableContent, "verification_expired", "This sign-in has expired.",
                                    long: "This sign-in has expired. Start again from your terminal.")

    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    func handle() async throws -> Page {
        let query = exchange.call.query, form = exchange.call.form
        func parameter(_ name: String) -> String? { query.nonEmpty(name) ?? form.nonEmpty(name) }
        guard let state = parameter("state") else { throw APIFailure.paramMissing("state") }
        let denied = parameter("error") != nil, code = parameter("code")
        let nonce = RandomToken.secret()
        let (redirect, signedIn): (String, Bool) = try await instance.database.write { db in
            guard var flow = try await OAuthFlowRecord.find(state, in: db), flow.isOpen(at: instance.nowMS) else {
                throw Self.expired
            }
            if denied {
                try await settle(&flow, status: .failed, error: "oauth_access_denied", in: db)
                return (flow.redirectUrl, false)
            }
            guard let code, let digest = flow.codeDigest,
                  ConstantTime.equals(instance.secrets.digest(code), digest) else {
                throw APIFailure(.unprocessableContent, "oauth_token_exchange_error", "The authorization code is invalid.")
            }
            flow.codeDigest = nil
            if flow.externalAccountId != nil {
                try await connect(with: &flow, in: db)
                return (flow.redirectUrl, false)
            }
            guard let signIn = try await SignInRecord.find(flow.ownerId, in: db),
                  [.needsIdentifier, .needsFirstFactor].contains(signIn.status) else { throw Self.expired }
            let signedIn = try await self.signIn(signIn, with: &flow, in: db)
            if signedIn { flow.nonceDigest = instance.secrets.digest(nonce) }
            try await flow.save(in: db)
            return (flow.redirectUrl, signedIn)
        }
        guard var components = URLComponents(string: redirect) else { return .redirect(redirect) }
        if signedIn {
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "rotating_token_nonce", value: nonce)]
        }
        return .redirect(components.string ?? redirect)
    }

    /// Matches the provider's account to a user and signs in; false when no session was created (no such user, a
    /// locked user, or a second factor still to come).
    private func signIn(_ record: SignInRecord, with flow: inout OAuthFlowRecord, in db: any SQLDatabase) async throws -> Bool {
        guard let email = flow.emailAddress, let providerUserID = flow.providerUserId else { throw Self.expired }
        let strategy = Strategy.oauth(provider: flow.provider)
        let account = try await ExternalAccountRecord.find(provider: flow.provider, providerUserID: providerUserID, in: db)
        var user: UserRecord? = nil
        var identificationID = account?.identificationId
        if let account {
            user = try await UserRecord.find(account.userId, in: db)
        } else if let identification = try await IdentificationRecord.first(in: db, where: "value", equals: email),
                  identification.kind == .emailAddress, identification.verified,
                  let owner = try await UserRecord.find(identification.userId, in: db) {
            // A provider vouches for the address, so the account joins the user who verified it.
            user = owner
            identificationID = identification.id
            let now = instance.nowMS
            try await ExternalAccountRecord(
                id: RandomToken.id(.eac), userId: owner.id, identificationId: identification.id, provider: flow.provider,
                providerUserId: providerUserID, emailAddress: email, firstName: flow.firstName, lastName: flow.lastName,
                createdAt: now, updatedAt: now
            ).insert(in: db)
        }
        guard let user else {
            try await settle(&flow, status: .transferable, error: "external_account_not_found", in: db)
            return false
        }
        if instance.lockout.remaining(user, now: instance.nowMS) != nil {
            var locked = record
            locked.userId = user.id  // so the sign-in can say how long the lockout lasts
            try await locked.save(in: db)
            try await settle(&flow, status: .failed, error: "user_locked", in: db)
            return false
        }
        do {
            try await Sessions(instance: instance).ensureCanSignIn(
                client: try await ClientRecord.find(record.clientId, in: db), userID: user.id, in: db)
        } catch let failure as APIFailure {
            try await settle(&flow, status: .failed, error: failure.error.code, in: db)
            return false
        }
        var signIn = record
        signIn.userId = user.id
        signIn.identifier = email
        signIn.identificationId = identificationID
        signIn.status = .needsFirstFactor
        signIn.updatedAt = instance.nowMS
        try await signIn.save(in: db)
        flow.status = .verified
        flow.updatedAt = instance.nowMS
        // The client collects its rotated token when it next reads the sign-in (see `OAuthSignIns.collectToken`).
        _ = try await FirstFactor(exchange: exchange).complete(signInID: signIn.id, strategy: strategy, rotatingToken: false, in: db)
        return try await SignInRecord.find(signIn.id, in: db)?.status == .complete
    }

    /// Connects the provider's account to the signed-in user who started the flow (or refreshes the one being
    /// reauthorized). An account already connected to someone, or an address another user owns, is refused.
    private func connect(with flow: inout OAuthFlowRecord, in db: any SQLDatabase) async throws {
        guard let accountID = flow.externalAccountId, let email = flow.emailAddress, let providerUserID = flow.providerUserId,
              let user = try await UserRecord.find(flow.ownerId, in: db) else { throw Self.expired }
        let taken = try await ExternalAccountRecord.find(provider: flow.provider, providerUserID: providerUserID, in: db)
        if let taken, taken.id != accountID {
            return try await settle(&flow, status: .failed, error: "external_account_exists", in: db)
        }
        let now = instance.nowMS
        if var account = try await ExternalAccountRecord.find(accountID, in: db) {
            guard account.providerUserId == providerUserID else {
                return try await settle(&flow, status: .failed, error: "external_account_exists", in: db)
            }
            account.firstName = flow.firstName ?? account.firstName
            account.lastName = flow.lastName ?? account.lastName
            account.updatedAt = now
            try await account.save(in: db)
        } else {
            var identification = try await IdentificationRecord.first(in: db, where: "value", equals: email)
            if let owner = identification?.userId, owner != user.id {
                return try await settle(&flow, status: .failed, error: "form_identifier_exists", in: db)
            }
            if var known = identification, !known.verified {
                known.verified = true  // the provider vouches for the address
                known.updatedAt = now
                try await known.save(in: db)
                identification = known
            }
            let identificationID: String
            if let identification {
                identificationID = identification.id
            } else {
                identificationID = RandomToken.id(.idn)
                try await IdentificationRecord(
                    id: identificationID, userId: user.id, kind: .emailAddress, value: email, verified: true,
                    reservedForSecondFactor: false, defaultSecondFactor: false, createdAt: now, updatedAt: now
                ).insert(in: db)
            }
            try await ExternalAccountRecord(
                id: accountID, userId: user.id, identificationId: identificationID, provider: flow.provider,
                providerUserId: providerUserID, emailAddress: email, firstName: flow.firstName, lastName: flow.lastName,
                createdAt: now, updatedAt: now
            ).insert(in: db)
            try await DomainEnrollment.enroll(userID: user.id, email: email, instance: instance, in: db)
        }
        try await db.update(UserRecord.table).set("updated_at", to: now).where("id", .equal, user.id).run()
        flow.status = .verified
        flow.updatedAt = now
        try await flow.save(in: db)
    }

    private func settle(_ flow: inout OAuthFlowRecord, status: VerificationStatus, error: String, in db: any SQLDatabase) async throws {
        flow.status = status
        flow.errorCode = error
        flow.updatedAt = instance.nowMS
        try await flow.save(in: db)
    }
}

extension ExternalAccountRecord {
    /// The account a provider knows by `providerUserID`, whoever it is connected to.
    static func find(provider: String, providerUserID: String, in db: any SQLDatabase) async throws -> Self? {
        try await db.select().column("*").from(table)
            .where("provider", .equal, provider).where("provider_user_id", .equal, providerUserID)
            .first(decoding: Self.self, keyDecodingStrategy: Columns.decoding)
    }
}
