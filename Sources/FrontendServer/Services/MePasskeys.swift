import Foundation
import FrontendAPI
import SQLKit

/// `/v1/me/passkeys/{id}`: read, rename and remove the user's passkeys (they are listed on the user object).
/// Registration is `PasskeyRegistration`.
struct MePasskeys: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }

    private func owned(_ id: String, userID: String, in db: any SQLDatabase) async throws -> PasskeyRecord {
        guard let record = try await PasskeyRecord.find(id, in: db), record.userId == userID else {
            throw APIFailure.notFound("Passkey")
        }
        return record
    }

    func get(_ id: String) async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            return try await exchange.envelope(exchange.presenter.passkey(try await owned(id, userID: user.id, in: db)),
                                               client: client, in: db)
        }
    }

    func rename(_ id: String) async throws -> Reply {
        let name = try exchange.call.form.required("name")
        guard name.count <= 256 else { throw APIFailure.paramInvalid("name") }
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            var record = try await owned(id, userID: user.id, in: db)
            record.name = name
            record.updatedAt = instance.nowMS
            try await record.save(in: db)
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(exchange.presenter.passkey(record), client: client, in: db)
        }
    }

    func delete(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            let record = try await owned(id, userID: user.id, in: db)
            try await me.requireRecentVerification(session, user: user, in: db)
            try await record.delete(in: db)
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(DeletedObject(object: "passkey", id: record.id), client: client, in: db)
        }
    }
}
