import FrontendAPI
import SQLKit

/// What a payer was charged: statements (operations `GetUserStatements`, `GetUserStatement`,
/// `GetOrganizationStatements`, `GetOrganizationStatement`) and payment attempts (`GetUserPaymentAttempts`,
/// `GetUserPaymentAttempt`, and an organization's at the same path, where clerk-js asks for them). Newest first.
struct BillingHistory: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var access: BillingAccess { BillingAccess(exchange: exchange) }

    func statements(organizationID: String?) async throws -> Reply {
        let page = try Pagination(query: exchange.call.query)
        return try await withPayer(organizationID) { db, context, payer in
            let statements = try await db.select().column("*").from(BillingStatementRecord.table)
                .where("payer_id", .equal, payer.id).orderBy("period_start", .descending)
                .all(decoding: BillingStatementRecord.self, keyDecodingStrategy: Columns.decoding)
            let presenter = BillingPresenter(instance: instance, db: db)
            var data: [BillingStatement] = []
            for statement in page.page(statements) { data.append(try await presenter.statement(statement, payer: payer)) }
            return try await exchange.envelope(PaginatedList(data: data, totalCount: statements.count), client: context.client, in: db)
        }
    }

    func statement(_ id: String, organizationID: String?) async throws -> Reply {
        try await withPayer(organizationID) { db, context, payer in
            guard let statement = try await BillingStatementRecord.find(id, in: db), statement.payerId == payer.id else {
                throw APIFailure.notFound("Statement")
            }
            let rendered = try await BillingPresenter(instance: instance, db: db).statement(statement, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    func attempts(organizationID: String?) async throws -> Reply {
        let page = try Pagination(query: exchange.call.query)
        return try await withPayer(organizationID) { db, context, payer in
            let attempts = try await db.select().column("*").from(BillingPaymentAttemptRecord.table)
                .where("payer_id", .equal, payer.id).orderBy("created_at", .descending).orderBy("rowid", .descending)
                .all(decoding: BillingPaymentAttemptRecord.self, keyDecodingStrategy: Columns.decoding)
            let presenter = BillingPresenter(instance: instance, db: db)
            let renderedPayer = try await presenter.payer(payer)
            var data: [BillingPaymentAttempt] = []
            for attempt in page.page(attempts) {
                data.append(try await presenter.attempt(attempt, payer: payer, renderedPayer: renderedPayer))
            }
            return try await exchange.envelope(PaginatedList(data: data, totalCount: attempts.count), client: context.client, in: db)
        }
    }

    func attempt(_ id: String, organizationID: String?) async throws -> Reply {
        try await withPayer(organizationID) { db, context, payer in
            guard let attempt = try await BillingPaymentAttemptRecord.find(id, in: db), attempt.payerId == payer.id else {
                throw APIFailure.notFound("Payment attempt")
            }
            let rendered = try await BillingPresenter(instance: instance, db: db).attempt(attempt, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    /// Runs `body` for the settled payer of the request (reading needs `org:sys_billing:read` for an organization).
    private func withPayer(_ organizationID: String?,
                           _ body: @Sendable (any SQLDatabase, BillingContext, BillingPayerRecord) async throws -> Reply) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .read, in: db)
            let payer = try await BillingLedger(instance: instance, db: db).settledPayer(context.owner)
            return try await body(db, context, payer)
        }
    }
}
