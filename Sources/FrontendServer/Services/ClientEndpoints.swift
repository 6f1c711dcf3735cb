import FrontendAPI
import SQLKit

/// `/v1/client` and the client's sessions (`/v1/client/sessions/...`).
struct ClientEndpoints: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var sessions: Sessions { Sessions(instance: instance) }

    /// `GET /v1/client`: the current client or `response: null`.
    func get() async throws -> Reply {
        try await instance.database.read { db in
            guard let client = try await exchange.client(in: db) else {
                return try exchange.bare(ClientResponse<Client?>(response: nil, client: nil))
            }
            let rendered = try await exchange.presenter.client(client, in: db)
            return try exchange.bare(ClientResponse<Client?>(response: rendered, client: rendered))
        }
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
            try await db.update(SessionRecord.table).set("status", to: "ended").set("updated_at", to: instance.nowMS)
                .where("client_id", .equal, client.id).where("status", .equal, "active").run()
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
            try await db.update(SessionRecord.table).set("status", to: "ended").set("updated_at", to: instance.nowMS)
                .where("client_id", .equal, client.id).where("status", .equal, "active").run()
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

    /// `touch`: marks activity and makes the session the client's current one; may switch organisation.
    func touch(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            var (session, client) = try await loadSession(id, in: db)
            guard sessions.effectiveStatus(session, now: instance.nowMS) == "active" else { throw APIFailure.authenticationInvalid }
            if let organization = exchange.call.form.string("active_organization_id") {
                guard organization.isEmpty else { throw APIFailure.notFound("Organization") }
                session.lastActiveOrganizationId = nil
            }
            try await sessions.touch(&session, in: db)
            client.lastActiveSessionId = session.id
            client.updatedAt = instance.nowMS
            try await client.save(in: db)
            return try await exchange.envelope(try await exchange.presenter.session(session, in: db), client: client, in: db)
        }
    }

    /// `end` (status `ended`) or `remove` (status `removed`).
    func finish(_ id: String, status: String) async throws -> Reply {
        try await instance.database.write { db in
            var (session, client) = try await loadSession(id, in: db)
            if session.status == "active" {
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

    /// `POST /v1/client/sessions/{id}/tokens[/{template}]`: a bare `{object: "token", jwt}`.
    func token(_ id: String, template: String?) async throws -> Reply {
        if let template, template != "default" { throw APIFailure.notFound("JWT template '\(template)'") }
        let session = try await instance.database.read { db in
            let (session, _) = try await loadSession(id, in: db)
            guard sessions.effectiveStatus(session, now: instance.nowMS) == "active",
                  let user = try await UserRecord.find(session.userId, in: db),
                  instance.lockout.remaining(user, now: instance.nowMS) == nil else {
                throw APIFailure.authenticationInvalid
            }
            if let organization = exchange.call.form.string("organization_id"), !organization.isEmpty {
                throw APIFailure.notFound("Organization")
            }
            return session
        }
        try await keepAlive(session)
        return try exchange.bare(Token(jwt: try exchange.presenter.mintToken(session, organizationID: nil)))
    }

    /// With an inactivity timeout, fetching tokens is activity: it moves `abandon_at`, at most once a minute so that
    /// minting stays a read.
    private func keepAlive(_ session: SessionRecord) async throws {
        guard instance.settings.sessions.inactivityTimeout != nil, instance.nowMS - session.lastActiveAt >= 60_000 else { return }
        try await instance.database.write { db in
            guard var current = try await SessionRecord.find(session.id, in: db),
                  sessions.effectiveStatus(current, now: instance.nowMS) == "active" else { throw APIFailure.authenticationInvalid }
            try await sessions.touch(&current, in: db)
        }
    }
}
