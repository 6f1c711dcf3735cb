import Foundation
import FrontendAPI
import SQLKit

/// API keys of users and organizations (the spec's API Keys tag: `getApiKeys`, `createApiKey`, `updateApiKey`,
/// `revokeApiKey`), served at `/api_keys` without the `/v1` prefix, as clerk-js's `APIKeys` module calls them: JSON
/// bodies and the session token as `Authorization: Bearer` (`SessionBearer`).
///
/// The subject is the caller (`user_…`, with `[api_keys] user`) or an organization they belong to (`org_…`, with
/// `[api_keys] organizations`), whose role must grant `org:sys_api_keys:read` to list and `org:sys_api_keys:manage`
/// to create, change or revoke. A key's secret is shown once, in the 201 that creates it; only its digest is kept.
/// Names are unique among a subject's usable keys (409 `token_creation_conflict`, which clerk-js words "API Key name
/// already exists."). Failures the spec documents are 400 (bad input) and 404 (no such key); 401 is a missing or
/// invalid session token, 403 a feature that is off or a missing permission.
struct APIKeys: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    static let readPermission = OrganizationPermissionCatalog.apiKeysRead
    static let managePermission = OrganizationPermissionCatalog.apiKeysManage
    /// The only key type the Frontend API creates.
    static let keyType = "api_key"

    // MARK: Operations

    /// `GET /api_keys?subject=…`: `{data, total_count}`, newest first; revoked and expired keys only with
    /// `include_invalid=true`; `query` matches part of the name.
    func list() async throws -> Reply {
        let query = exchange.call.query
        let subject = try Self.subject(query.nonEmpty("subject"))
        if let type = query.nonEmpty("type"), type != Self.keyType { throw APIFailure.apiKeyParam("type", "type must be api_key.") }
        let includeInvalid = try Self.flag(query, "include_invalid")
        let limit = try Self.number(query, "limit", default: 10, in: 1...100)
        let offset = try Self.number(query, "offset", default: 0, in: 0...Int.max)
        let search = query.nonEmpty("query")?.lowercased()
        return try await instance.database.read { db in
            let (_, user) = try await SessionBearer(instance: instance).authenticate(exchange.call, in: db)
            try await authorize(subject, user: user, permission: Self.readPermission, in: db)
            let keys = try await APIKeyRecord.all(in: db, where: "subject", equals: subject).reversed()
                .filter { includeInvalid || isUsable($0) }
                .filter { search == nil || $0.name.lowercased().contains(search!) }
            let page = Array(keys.dropFirst(offset).prefix(limit)).map { wire($0) }
            return try exchange.bare(PaginatedList(data: page, totalCount: keys.count))
        }
    }

    /// `POST /api_keys` `{name, subject, type?, description?, seconds_until_expiration?}`: 201 with the key and its
    /// secret.
    func create() async throws -> Reply {
        let body = try JSONBody(exchange.call, allowed: ["type", "name", "subject", "description", "seconds_until_expiration"])
        let name = try Self.name(body.string("name"))
        let subject = try Self.subject(body.string("subject"))
        if let type = try body.string("type"), type != Self.keyType { throw APIFailure.apiKeyParam("type", "type must be api_key.") }
        let description = try Self.description(body, "description")
        let lifetime = try body.number("seconds_until_expiration")
        if let lifetime, !(lifetime > 0 && lifetime < 1e11) {
            throw APIFailure.apiKeyParam("seconds_until_expiration", "seconds_until_expiration must be a positive number of seconds.")
        }
        let secret = "ak_" + RandomToken.base62(43)
        var reply = try await instance.database.write { db in
            let (_, user) = try await SessionBearer(instance: instance).authenticate(exchange.call, in: db)
            try await authorize(subject, user: user, permission: Self.managePermission, in: db)
            if try await APIKeyRecord.all(in: db, where: "subject", equals: subject).contains(where: { isUsable($0) && $0.name == name }) {
                throw APIFailure.apiKeyNameExists
            }
            let now = instance.nowMS
            let record = APIKeyRecord(
                id: "ak_" + RandomToken.bytes(16).hexString, type: Self.keyType, subject: subject, name: name,
                description: description, secretDigest: instance.secrets.digest(secret), revoked: false, revocationReason: nil,
                expiration: lifetime.map { now + Int64($0 * 1000) }, createdBy: user.id, lastUsedAt: nil, createdAt: now,
                updatedAt: now)
            try await record.insert(in: db)
            var created = wire(record)
            created.secret = secret
            return try exchange.bare(created)
        }
        reply.status = .created
        return reply
    }

    /// `PATCH /api_keys/{id}` `{description}`.
    func update(_ id: String) async throws -> Reply {
        let body = try JSONBody(exchange.call, allowed: ["description"])
        let description = try Self.description(body, "description")
        let changesDescription = body.has("description")
        return try await change(id) { record in
            if changesDescription { record.description = description }
        }
    }

    /// `POST /api_keys/{id}/revoke` `{revocation_reason?}`: the key stops working at once.
    func revoke(_ id: String) async throws -> Reply {
        let body = try JSONBody(exchange.call, allowed: ["revocation_reason"])
        let reason = try body.string("revocation_reason").map { String($0.prefix(255)) }
        return try await change(id) { record in
            record.revoked = true
            record.revocationReason = reason
        }
    }

    // MARK: Helpers

    /// Loads key `id` for a caller who may manage its subject, applies `edit` and answers the key.
    private func change(_ id: String, _ edit: @escaping @Sendable (inout APIKeyRecord) -> Void) async throws -> Reply {
        guard Self.isKeyID(id) else { throw APIFailure.apiKeyParam("apiKeyID", "apiKeyID must be an API key id (ak_…).") }
        return try await instance.database.write { db in
            let (_, user) = try await SessionBearer(instance: instance).authenticate(exchange.call, in: db)
            let normalized = id.hasPrefix("api_key_") ? "ak_" + id.dropFirst(8) : id
            guard var record = try await APIKeyRecord.find(normalized.lowercased(), in: db) else { throw APIFailure.apiKeyNotFound }
            do { try await authorize(record.subject, user: user, permission: Self.managePermission, in: db) } catch {
                // Someone else's key is not there, as far as the caller can tell.
                throw (error as? APIFailure)?.status == .forbidden ? error : APIFailure.apiKeyNotFound
            }
            edit(&record)
            record.updatedAt = instance.nowMS
            try await record.save(in: db)
            return try exchange.bare(wire(record))
        }
    }

    /// The caller may act on `subject`'s keys: their own user (user keys on), or an organization they belong to whose
    /// role grants `permission` (organization keys on).
    private func authorize(_ subject: String, user: UserRecord, permission: String, in db: any SQLDatabase) async throws {
        if subject.hasPrefix(IDPrefix.user.rawValue + "_") {
            guard instance.settings.apiKeys.user else { throw APIFailure.apiKeysNotEnabled }
            guard subject == user.id else { throw APIFailure.apiKeySubjectNotFound }
            return
        }
        guard instance.settings.apiKeys.organizations else { throw APIFailure.apiKeysNotEnabled }
        let access = OrganizationAccess(instance: instance)
        let membership: OrganizationMembershipRecord
        do { membership = try await access.member(of: subject, userID: user.id, in: db).1 } catch {
            throw APIFailure.apiKeySubjectNotFound
        }
        try access.require(permission, membership)
    }

    private func isUsable(_ record: APIKeyRecord) -> Bool {
        !record.revoked && (record.expiration ?? .max) > instance.nowMS
    }

    private func wire(_ record: APIKeyRecord) -> APIKey {
        func date(_ ms: Int64?) -> Date? { ms.map { Date(epochMilliseconds: $0) } }
        return APIKey(
            id: record.id, type: record.type, subject: record.subject, name: record.name, description: record.description,
            revoked: record.revoked, revocationReason: record.revocationReason,
            expired: (record.expiration ?? .max) <= instance.nowMS, expiration: date(record.expiration),
            createdBy: record.createdBy, lastUsedAt: date(record.lastUsedAt),
            createdAt: Date(epochMilliseconds: record.createdAt), updatedAt: Date(epochMilliseconds: record.updatedAt))
    }
}
