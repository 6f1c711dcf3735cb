import FrontendAPI
import SQLKit

/// `POST /v1/client/sign_ups`, `PATCH …/{id}`, `prepare_verification`, `attempt_verification`. `strategy=ticket` takes
/// the address from an organization invitation's ticket (see `SignUps+Ticket.swift`).
struct SignUps: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var requirements: SignUpRequirements { SignUpRequirements(settings: instance.settings) }

    /// Fields a create or update carries, validated and normalised; the password already hashed.
    struct Fields: Sendable {
        var email: String?, phone: String?, username: String?, firstName: String?, lastName: String?
        var passwordDigest: String?, unsafeMetadata: String?, legalAccepted: Bool?
    }

    func parseFields() async throws -> Fields {
        let s = instance.settings
        var fields = Fields()
        if let value = form.nonEmpty("email_address") {
            guard s.emailAddress.enabled else { throw APIFailure.paramNotAllowed("email_address") }
            guard let email = Identifiers.normalizedEmail(value) else {
                throw APIFailure.paramInvalid("email_address", "email_address must be a valid email address.")
            }
            fields.email = email
        }
        if let value = form.nonEmpty("phone_number") {
            guard s.phoneNumber.enabled else { throw APIFailure.paramNotAllowed("phone_number") }
            guard let phone = Identifiers.normalizedPhone(value) else {
                throw APIFailure.paramInvalid("phone_number", "phone_number must be a valid phone number in E.164 format.")
            }
            fields.phone = phone
        }
        if let value = form.nonEmpty("username") {
            guard s.username.enabled else { throw APIFailure.paramNotAllowed("username") }
            guard let username = Identifiers.normalizedUsername(value) else {
                throw APIFailure.paramInvalid("username", "Usernames must be 4-64 letters, numbers, '_', '-' or '.'.")
            }
            fields.username = username
        }
        fields.firstName = form.nonEmpty("first_name").map { String($0.prefix(256)) }
        fields.lastName = form.nonEmpty("last_name").map { String($0.prefix(256)) }
        fields.unsafeMetadata = try form.jsonObject("unsafe_metadata")
        fields.legalAccepted = try form.bool("legal_accepted")
        if let password = form.string("password") {
            guard s.password.enabled else { throw APIFailure.paramNotAllowed("password") }
            try instance.passwordPolicy.validate(password)
            fields.passwordDigest = try await instance.passwords.hash(password)
        }
        return fields
    }

    /// Under strict enumeration protection a taken email or phone is not revealed here: the sign-up goes on, and its
    /// verification sends the owner a notice instead of a code (see `prepareVerification`).
    private func ensureAvailable(_ fields: Fields, revealingTaken: Bool = true, in db: any SQLDatabase) async throws {
        if revealingTaken, let email = fields.email, try await IdentificationRecord.first(in: db, where: "value", equals: email) != nil {
            throw APIFailure.identifierExists("email_address")
        }
        if revealingTaken, let phone = fields.phone, try await IdentificationRecord.first(in: db, where: "value", equals: phone) != nil {
            throw APIFailure.identifierExists("phone_number")
        }
        if let username = fields.username, try await UserRecord.first(in: db, where: "username", equals: username) != nil {
            throw APIFailure.identifierExists("username")
        }
    }

    private func apply(_ fields: Fields, to record: inout SignUpRecord) {
        if let v = fields.email { record.emailAddress = v }
        if let v = fields.phone { record.phoneNumber = v }
        if let v = fields.username { record.username = v }
        if let v = fields.firstName { record.firstName = v }
        if let v = fields.lastName { record.lastName = v }
        if let v = fields.passwordDigest { record.passwordDigest = v }
        if let v = fields.unsafeMetadata { record.unsafeMetadata = v }
        if fields.legalAccepted == true { record.legalAcceptedAt = record.legalAcceptedAt ?? instance.nowMS }
    }

    private var isStrict: Bool { instance.settings.enumerationProtection == .strict }

    func create() async throws -> Reply {
        try await instance.rateLimiter.hit(.createSignUp, key: exchange.call.remoteIP)
        let ticket = try ticketParameter()
        // An invitation is what restricted (invitation-only) and waitlist instances let people sign up with.
        if ticket == nil { try ensureOpenSignUp() }
        let transfer = try form.bool("transfer") == true
        let parsed = try await parseFields()
        let (id, token): (String, String?) = try await instance.database.write { db in
            var fields = parsed
            try await Sessions(instance: instance).ensureCanSignIn(client: try await exchange.client(in: db), userID: nil, in: db)
            // A social sign-in that found no user continues here, with the provider's profile.
            let flow = transfer ? try await transferableFlow(in: db) : nil
            if let flow {
                fields.email = flow.emailAddress
                fields.firstName = fields.firstName ?? flow.firstName
                fields.lastName = fields.lastName ?? flow.lastName
            }
            // After the transfer: the invited address is the one the ticket vouches for.
            var invitationID: String? = nil
            if let ticket { invitationID = try await applyTicket(ticket, to: &fields, in: db) }
            try await ensureAvailable(fields, revealingTaken: !isStrict, in: db)
            var (client, token) = try await exchange.ensureClient(in: db)
            let now = instance.nowMS
            var record = SignUpRecord(id: RandomToken.id(.sua), clientId: client.id, status: .missingRequirements,
                                      unsafeMetadata: "{}", abandonAt: now + 24 * 3600 * 1000, createdAt: now, updatedAt: now,
                                      oauthFlowId: flow?.id, ticketInvitationId: invitationID)
            apply(fields, to: &record)
            try await record.insert(in: db)
            if invitationID != nil { try await recordTicketVerification(signUpID: record.id, in: db) }
            client.signUpId = record.id
            client.updatedAt = now
            try await client.save(in: db)
            let rotated = try await completeIfReady(record.id, in: db)
            return (record.id, rotated ?? token)
        }
        return try await render(id, issuedToken: token)
    }

    /// The client's social sign-in that found no user (`transfer=true`), or why there is none to transfer.
    private func transferableFlow(in db: any SQLDatabase) async throws -> OAuthFlowRecord {
        guard let client = try await exchange.client(in: db), let signInID = client.signInId,
              let flow = try await OAuthSignIns.flow(of: signInID, instance: instance, in: db), flow.status == .transferable,
              flow.emailAddress != nil else {
            throw APIFailure.paramInvalid("transfer", "There is no sign-in to transfer to a sign-up.")
        }
        return flow
    }

    func update(_ id: String) async throws -> Reply {
        let ticket = try ticketParameter()
        let parsed = try await parseFields()
        let token: String? = try await instance.database.write { db in
            var (record, _) = try await load(id, in: db)
            guard record.status == .missingRequirements else {
                throw APIFailure(.unprocessableContent, "sign_up_status_invalid", "This sign-up is already complete.")
            }
            var fields = parsed
            var invitationID: String? = nil
            if let ticket { invitationID = try await applyTicket(ticket, to: &fields, in: db) }
            try await ensureAvailable(fields, revealingTaken: !isStrict, in: db)
            if fields.email != nil, fields.email != record.emailAddress {
                try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, id).where("slot", .equal, "email_address").run()
            }
            if fields.phone != nil, fields.phone != record.phoneNumber {
                try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, id).where("slot", .equal, "phone_number").run()
            }
            apply(fields, to: &record)
            record.ticketInvitationId = invitationID ?? record.ticketInvitationId
            record.updatedAt = instance.nowMS
            try await record.save(in: db)
            if invitationID != nil { try await recordTicketVerification(signUpID: id, in: db) }
            return try await completeIfReady(id, in: db)
        }
        return try await render(id, issuedToken: token)
    }

    func get(_ id: String) async throws -> Reply {
        if let token = try await EmailLinks(exchange: exchange).collectToken(ownerID: id, slot: "email_address") {
            return try await Self(exchange: Exchange(instance: instance, call: exchange.call.presenting(token), notes: exchange.notes))
                .render(id, issuedToken: token)
        }
        return try await instance.database.read { db in
            let (record, client) = try await load(id, in: db)
            return try await exchange.envelope(try await exchange.presenter.signUp(record, in: db), client: client, in: db)
        }
    }

    func prepareVerification(_ id: String) async throws -> Reply {
        let strategy = try form.required("strategy", as: Strategy.self)
        if strategy == .emailLink { return try await prepareEmailLink(id) }
        guard strategy == .emailCode || strategy == .phoneCode else { throw APIFailure.strategyInvalid() }
        if strategy == .emailCode { try ensureVerificationByCode() }
        try await instance.database.write { db in
            let (record, _) = try await load(id, in: db)
            let isEmail = strategy == .emailCode
            if isEmail { try await ensureNotTicketVerified(signUpID: id, in: db) }
            guard record.status == .missingRequirements,
                  let value = isEmail ? record.emailAddress : record.phoneNumber else { throw APIFailure.strategyInvalid() }
            try await instance.rateLimiter.hit(.identifierSend, key: value, in: db)
            let taken = isStrict ? try await IdentificationRecord.first(in: db, where: "value", equals: value) != nil : false
            _ = try await instance.codes.prepare(owner: id, slot: isEmail ? "email_address" : "phone_number", strategy: strategy,
                                                 to: .init(kind: isEmail ? .emailAddress : .phoneNumber, value: value, identificationID: nil),
                                                 purpose: "sign_up", send: !taken, in: db)
            if taken {
                try await OutboxMessage(id: RandomToken.id(.outbox), channel: isEmail ? "email" : "sms", recipient: value,
                                        purpose: "sign_up_account_exists", code: "", createdAt: instance.nowMS).insert(in: db)
            }
        }
        return try await render(id, issuedToken: nil)
    }

    func attemptVerification(_ id: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let strategy = try form.required("strategy", as: Strategy.self)
        let code = try form.required("code")
        guard strategy == .emailCode || strategy == .phoneCode else { throw APIFailure.strategyInvalid() }
        try await instance.rateLimiter.hit(.identifierAttempt, key: id)
        let token: String? = try await instance.writeCommitting { db in
            let (record, _) = try await load(id, in: db)
            guard record.status == .missingRequirements else {
                return .rejected(APIFailure(.unprocessableContent, "sign_up_status_invalid", "This sign-up is already complete."))
            }
            let slot = strategy == .emailCode ? "email_address" : "phone_number"
            switch try await instance.codes.attempt(owner: id, slot: slot, strategy: strategy, code: code, in: db) {
            case .rejected(let failure): return .rejected(failure)
            case .success: return .success(try await completeIfReady(id, in: db))
            }
        }
        return try await render(id, issuedToken: token)
    }

    private func load(_ id: String, in db: any SQLDatabase) async throws -> (SignUpRecord, ClientRecord) {
        let client = try await exchange.requireClient(in: db)
        guard let record = try await SignUpRecord.find(id, in: db), record.clientId == client.id else {
            throw APIFailure.notFound("Sign up")
        }
        return (record, client)
    }

    func render(_ id: String, issuedToken: String?) async throws -> Reply {
        try await instance.database.read { db in
            guard let record = try await SignUpRecord.find(id, in: db),
                  let client = try await ClientRecord.find(record.clientId, in: db) else { throw APIFailure.notFound("Sign up") }
            return try await exchange.envelope(try await exchange.presenter.signUp(record, in: db), client: client, in: db,
                                               issuedToken: issuedToken)
        }
    }

    /// Creates the user and session once nothing is missing or unverified; returns the rotated client token. A ticket
    /// sign-up's user joins the invitation's organization.
    /// Without `rotatingToken` (an email link completed it, not the client) the client collects its token later.
    func completeIfReady(_ id: String, rotatingToken: Bool = true, in db: any SQLDatabase) async throws -> String? {
        guard var record = try await SignUpRecord.find(id, in: db), record.status == .missingRequirements else { return nil }
        let email = try await instance.codes.find(owner: id, slot: "email_address", in: db)
        let phone = try await instance.codes.find(owner: id, slot: "phone_number", in: db)
        let flow = try await record.oauthFlow(in: db)
        let providerEmail = flow?.emailAddress
        guard requirements.isComplete(record, email: email, phone: phone, providerEmail: providerEmail) else { return nil }
        try await ensureAvailable(Fields(email: record.emailAddress, phone: record.phoneNumber, username: record.username), in: db)
        let (user, identifications) = try await createUser(from: record, email: email, phone: phone, providerEmail: providerEmail, in: db)
        // The ticket's verification is dropped if the address changes, so a ticket-verified address is the invited one.
        if let invitationID = record.ticketInvitationId, email?.strategy == .ticket {
            // Before domain enrollment, which then sees the membership and invites to nothing twice.
            try await InvitationTickets(instance: instance).redeem(invitationID, userID: user.id, in: db)
        }
        for email in identifications where email.kind == .emailAddress && email.verified {
            try await DomainEnrollment.enroll(userID: user.id, email: email.value, instance: instance, in: db)
        }
        let now = instance.nowMS
        if let flow, let providerUserID = flow.providerUserId,
           let identification = identifications.first(where: { $0.kind == .emailAddress && $0.value == providerEmail }) {
            try await ExternalAccountRecord(
                id: RandomToken.id(.eac), userId: user.id, identificationId: identification.id, provider: flow.provider,
                providerUserId: providerUserID, emailAddress: identification.value, firstName: flow.firstName,
                lastName: flow.lastName, createdAt: now, updatedAt: now
            ).insert(in: db)
        }
        guard var client = try await ClientRecord.find(record.clientId, in: db) else { throw APIFailure.notFound("Sign up") }
        let strategy = flow.map { Strategy.oauth(provider: $0.provider) }
            ?? email.map { [.ticket, .emailLink].contains($0.strategy) ? $0.strategy : .emailCode }
            ?? (phone != nil ? .phoneCode : .password)
        let (session, token) = try await Sessions(instance: instance).create(
            on: &client, exchange: exchange, userID: user.id, firstFactorAt: now, secondFactorAt: nil, strategy: strategy,
            rotatingToken: rotatingToken, in: db)
        client.signUpId = nil
        try await client.save(in: db)
        record.status = .complete
        record.createdUserId = user.id
        record.createdSessionId = session.id
        record.updatedAt = now
        try await record.save(in: db)
        return token
    }

    /// The user a complete sign-up makes, with its email address and phone number (verified as the sign-up proved them).
    private func createUser(from record: SignUpRecord, email: VerificationRecord?, phone: VerificationRecord?, providerEmail: String?,
                            in db: any SQLDatabase) async throws -> (UserRecord, [IdentificationRecord]) {
        let now = instance.nowMS
        var user = UserRecord(id: RandomToken.id(.user), username: record.username, firstName: record.firstName,
                              lastName: record.lastName, passwordDigest: record.passwordDigest, totpVerified: false,
                              totpLastStep: 0, unsafeMetadata: record.unsafeMetadata, publicMetadata: "{}",
                              failedAttempts: 0, passwordUpdatedAt: record.passwordDigest == nil ? nil : now,
                              legalAcceptedAt: record.legalAcceptedAt, createdAt: now, updatedAt: now)
        var identifications: [IdentificationRecord] = []
        if let value = record.emailAddress {
            identifications.append(IdentificationRecord(id: RandomToken.id(.idn), userId: user.id, kind: .emailAddress, value: value,
                                                        verified: email?.status == .verified || value == providerEmail
                                                            || !instance.settings.emailAddress.verifyAtSignUp,
                                                        reservedForSecondFactor: false, defaultSecondFactor: false, createdAt: now, updatedAt: now))
            user.primaryEmailAddressId = identifications.last?.id
        }
        if let value = record.phoneNumber {
            identifications.append(IdentificationRecord(id: RandomToken.id(.idn), userId: user.id, kind: .phoneNumber, value: value,
                                                        verified: phone?.status == .verified || !instance.settings.phoneNumber.verifyAtSignUp,
                                                        reservedForSecondFactor: false, defaultSecondFactor: false, createdAt: now, updatedAt: now))
            user.primaryPhoneNumberId = identifications.last?.id
        }
        try await user.insert(in: db)
        for identification in identifications { try await identification.insert(in: db) }
        return (user, identifications)
    }
}
