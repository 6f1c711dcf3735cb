import Foundation
import FrontendAPI
import NIOCore
import SQLKit

/// `/v1/client` and the client's sessions (`/v1/client/sessions/...`).
struct ClientEndpoints: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var sessions: Sessions { Sessions(instance: instance) }

    /// `GET /v1/client`: the current client or `response: null`.
    ///
    /// Signed-in clients poll this, so a body rendered moments ago is served again while it is still exactly what a
    /// fresh rendering would give: nothing written since (`RecentRows`), at most a second old, and no session
    /// expiring or abandoned since. Bodies whose content changes with the clock alone are never reused: a sign-in
    /// or sign-up in progress, a locked user. (Token ages and the `fva` minutes may lag by that second.)
    func get() async throws -> Reply {
        guard let token = exchange.call.presentedToken else { return try await render().reply }
        let key = RenderedClientKey(clientTokenDigest: instance.secrets.digest(token), origin: exchange.call.origin)
        let rendered = try await instance.recentClients.value(
            for: key, generation: instance.database.generation, now: instance.nowMS,
            usable: { [instance] in instance.nowMS < $0.validUntil }
        ) {
            let (reply, validUntil) = try await render()
            return (RenderedClient(body: reply.body, validUntil: validUntil ?? .min), validUntil != nil)
        }
        return Reply(body: rendered.body)
    }

    /// The reply, and until when it may be served again (nil: not at all).
    private func render() async throws -> (reply: Reply, validUntil: Int64?) {
        let rendered: Client? = try await instance.database.read { db in
            guard let client = try await exchange.client(in: db) else { return nil }
            return try await exchange.presenter.client(client, in: db)
        }
        let reply = try exchange.bare(ClientResponse<Client?>(response: rendered, client: rendered))
        guard let rendered, rendered.signIn == nil, rendered.signUp == nil,
              !rendered.sessions.contains(where: { $0.user?.locked == true }) else { return (reply, nil) }
        return (reply, rendered.sessions.map { min($0.expireAt, $0.abandonAt).epochMilliseconds }.min() ?? .max)
    }

    /// `POST|PUT /v1/client`: creates a client when the request has none.
    func create() async throws -> Reply {
        try await instance.database.write { db in
            let (client, token) = try await exchange.ensureClient(in: db)
            let rendered = try await exchange.presenter.client(client, in: db)
            var reply = try exchange.bare(ClientResponse<Client?>(response: rendered, client: rendered))
            reply.issuedToken = token
            return reply
        }
    }

    /// `DELETE /v1/client`: ends its sessions and destroys it.
    func delete() async throws -> Reply {
        try await instance.database.write { db in
            let client = try await exchange.requireClient(in: db)
            try await db.update(SessionRecord.table).set("status", to: SessionStatus.ended).set("updated_at", to: instance.nowMS)
                .where("client_id", .equal, client.id).where("status", .equal, SessionStatus.active).run()
            try await client.delete(in: db)
            var reply = try exchange.bare(ClientResponse<Client?>(response: nil, client: nil))
            reply.clearsToken = true
            return reply
        }
    }

    /// `DELETE /v1/client/sessions`: signs out of every session on this client.
    func endAllSessions() async throws -> Reply {
        try await instance.database.write { db in
            var client = try await exchange.requireClient(in: db)
            try await db.update(SessionRecord.table).set("status", to: SessionStatus.ended).set("updated_at", to: instance.nowMS)
                .where("client_id", .equal, client.id).where("status", .equal, SessionStatus.active).run()
            client.lastActiveSessionId = nil
            client.updatedAt = instance.nowMS
            try await client.save(in: db)
            let rendered = try await exchange.presenter.client(client, in: db)
            return try exchange.bare(ClientResponse<Client?>(response: rendered, client: nil))
        }
    }

    private func loadSession(_ id: String, in db: any SQLDatabase) async throws -> (SessionRecord, ClientRecord) {
        let client = try await exchange.requireClient(in: db)
        guard let session = try await SessionRecord.find(id, in: db), session.clientId == client.id else {
            throw APIFailure.notFound("Session")
        }
        return (session, client)
    }

    func getSession(_ id: String) async throws -> Reply {
        try await instance.database.read { db in
            let (session, client) = try await loadSession(id, in: db)
            return try await exchange.envelope(try await exchange.presenter.session(session, in: db), client: client, in: db)
        }
    }

    /// `touch`: marks activity and makes the session the client's current one; `active_organization_id` switches the
    /// active organization (`""` is the personal account; see `OrganizationSelection`).
    func touch(_ id: String) async throws -> Reply {
        let choice = OrganizationSelection(instance: instance).choice(exchange.call.form.string("active_organization_id"))
        return try await instance.database.write { db in
            var (session, client) = try await loadSession(id, in: db)
            guard sessions.effectiveStatus(session, now: instance.nowMS) == .active else { throw APIFailure.authenticationInvalid }
            switch choice {
            case .keep: break
            case .personal: session.lastActiveOrganizationId = nil
            case .named(let reference):
                session.lastActiveOrganizationId = try await OrganizationSelection(instance: instance)
                    .resolve(reference, userID: session.userId, in: db).id
            }
            Sessions.noteActivity(of: exchange.call, on: &session)
            try await sessions.touch(&session, in: db)
            client.lastActiveSessionId = session.id
            client.updatedAt = instance.nowMS
            try await client.save(in: db)
            return try await exchange.envelope(try await exchange.presenter.session(session, in: db), client: client, in: db)
        }
    }

    /// `end` (status `ended`) or `remove` (status `removed`).
    func finish(_ id: String, status: SessionStatus) async throws -> Reply {
        try await instance.database.write { db in
            var (session, client) = try await loadSession(id, in: db)
            if session.status == .active {
                session.status = status
                session.updatedAt = instance.nowMS
                try await session.save(in: db)
            }
            if client.lastActiveSessionId == id {
                client.lastActiveSessionId = try await sessions.active(clientID: client.id, in: db).last?.id
                client.updatedAt = instance.nowMS
                try await client.save(in: db)
            }
            return try await exchange.envelope(try await exchange.presenter.session(session, in: db), client: client, in: db)
        }
    }

    /// `POST /v1/client/sessions/{id}/tokens[/{template}]`: a bare `{object: "token", jwt}`, for the organization
    /// `organization_id` names (absent: the session's active one; `""`: the personal account).
    func token(_ id: String, template: String?) async throws -> Reply {
        if let template, template != "default" { throw APIFailure.notFound("JWT template '\(template)'") }
        let (session, user) = try await mintableSession(id)
        let selection = OrganizationSelection(instance: instance)
        let organization = try await selection.tokenClaim(selection.choice(exchange.call.form.string("organization_id")),
                                                          session: session)
        try await keepAlive(session)
        let billing = try await BillingClaimsReader(instance: instance).tokenClaim(userID: session.userId,
                                                                                  organizationID: organization?.id)
        let status = sessions.presentedStatus(session, user: user, now: instance.nowMS)
        return try exchange.bare(Token(jwt: try exchange.presenter.mintToken(session, organization: organization,
                                                                             billing: billing, status: status)))
    }

    /// The session a token request names, checked as `loadSession` does plus an active status and an unlocked user.
    /// Token requests are the most frequent call of every signed-in client, so the lookup is one query, and a lookup
    /// made moments ago with nothing written since is reused (`RecentRows`).
    private func mintableSession(_ id: String) async throws -> (SessionRecord, SessionUserFacts) {
        guard let token = exchange.call.presentedToken else { throw APIFailure.authenticationInvalid }
        let key = TokenRequestKey(clientTokenDigest: instance.secrets.digest(token), sessionID: id)
        let found = try await instance.recentTokenRequests.value(for: key, generation: instance.database.generation,
                                                                 now: instance.nowMS) { [self] in (try await lookUp(key), true) }
        let now = instance.nowMS
        guard sessions.effectiveStatus(found.session, now: now) == .active, found.userExists, !found.userBanned,
              instance.lockout.remaining(lockedUntil: found.userLockedUntil, now: now) == nil
        else { throw APIFailure.authenticationInvalid }
        return (found.session, found.user)
    }

    private func lookUp(_ key: TokenRequestKey) async throws -> MintableSession {
        let row = try await instance.database.read { db in
            try await db.raw("""
                SELECT sessions.*, users.id AS user_row_id, users.locked_until AS user_locked_until,
                  users.banned AS user_banned, users.totp_verified AS user_totp_verified,
                  users.password_compromised_at AS user_password_compromised_at,
                  EXISTS (SELECT 1 FROM identifications WHERE identifications.user_id = users.id
                          AND identifications.reserved_for_second_factor = \(bind: true)) AS user_second_factor_phone
                FROM clients
                LEFT JOIN sessions ON sessions.id = \(bind: key.sessionID) AND sessions.client_id = clients.id
                LEFT JOIN users ON users.id = sessions.user_id
                WHERE clients.token_digest = \(bind: key.clientTokenDigest)
                """).first()
        }
        guard let row else { throw APIFailure.authenticationInvalid }
        guard try !row.decodeNil(column: "id") else { throw APIFailure.notFound("Session") }
        let userExists = try !row.decodeNil(column: "user_row_id")
        let facts = userExists ? SessionUserFacts(
            hasSecondFactor: try row.decode(column: "user_totp_verified", as: Bool.self)
                || row.decode(column: "user_second_factor_phone", as: Bool.self),
            passwordCompromised: try row.decode(column: "user_password_compromised_at", as: Int64?.self) != nil)
            : SessionUserFacts(hasSecondFactor: false, passwordCompromised: false)
        let banned = userExists ? try row.decode(column: "user_banned", as: Bool.self) : false
        return MintableSession(session: try row.decode(model: SessionRecord.self, keyDecodingStrategy: Columns.decoding),
                               userExists: userExists, userBanned: banned,
                               userLockedUntil: try row.decode(column: "user_locked_until", as: Int64?.self), user: facts)
    }

    /// With an inactivity timeout, fetching tokens is activity: it moves `abandon_at`, at most once a minute so that
    /// minting stays a read.
    private func keepAlive(_ session: SessionRecord) async throws {
        guard instance.settings.sessions.inactivityTimeout != nil, instance.nowMS - session.lastActiveAt >= 60_000 else { return }
        try await instance.database.write { db in
            guard var current = try await SessionRecord.find(session.id, in: db),
                  sessions.effectiveStatus(current, now: instance.nowMS) == .active else { throw APIFailure.authenticationInvalid }
            Sessions.noteActivity(of: exchange.call, on: &current)
            try await sessions.touch(&current, in: db)
        }
    }
}

/// A token request's client (by token digest) and session.
struct TokenRequestKey: Hashable, Sendable {
    let clientTokenDigest: String
    let sessionID: String
}

/// What a token request needs to know about its session.
struct MintableSession: Sendable {
    let session: SessionRecord
    let userExists: Bool
    let userBanned: Bool
    let userLockedUntil: Int64?
    /// What the session's tasks depend on.
    let user: SessionUserFacts
}

/// A `GET /v1/client` caller: its client token (by digest) and Origin (the `azp` of its session tokens).
struct RenderedClientKey: Hashable, Sendable {
    let clientTokenDigest: String
    let origin: String?
}

/// A rendered `GET /v1/client` body and the instant a session in it expires or is abandoned.
struct RenderedClient: Sendable {
    let body: ByteBuffer
    let validUntil: Int64
}
