import FrontendAPI
import SQLKit

/// Verifying a sign-up's email address by link (`prepare_verification strategy=email_link`, clerk-js
/// `SignUpEmailLinkCard`), where the settings allow it; following the link completes the sign-up once nothing else is
/// missing (`EmailLinks`).
extension SignUps {
    /// Where addresses are verified by link only, a code is not offered (422 `strategy_for_user_invalid`).
    func ensureVerificationByCode() throws(APIFailure) {
        guard instance.settings.emailVerificationStrategies.contains(Strategy.emailCode.rawValue) else { throw .strategyInvalid() }
    }

    func prepareEmailLink(_ id: String) async throws -> Reply {
        let links = EmailLinks(exchange: exchange)
        try links.ensureVerificationByLink()
        let redirectURL = try links.redirectURL()
        try await instance.database.write { db in
            let client = try await exchange.requireClient(in: db)
            guard let record = try await SignUpRecord.find(id, in: db), record.clientId == client.id else {
                throw APIFailure.notFound("Sign up")
            }
            try await ensureNotTicketVerified(signUpID: id, in: db)
            guard record.status == .missingRequirements, let email = record.emailAddress else { throw APIFailure.strategyInvalid() }
            try await instance.rateLimiter.hit(.identifierSend, key: email, in: db)
            // Under strict enumeration protection a taken address gets a notice instead, as with codes.
            let strict = instance.settings.enumerationProtection == .strict
            let taken = strict ? try await IdentificationRecord.first(in: db, where: "value", equals: email) != nil : false
            _ = try await instance.codes.prepareLink(owner: id, slot: "email_address",
                                                     to: .init(kind: .emailAddress, value: email, identificationID: nil),
                                                     redirectURL: redirectURL, purpose: "sign_up", send: !taken, in: db)
            if taken {
                try await OutboxMessage(id: RandomToken.id(.outbox), channel: "email", recipient: email,
                                        purpose: "sign_up_account_exists", code: "", createdAt: instance.nowMS).insert(in: db)
            }
        }
        return try await render(id, issuedToken: nil)
    }
}
