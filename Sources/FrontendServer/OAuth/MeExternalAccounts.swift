import Foundation
import FrontendAPI
import SQLKit

/// `DELETE /v1/me/external_accounts/{id}`: disconnects a social account (it is listed on the user object).
struct MeExternalAccounts: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }

    func delete(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            guard let record = try await ExternalAccountRecord.find(id, in: db), record.userId == user.id else {
                throw APIFailure.notFound("External account")
            }
            try await me.requireRecentVerification(session, user: user, in: db)
            try await record.delete(in: db)
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(DeletedObject(object: "external_account", id: record.id), client: client, in: db)
        }
    }
}
