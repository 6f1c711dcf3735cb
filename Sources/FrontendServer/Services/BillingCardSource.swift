import FrontendAPI
import SQLKit

/// The card a request pays with: a saved one (`payment_method_id`), or a new one from the gateway (`gateway` with
/// `payment_token`, or `gateway=stripe` with `use_test_card=true` as on Clerk development instances).
enum BillingCardSource: Sendable {
    case saved(BillingPaymentMethodRecord)
    case new(DevelopmentGateway.Card, gateway: String)

    /// The source the form names, nil when it names none. A development token is spent here (single use).
    static func resolve(_ form: FormBody, payer: BillingPayerRecord, exchange: Exchange,
                        in db: any SQLDatabase) async throws -> BillingCardSource? {
        if let id = form.nonEmpty("payment_method_id") {
            guard let method = try await BillingPaymentMethodRecord.find(id, in: db), method.payerId == payer.id,
                  method.removedAt == nil else { throw APIFailure.paymentMethodNotFound }
            return .saved(method)
        }
        let token = form.nonEmpty("payment_token")
        switch form.nonEmpty("gateway")?.lowercased() {
        case nil:
            return nil
        case DevelopmentGateway.name?:
            guard let token else { throw APIFailure.paramMissing("payment_token") }
            return .new(try await spend(token, exchange: exchange, in: db), gateway: DevelopmentGateway.name)
        case "stripe"?:
            let now = exchange.instance.clock.now()
            guard let card = DevelopmentGateway.stripeTestCard(token: token, useTestCard: try form.bool("use_test_card") ?? false,
                                                              now: now) else {
                throw token == nil ? APIFailure.paramMissing("payment_token") : APIFailure.paymentTokenInvalid
            }
            return .new(card, gateway: "stripe")
        default:
            throw APIFailure.gatewayInvalid
        }
    }

    /// Marks a development token used and returns its card; unknown, expired or used tokens are refused.
    private static func spend(_ token: String, exchange: Exchange, in db: any SQLDatabase) async throws -> DevelopmentGateway.Card {
        let now = exchange.instance.nowMS
        guard var record = try await BillingCardTokenRecord.find(exchange.instance.secrets.digest("card_token:" + token), in: db),
              record.usedAt == nil, record.expiresAt > now else { throw APIFailure.paymentTokenInvalid }
        record.usedAt = now
        try await record.save(in: db)
        return DevelopmentGateway.Card(brand: record.cardType, last4: record.last4, expiryMonth: record.expiryMonth,
                                       expiryYear: record.expiryYear, attachDecline: record.attachDecline,
                                       chargeDecline: record.chargeDecline)
    }
}

/// `POST /v1/dev_gateway/payment_tokens`: the development gateway's card endpoint (what Stripe.js's card element
/// does). It takes `number`, `exp_month`, `exp_year` and `cvc`, checks them and answers `{"payment_token": "tok_dev_…"}`;
/// only the brand, last four digits, expiry and the test card's behaviour are kept, under the token's digest.
struct DevelopmentGatewayEndpoints: Sendable {
    let exchange: Exchange

    func createToken() async throws -> Reply {
        let instance = exchange.instance, form = exchange.call.form
        let card = try DevelopmentGateway.card(number: form.string("number"), expMonth: form.string("exp_month"),
                                               expYear: form.string("exp_year"), cvc: form.string("cvc"), now: instance.clock.now())
        let token = DevelopmentGateway.newToken(), now = instance.nowMS
        try await instance.database.write { db in
            try await db.delete(from: BillingCardTokenRecord.table).where("expires_at", .lessThanOrEqual, now).run()
            try await BillingCardTokenRecord(
                id: instance.secrets.digest("card_token:" + token), cardType: card.brand, last4: card.last4,
                expiryMonth: card.expiryMonth, expiryYear: card.expiryYear, attachDecline: card.attachDecline,
                chargeDecline: card.chargeDecline, usedAt: nil, expiresAt: now + DevelopmentGateway.tokenLifetimeMS, createdAt: now
            ).insert(in: db)
        }
        return try exchange.bare(["payment_token": token])
    }
}
