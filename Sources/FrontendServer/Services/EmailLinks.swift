import Foundation
import FrontendAPI
import SQLKit

/// Email links (`email_link`): sign-in by a link, and verifying an address by a link at sign-up and in the profile,
/// when the settings enable them (`[first_factors] email_link`, `[identifiers.email_address] verifications`).
///
/// Preparing one stores a `verification_email_link` (10 minutes, like a code) and "sends" its link,
/// `/v1/verify?token=…`, to the outbox. The token is a ticket (`TicketSigner`, kind `email_link`) naming the
/// verification, so a re-sent link replaces the old one and a used one cannot be used again. Following the link
/// (spec `verify`) verifies it and carries its owner on: the sign-in completes (or asks for a second factor), the
/// sign-up completes once nothing else is missing, the profile's address is verified. The client that started the
/// flow, polling its sign-in, sign-up or address, sees the result; a session made this way leaves that client owed a
/// rotated token, which it collects on its next read of the sign-in or sign-up (as after a social sign-in).
///
/// The link answers as Clerk's does: a 303 to the flow's `redirect_url` with `__clerk_status=verified` (and
/// `__clerk_created_session`), `expired` or `failed`; without a `redirect_url`, a page saying the address is verified
/// and the terminal continues (the "verified from another device" state), or Clerk's 400 error body:
/// `verification_expired` for an expired or already used link, `verification_failed` for one this instance did not
/// issue.
struct EmailLinks: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    static let sourceType = "email_link"
    static let verifyPath = "/v1/verify"

    /// What a followed link led to: where to send the browser, and the session it made, if any.
    private struct Followed: Sendable {
        var redirectURL: String?
        var createdSessionID: String?
    }

    /// The link that verifies `verification`.
    static func link(for verification: VerificationRecord, instance: FrontendInstance) throws -> String {
        let token = try instance.tickets.issue(TicketSigner.Claims(
            sid: verification.id, st: sourceType, iat: verification.createdAt / 1000, exp: (verification.expireAt ?? 0) / 1000))
        return instance.issuer + verifyPath + "?token=" + token
    }

    /// The optional `redirect_url` of a prepare: absolute, or 422.
    func redirectURL() throws(APIFailure) -> String? {
        guard let value = exchange.call.form.nonEmpty("redirect_url") else { return nil }
        guard let url = URL(string: value), url.scheme?.isEmpty == false else {
            throw .paramInvalid("redirect_url", "redirect_url must be an absolute URL.")
        }
        return value
    }

    // MARK: Sending a link

    /// `prepare_first_factor strategy=email_link` (and a sign-in created with it): a link to the sign-in's verified
    /// address (`email_address_id`, or the one it was started with).
    func prepareSignIn(_ signInID: String) async throws -> Reply {
        guard instance.settings.emailAddress.enabled, instance.settings.emailLinkFirstFactor else { throw APIFailure.strategyInvalid() }
        let redirectURL = try redirectURL()
        try await instance.database.write { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            let phantom = exchange.presenter.phantomAccount(signIn)
            guard signIn.status == .needsFirstFactor, signIn.userId != nil || phantom != nil else {
                throw APIFailure(.unprocessableContent, "sign_in_status_invalid", "This sign-in cannot be prepared now.")
            }
            let identifications = if let phantom { phantom.1 } else {
                try await IdentificationRecord.all(in: db, where: "user_id", equals: signIn.userId ?? "")
            }
            let wanted = exchange.call.form.nonEmpty("email_address_id")
            let emails = identifications.filter { $0.kind == .emailAddress && $0.verified }
            guard let target = wanted.map({ id in emails.first { $0.id == id } })
                    ?? emails.first(where: { $0.id == signIn.identificationId }) ?? emails.first else {
                throw wanted == nil ? APIFailure.strategyInvalid() : APIFailure.paramInvalid("email_address_id")
            }
            try await instance.ensureUnlocked(userID: signIn.userId, in: db)
            try await instance.rateLimiter.hit(.identifierSend, key: target.value, in: db)
            _ = try await instance.codes.prepareLink(
                owner: signIn.id, slot: "first_factor", to: .init(kind: .emailAddress, value: target.value, identificationID: target.id),
                redirectURL: redirectURL, purpose: "sign_in", send: phantom == nil, in: db)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: nil)
    }

    /// Whether addresses may be verified by link (`[identifiers.email_address] verifications`), or 422.
    func ensureVerificationByLink() throws(APIFailure) {
        guard instance.settings.emailAddress.enabled,
              instance.settings.emailVerificationStrategies.contains(Strategy.emailLink.rawValue) else { throw .strategyInvalid() }
    }

    // MARK: Following a link

    /// `GET /v1/verify?token=…`.
    func follow() async throws -> Page {
        let token = try exchange.call.query.required("token")
        let claims: TicketSigner.Claims
        do { claims = try instance.tickets.verify(token) } catch { throw APIFailure.emailLinkInvalid }
        guard claims.st == Self.sourceType else { throw APIFailure.emailLinkInvalid }
        do {
            let followed = try await instance.writeCommitting { db in try await verify(claims.sid, in: db) }
            return page(followed)
        } catch let failure as APIFailure {
            guard let redirect = try await redirectURL(ofVerification: claims.sid) else { throw failure }
            let status = failure.error.code == APIFailure.emailLinkExpired.error.code ? "expired" : "failed"
            return .redirect(Self.adding(["__clerk_status": status], to: redirect))
        }
    }

    /// Marks the verification `id` verified and carries its owner on. An expired one is marked so (committed, so
    /// that its owner sees it) and refused, as is a used one.
    private func verify(_ id: String, in db: any SQLDatabase) async throws -> Outcome<Followed> {
        guard var verification = try await VerificationRecord.find(id, in: db), verification.strategy == .emailLink,
              verification.status == .unverified else {
            return .rejected(.emailLinkExpired)
        }
        let now = instance.nowMS
        verification.updatedAt = now
        guard (verification.expireAt ?? 0) > now else {
            verification.status = .expired
            try await verification.save(in: db)
            return .rejected(.emailLinkExpired)
        }
        verification.status = .verified
        verification.verifiedAtClient = try await exchange.client(in: db)?.id
        try await verification.save(in: db)
        var followed = Followed(redirectURL: verification.redirectUrl)
        switch verification.slot {
        case "first_factor": followed.createdSessionID = try await completeSignIn(verification.ownerId, in: db)
        case "email_address": followed.createdSessionID = try await completeSignUp(verification.ownerId, in: db)
        default: try await verifyIdentification(verification.ownerId, in: db)
        }
        if followed.createdSessionID != nil {
            verification.tokenOwed = true
            try await verification.save(in: db)
        }
        return .success(followed)
    }

    private func completeSignIn(_ signInID: String, in db: any SQLDatabase) async throws -> String? {
        guard let signIn = try await SignInRecord.find(signInID, in: db), signIn.status == .needsFirstFactor,
              let userID = signIn.userId, let user = try await UserRecord.find(userID, in: db) else { return nil }
        try instance.lockout.ensureUnlocked(user, now: instance.nowMS)
        _ = try await FirstFactor(exchange: exchange).complete(signInID: signInID, strategy: .emailLink, rotatingToken: false,
                                                               in: db)
        return try await SignInRecord.find(signInID, in: db)?.createdSessionId
    }

    private func completeSignUp(_ signUpID: String, in db: any SQLDatabase) async throws -> String? {
        _ = try await SignUps(exchange: exchange).completeIfReady(signUpID, rotatingToken: false, in: db)
        return try await SignUpRecord.find(signUpID, in: db)?.createdSessionId
    }

    private func verifyIdentification(_ identificationID: String, in db: any SQLDatabase) async throws {
        guard let record = try await IdentificationRecord.find(identificationID, in: db), !record.verified else { return }
        try await MeIdentifications.markVerified(record, instance: instance, in: db)
    }

    /// Where a refused link sends the browser, if its flow gave a `redirect_url`.
    private func redirectURL(ofVerification id: String) async throws -> String? {
        try await instance.database.read { db in try await VerificationRecord.find(id, in: db)?.redirectUrl }
    }

    private func page(_ followed: Followed) -> Page {
        if let redirect = followed.redirectURL {
            var query = ["__clerk_status": "verified"]
            if let session = followed.createdSessionID { query["__clerk_created_session"] = session }
            return .redirect(Self.adding(query, to: redirect))
        }
        return .html(.ok, title: followed.createdSessionID != nil ? "Successfully signed in" : "Email address verified", body: """
            <p>You used this link on another device. Return to your terminal to continue.</p>
            <p>You can close this tab.</p>
            """)
    }

    static func adding(_ items: [String: String], to url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.queryItems = (components.queryItems ?? []) + items.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? url
    }

    // MARK: Collecting the rotated token

    /// On a read of the sign-in or sign-up `ownerID` by its own client: the rotated token a link's session owes it,
    /// once.
    func collectToken(ownerID: String, slot: String) async throws -> String? {
        guard instance.settings.usesEmailLinks else { return nil }
        // Most reads owe no token: find out without taking the write lock.
        let owed = try await instance.database.read { db in
            try await instance.codes.find(owner: ownerID, slot: slot, in: db)?.tokenOwed == true
        }
        guard owed else { return nil }
        return try await instance.database.write { db in
            guard var verification = try await instance.codes.find(owner: ownerID, slot: slot, in: db), verification.tokenOwed,
                  var client = try await exchange.client(in: db), try await owner(ownerID, slot: slot, in: db) == client.id
            else { return nil }
            verification.tokenOwed = false
            verification.updatedAt = instance.nowMS
            try await verification.save(in: db)
            let token = exchange.rotateToken(&client)
            try await client.save(in: db)
            return token
        }
    }

    /// The client of the sign-in or sign-up `ownerID`.
    private func owner(_ ownerID: String, slot: String, in db: any SQLDatabase) async throws -> String? {
        slot == "first_factor" ? try await SignInRecord.find(ownerID, in: db)?.clientId
            : try await SignUpRecord.find(ownerID, in: db)?.clientId
    }
}

extension InstanceSettings {
    /// Some flow sends email links.
    var usesEmailLinks: Bool { emailLinkFirstFactor || emailVerificationStrategies.contains(Strategy.emailLink.rawValue) }
}
