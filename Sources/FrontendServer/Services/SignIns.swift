import FrontendAPI
import SQLKit

/// `POST /v1/client/sign_ins` and the first-factor steps.
struct SignIns: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var sessions: Sessions { Sessions(instance: instance) }

    /// Finds the user an identifier names: email, phone or username as the instance allows.
    static func findUser(identifier: String, settings: InstanceSettings,
                         in db: any SQLDatabase) async throws -> (UserRecord, IdentificationRecord?)? {
        if settings.emailAddress.enabled, let email = Identifiers.normalizedEmail(identifier),
           let identification = try await IdentificationRecord.first(in: db, where: "value", equals: email),
           identification.kind == .emailAddress, identification.verified, let user = try await UserRecord.find(identification.userId, in: db) {
            return (user, identification)
        }
        if settings.phoneNumber.enabled, let phone = Identifiers.normalizedPhone(identifier),
           let identification = try await IdentificationRecord.first(in: db, where: "value", equals: phone),
           identification.kind == .phoneNumber, identification.verified, let user = try await UserRecord.find(identification.userId, in: db) {
            return (user, identification)
        }
        if settings.username.enabled, let username = Identifiers.normalizedUsername(identifier),
           let user = try await UserRecord.first(in: db, where: "username", equals: username) {
            return (user, nil)
        }
        return nil
    }

    func create() async throws -> Reply {
        try await instance.rateLimiter.hit(.createSignIn, key: exchange.call.remoteIP)
        let identifier = form.nonEmpty("identifier")
        let strategy = form.nonEmpty("strategy").map(Strategy.init(rawValue:))
        let password = form.string("password")
        if let strategy, strategy.rawValue.hasPrefix("oauth_") {
            return try await OAuthSignIns(exchange: exchange).create(strategy: strategy)
        }
        if strategy == .ticket { return try await TicketSignIns(exchange: exchange).create() }
        if strategy == .passkey, identifier == nil { return try await PasskeySignIns(exchange: exchange).createDiscoverable() }
        if let strategy, ![.password, .emailCode, .phoneCode, .emailLink, .resetPasswordEmailCode, .resetPasswordPhoneCode, .passkey].contains(strategy) {
            throw APIFailure.paramInvalid("strategy", "\(strategy) is not a supported strategy on this instance.")
        }
        if identifier == nil, strategy != nil || password != nil { throw APIFailure.paramMissing("identifier") }
        let created: (signInID: String, token: String?, known: Bool) = try await instance.database.write { db in
            let existingClient = try await exchange.client(in: db)
            var found: (UserRecord, IdentificationRecord?)? = nil
            if let identifier {
                found = try await Self.findUser(identifier: identifier, settings: instance.settings, in: db)
            }
            if found?.0.banned == true { throw APIFailure.userBanned }
            let phantom = identifier != nil && found == nil
            if phantom, instance.settings.enumerationProtection == .off { return ("", nil, false) }
            try await sessions.ensureCanSignIn(client: existingClient, userID: found?.0.id, in: db)
            var (client, token) = try await exchange.ensureClient(in: db)
            let signIn = try await Self.open(
                on: &client, identifier: found?.1?.value ?? found?.0.username ?? identifier.map(Self.normalizedIdentifier),
                userID: found?.0.id, identificationID: found?.1?.id ?? identifier.map { phantomIdentificationID($0) },
                instance: instance, in: db)
            return (signIn.id, token, true)
        }
        if !created.known {
            if let password {
                // Same cost as a wrong password, so unknown accounts cannot be told apart by timing.
                _ = try await instance.passwords.verify(password, hash: nil)
            }
            throw APIFailure.identifierNotFound
        }
        // Follow-up steps act with the token this request may just have issued.
        let followUp = Exchange(instance: instance, call: exchange.call.presenting(created.token), notes: exchange.notes)
        if password != nil, strategy == nil || strategy == .password {
            return try await FirstFactor(exchange: followUp).attemptPassword(signInID: created.signInID, issuedToken: created.token)
        }
        if let strategy, strategy != .password {
            var reply = try await FirstFactor(exchange: followUp).prepare(signInID: created.signInID, strategy: strategy)
            reply.issuedToken = reply.issuedToken ?? created.token
            return reply
        }
        return try await render(signInID: created.signInID, issuedToken: created.token)
    }

    /// A new sign-in, the client's current one: `needs_first_factor` for an identifier, else `needs_identifier`.
    static func open(on client: inout ClientRecord, identifier: String?, userID: String?, identificationID: String?,
                     instance: FrontendInstance, in db: any SQLDatabase) async throws -> SignInRecord {
        let now = instance.nowMS
        let signIn = SignInRecord(
            id: RandomToken.id(.sia), clientId: client.id, status: identifier == nil ? .needsIdentifier : .needsFirstFactor,
            identifier: identifier, userId: userID, identificationId: identificationID, firstFactorAt: nil,
            createdSessionId: nil, abandonAt: now + 24 * 3600 * 1000, createdAt: now, updatedAt: now)
        try await signIn.insert(in: db)
        client.signInId = signIn.id
        client.updatedAt = now
        try await client.save(in: db)
        return signIn
    }

    /// How an unknown identifier is echoed back: normalized like a stored one.
    static func normalizedIdentifier(_ text: String) -> String {
        Identifiers.normalizedEmail(text) ?? Identifiers.normalizedPhone(text) ?? text
    }

    /// A stable, unguessable `idn_` id for an identifier nobody owns (strict enumeration protection), so repeated
    /// sign-ins show the same id as they would for a real address.
    private func phantomIdentificationID(_ identifier: String) -> String {
        let digest = instance.secrets.digest("phantom:" + Self.normalizedIdentifier(identifier))
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        let hex = Array(digest)
        let bytes = stride(from: 0, to: hex.count - 1, by: 2).map { UInt8(String(hex[$0...$0 + 1]), radix: 16) ?? 0 }
        return IDPrefix.idn.rawValue + "_" + String(bytes.prefix(27).map { alphabet[Int($0) % alphabet.count] })
    }

    func get(_ id: String) async throws -> Reply {
        let nonce = exchange.call.query.nonEmpty("rotating_token_nonce")
        var collected = try await OAuthSignIns(exchange: exchange).collectToken(signInID: id, nonce: nonce)
        if collected == nil { collected = try await EmailLinks(exchange: exchange).collectToken(ownerID: id, slot: "first_factor") }
        if let token = collected {
            return try await Self(exchange: Exchange(instance: instance, call: exchange.call.presenting(token), notes: exchange.notes))
                .render(signInID: id, issuedToken: token)
        }
        return try await instance.database.read { db in
            let client = try await exchange.requireClient(in: db)
            guard let signIn = try await SignInRecord.find(id, in: db), signIn.clientId == client.id else {
                throw APIFailure.notFound("Sign in")
            }
            return try await exchange.envelope(try await exchange.presenter.signIn(signIn, in: db), client: client, in: db)
        }
    }

    func render(signInID: String, issuedToken: String?) async throws -> Reply {
        try await instance.database.read { db in
            guard let signIn = try await SignInRecord.find(signInID, in: db),
                  let client = try await ClientRecord.find(signIn.clientId, in: db) else { throw APIFailure.notFound("Sign in") }
            return try await exchange.envelope(try await exchange.presenter.signIn(signIn, in: db), client: client, in: db,
                                               issuedToken: issuedToken)
        }
    }

    /// The sign-in `id` of the request's client, ready for a factor step.
    static func load(_ id: String, exchange: Exchange, in db: any SQLDatabase) async throws -> (SignInRecord, ClientRecord) {
        let client = try await exchange.requireClient(in: db)
        guard let signIn = try await SignInRecord.find(id, in: db), signIn.clientId == client.id else {
            throw APIFailure.notFound("Sign in")
        }
        return (signIn, client)
    }
}
