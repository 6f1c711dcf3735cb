import FrontendAPI
import SQLKit

/// A payer's subscription and its items (operations `GetUserMainBillingSubscription`,
/// `GetOrganizationBillingSubscription`, `GetUserBillingSubscriptionItems`, `GetOrganizationBillingSubscriptionItems`,
/// `DeleteUserBillingSubscriptionItem`, `DeleteOrganizationBillingSubscriptionItem`). Every call settles the payer
/// first (see `BillingLedger`), so what it shows is what the clock says.
struct BillingSubscriptions: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var access: BillingAccess { BillingAccess(exchange: exchange) }

    /// `GET …/billing/subscription`: a payer seen for the first time is on the free default plan.
    func get(organizationID: String?) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .read, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            let payer = try await ledger.settledPayer(context.owner)
            let rendered = try await BillingPresenter(instance: instance, db: db)
                .subscription(payer, items: try await ledger.liveItems(payer.id))
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    /// `GET …/billing/subscription_items`: the items that have not ended, in the order they start.
    func items(organizationID: String?) async throws -> Reply {
        let page = try Pagination(query: exchange.call.query)
        return try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .read, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            let payer = try await ledger.settledPayer(context.owner)
            let items = try await ledger.liveItems(payer.id)
            let presenter = BillingPresenter(instance: instance, db: db)
            var data: [BillingSubscriptionItem] = []
            for item in page.page(items) { data.append(try await presenter.item(item, payer: payer)) }
            return try await exchange.envelope(PaginatedList(data: data, totalCount: items.count), client: context.client, in: db)
        }
    }

    /// `DELETE …/billing/subscription_items/{id}`: cancels at the period's end (see `BillingLedger.cancel`).
    func cancel(_ itemID: String, organizationID: String?) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            var payer = try await ledger.settledPayer(context.owner)
            guard var item = try await BillingSubscriptionItemRecord.find(itemID, in: db), item.payerId == payer.id else {
                throw APIFailure.notFound("Subscription item")
            }
            try await ledger.cancel(&item, payer: &payer)
            exchange.logger.info("subscription item canceled", metadata: ["payer_id": "\(payer.id)", "item_id": "\(item.id)"])
            let rendered = try await BillingPresenter(instance: instance, db: db).item(item, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }
}
