import Foundation
import FrontendAPI
import SQLKit

/// `/v1/me/external_accounts`: connect a social account through the browser, reauthorize one, disconnect one.
///
/// Connecting starts a flow owned by the user, with the id the account will have; until the provider answers, the
/// user object lists that account as `unverified`, with the provider URL (see `Presenter.pendingAccounts`).
struct MeExternalAccounts: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }

    /// `POST /v1/me/external_accounts strategy=oauth_<p>&redirect_url=…`
    func create() async throws -> Reply {
        let strategy = try exchange.call.form.required("strategy", as: Strategy.self)
        let provider = try OAuthSignIns.provider(ofStrategy: strategy, settings: instance.settings)
        let redirectURL = try OAuthSignIns.redirectURL(exchange.call.form)
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let flow = try await start(provider: provider, accountID: RandomToken.id(.eac), user: user, client: client,
                                       redirectURL: redirectURL, in: db)
            return try await exchange.envelope(exchange.presenter.pendingAccount(flow), client: client, in: db)
        }
    }

    /// `PATCH /v1/me/external_accounts/{id}/reauthorize redirect_url=…`: the same account, through the browser again.
    func reauthorize(_ id: String) async throws -> Reply {
        let redirectURL = try OAuthSignIns.redirectURL(exchange.call.form)
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let account = try await owned(id, userID: user.id, in: db)
            guard instance.settings.socialProviders.contains(account.provider) else {
                throw APIFailure.strategyInvalid()
            }
            let flow = try await start(provider: account.provider, accountID: account.id, user: user, client: client,
                                       redirectURL: redirectURL, in: db)
            return try await exchange.envelope(exchange.presenter.pendingAccount(flow, connected: account), client: client, in: db)
        }
    }

    /// `DELETE /v1/me/external_accounts/{id}`: a connected account, or one still waiting for the browser.
    func delete(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            let pending = try await OAuthFlowRecord.first(in: db, where: "external_account_id", equals: id)
            if let record = try await ExternalAccountRecord.find(id, in: db), record.userId == user.id {
                try await me.requireRecentVerification(session, user: user, in: db)
                try await record.delete(in: db)
            } else if pending?.ownerId != user.id {
                throw APIFailure.notFound("External account")
            }
            try await db.delete(from: OAuthFlowRecord.table).where("external_account_id", .equal, id).run()
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(DeletedObject(object: "external_account", id: id), client: client, in: db)
        }
    }

    private func owned(_ id: String, userID: String, in db: any SQLDatabase) async throws -> ExternalAccountRecord {
        guard let record = try await ExternalAccountRecord.find(id, in: db), record.userId == userID else {
            throw APIFailure.notFound("External account")
        }
        return record
    }

    /// A flow for `accountID`, replacing any earlier one for it.
    private func start(provider: String, accountID: String, user: UserRecord, client: ClientRecord, redirectURL: String,
                       in db: any SQLDatabase) async throws -> OAuthFlowRecord {
        try await db.delete(from: OAuthFlowRecord.table).where("external_account_id", .equal, accountID).run()
        let now = instance.nowMS
        let flow = OAuthFlowRecord(
            id: RandomToken.base62(24), ownerId: user.id, clientId: client.id, provider: provider, redirectUrl: redirectURL,
            status: .unverified, externalAccountId: accountID, expireAt: now + OAuthSignIns.lifetime, createdAt: now,
            updatedAt: now)
        try await flow.insert(in: db)
        try await me.touchUser(user.id, in: db)
        return flow
    }
}
