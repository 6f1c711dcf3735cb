import Foundation
import FrontendAPI
import HTTPTypes
import NIOCore
import NIOFoundationCompat
import Logging
import SQLKit

/// What a handler produced: the JSON body plus any client token to hand out or clear.
struct Reply: Sendable {
    var status: HTTPTypes.HTTPResponse.Status = .ok
    /// The encoded answer, as the response will carry it: a body kept for reuse (the environment, a recent client)
    /// is then served without a copy.
    var body: ByteBuffer
    /// A new or rotated client token for the `Authorization` header (native) or `__client` cookie (browser).
    var issuedToken: String? = nil
    /// The client was destroyed: clear the cookie / native token.
    var clearsToken = false
}

/// The per-request unit of work: the decoded call, the presenter, and client-token bookkeeping.
struct Exchange: Sendable {
    let instance: FrontendInstance
    let call: APICall
    /// What this request's security event line says besides the refusal (see `SecurityEvent`).
    var notes = SecurityNotes()

    /// The lockout, reporting a lock it sets to this request's security event.
    var lockout: Lockout { Lockout(settings: instance.settings.lockout, notes: notes) }

    /// Notes the user and factor a refused proof was for; the security event line carries them.
    func noteProof(userID: String, strategy: Strategy) {
        notes.note("user_id", userID)
        notes.note("strategy", strategy.rawValue)
    }

    /// Claims one password check against the user's lockout in its own short transaction, so that the slow hash
    /// runs outside any transaction; throws `user_locked` when no attempt is left.
    func claimPasswordCheck(userID: String) async throws {
        let lockout = self.lockout, now = instance.nowMS
        notes.note("user_id", userID)
        if let locked = try await instance.database.write({ db in try await lockout.claim(userID: userID, now: now, in: db) }) {
            throw locked
        }
    }

    var presenter: Presenter { Presenter(instance: instance, origin: call.origin) }

    /// The instance logger tagged with this request's trace id and IP. Log ids and outcomes here, never secrets.
    var logger: Logger { instance.logger.tagged(ip: call.remoteIP, traceID: call.traceID) }

    /// The client the request's token identifies, if any.
    func client(in db: any SQLDatabase) async throws -> ClientRecord? {
        guard let token = call.presentedToken else { return nil }
        return try await ClientRecord.first(in: db, where: "token_digest", equals: instance.secrets.digest(token))
    }

    func requireClient(in db: any SQLDatabase) async throws -> ClientRecord {
        guard let client = try await client(in: db) else { throw APIFailure.authenticationInvalid }
        return client
    }

    /// The request's client, or a new one whose token must be returned.
    func ensureClient(in db: any SQLDatabase) async throws -> (ClientRecord, issuedToken: String?) {
        if let existing = try await client(in: db) { return (existing, nil) }
        let now = instance.nowMS, token = RandomToken.secret()
        let client = ClientRecord(id: RandomToken.id(.client), tokenDigest: instance.secrets.digest(token),
                                  createdAt: now, updatedAt: now)
        try await client.insert(in: db)
        return (client, token)
    }

    /// Replaces the client's token (on every sign-in), so a token seen before sign-in cannot act for the session.
    func rotateToken(_ client: inout ClientRecord) -> String {
        let token = RandomToken.secret()
        client.tokenDigest = instance.secrets.digest(token)
        return token
    }

    /// `{response, client}` with the client rendered from the same transaction.
    func envelope<R: Codable & Sendable & Equatable>(_ response: R, client: ClientRecord?, in db: any SQLDatabase,
                                                       issuedToken: String? = nil) async throws -> Reply {
        let rendered = try await client.asyncMap { try await presenter.client($0, in: db) }
        return Reply(body: ByteBuffer(data: try FAPIJSON.encode(ClientResponse(response: response, client: rendered))),
                     issuedToken: issuedToken)
    }

    func bare(_ value: some Encodable) throws -> Reply {
        Reply(body: ByteBuffer(data: try FAPIJSON.encode(value)))
    }
}
