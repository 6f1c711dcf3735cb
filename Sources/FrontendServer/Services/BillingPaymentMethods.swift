import FrontendAPI
import SQLKit

/// A payer's saved cards (operations `InitializeUserPaymentMethod`, `CreateUserPaymentMethod`, `GetUserPaymentMethods`,
/// `DeleteUserPaymentMethod`, `SetUserDefaultPaymentMethod` and their organization twins). Cards come from the
/// development gateway (`gateway=development`, a `tok_dev_…` token) or, as on Clerk development instances, Stripe's
/// test cards (`gateway=stripe`).
struct BillingPaymentMethods: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var access: BillingAccess { BillingAccess(exchange: exchange) }

    /// `POST …/payment_methods/initialize`: where to send the card. The development gateway takes it at
    /// `/v1/dev_gateway/payment_tokens` and needs no secret; one is sent because clients of Stripe read it.
    func initialize(organizationID: String?) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            _ = try await BillingLedger(instance: instance, db: db).settledPayer(context.owner)
            let secret = "seti_dev_\(RandomToken.base62(24))_secret_\(RandomToken.base62(24))"
            let initialized = BillingPaymentMethodInitialize(externalClientSecret: secret,
                                                             externalGatewayID: DevelopmentGateway.name)
            return try await exchange.envelope(initialized, client: context.client, in: db)
        }
    }

    /// `POST …/payment_methods` (`gateway`, `payment_token`): saves the card, the default one if the payer had none.
    /// A card the gateway declines is not saved (422 `card_declined` or `insufficient_funds`); its token is spent.
    func add(organizationID: String?) async throws -> Reply {
        let organizationID = organizationID ?? form.nonEmpty("org_id")
        _ = try form.required("gateway")
        return try await instance.writeCommitting { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            let ledger = BillingLedger(instance: instance, db: db)
            var payer = try await ledger.settledPayer(context.owner)
            guard case .new(let card, let gateway)? = try await BillingCardSource.resolve(form, payer: payer, exchange: exchange, in: db) else {
                throw APIFailure.paramMissing("payment_token")
            }
            if let decline = card.attachDecline {
                exchange.logger.notice("card declined", metadata: ["payer_id": "\(payer.id)", "code": "\(decline)"])
                return .rejected(.cardDeclined(decline, param: "payment_token"))
            }
            let method = try await Self.save(card, gateway: gateway, payer: &payer, in: db, now: instance.nowMS)
            let rendered = try await BillingPresenter(instance: instance, db: db).paymentMethod(method, payer: payer)
            return .success(try await exchange.envelope(rendered, client: context.client, in: db))
        }
    }

    /// `GET …/payment_methods`: the saved cards, the default first.
    func list(organizationID: String?) async throws -> Reply {
        let page = try Pagination(query: exchange.call.query)
        return try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .read, in: db)
            let payer = try await BillingLedger(instance: instance, db: db).settledPayer(context.owner)
            let methods = try await Self.saved(payer: payer, in: db)
            let presenter = BillingPresenter(instance: instance, db: db)
            var data: [BillingPaymentMethod] = []
            for method in page.page(methods) { data.append(try await presenter.paymentMethod(method, payer: payer)) }
            return try await exchange.envelope(PaginatedList(data: data, totalCount: methods.count), client: context.client, in: db)
        }
    }

    /// `DELETE …/payment_methods/{id}`: the card is disconnected; the default one only while no paid plan needs it.
    func remove(_ id: String, organizationID: String?) async throws -> Reply {
        try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            var payer = try await BillingLedger(instance: instance, db: db).settledPayer(context.owner)
            guard var method = try await BillingPaymentMethodRecord.find(id, in: db), method.payerId == payer.id,
                  method.removedAt == nil else { throw APIFailure.paymentMethodNotFound }
            if payer.defaultPaymentMethodId == id {
                guard try await !Self.paidItemsExist(payerID: payer.id, in: db) else { throw APIFailure.paymentMethodNotRemovable }
                payer.defaultPaymentMethodId = nil
                payer.updatedAt = instance.nowMS
                try await payer.save(in: db)
            }
            method.removedAt = instance.nowMS
            method.updatedAt = instance.nowMS
            try await method.save(in: db)
            let rendered = try await BillingPresenter(instance: instance, db: db).paymentMethod(method, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    /// `PUT …/payers/default_payment_method` (`payment_method_id`).
    func setDefault(organizationID: String?) async throws -> Reply {
        let id = try form.required("payment_method_id")
        return try await instance.database.write { db in
            let context = try await access.context(organizationID: organizationID, need: .manage, in: db)
            var payer = try await BillingLedger(instance: instance, db: db).settledPayer(context.owner)
            guard let method = try await BillingPaymentMethodRecord.find(id, in: db), method.payerId == payer.id,
                  method.removedAt == nil else { throw APIFailure.paymentMethodNotFound }
            payer.defaultPaymentMethodId = method.id
            payer.updatedAt = instance.nowMS
            try await payer.save(in: db)
            let rendered = try await BillingPresenter(instance: instance, db: db).paymentMethod(method, payer: payer)
            return try await exchange.envelope(rendered, client: context.client, in: db)
        }
    }

    // MARK: Shared

    /// Saves a card the gateway accepted; the payer's first card becomes its default.
    static func save(_ card: DevelopmentGateway.Card, gateway: String, payer: inout BillingPayerRecord, in db: any SQLDatabase,
                     now: Int64) async throws -> BillingPaymentMethodRecord {
        let method = BillingPaymentMethodRecord(
            id: StableID.random("cpm"), payerId: payer.id, gateway: gateway, gatewayExternalId: "pm_dev_" + RandomToken.base62(24),
            cardType: card.brand, last4: card.last4, expiryMonth: card.expiryMonth, expiryYear: card.expiryYear,
            chargeDecline: card.chargeDecline, removedAt: nil, createdAt: now, updatedAt: now)
        try await method.insert(in: db)
        if payer.defaultPaymentMethodId == nil {
            payer.defaultPaymentMethodId = method.id
            payer.updatedAt = now
            try await payer.save(in: db)
        }
        return method
    }

    /// The payer's cards that are not removed, the default first, then oldest first.
    static func saved(payer: BillingPayerRecord, in db: any SQLDatabase) async throws -> [BillingPaymentMethodRecord] {
        let methods = try await db.select().column("*").from(BillingPaymentMethodRecord.table)
            .where("payer_id", .equal, payer.id).where("removed_at", .is, SQLLiteral.null)
            .orderBy("created_at").orderBy("rowid")
            .all(decoding: BillingPaymentMethodRecord.self, keyDecodingStrategy: Columns.decoding)
        return methods.filter { $0.id == payer.defaultPaymentMethodId } + methods.filter { $0.id != payer.defaultPaymentMethodId }
    }

    /// Whether a paid plan will charge the payer again (active, past due or scheduled).
    static func paidItemsExist(payerID: String, in db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("id").from(BillingSubscriptionItemRecord.table).where("payer_id", .equal, payerID)
            .where("amount", .greaterThan, 0)
            .where("status", .in, [BillingItemStatus.active, .pastDue, .upcoming].map(\.rawValue))
            .first() != nil
    }
}
