/// What a payment gateway needs before a card is added (`object: "commerce_payment_method_initialize"`): the gateway
/// to send the card to (`external_gateway_id`), a client secret for it, and the payment-method types it offers.
public struct BillingPaymentMethodInitialize: Codable, Sendable, Equatable {
    public var externalClientSecret: String?
    public var externalGatewayID: String?
    public var paymentMethodOrder: [String]

    public init(externalClientSecret: String?, externalGatewayID: String?, paymentMethodOrder: [String] = ["card"]) {
        self.externalClientSecret = externalClientSecret
        self.externalGatewayID = externalGatewayID
        self.paymentMethodOrder = paymentMethodOrder
    }

    enum CodingKeys: String, CodingKey {
        case object
        case externalClientSecret = "external_client_secret", externalGatewayID = "external_gateway_id"
        case paymentMethodOrder = "payment_method_order"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        externalClientSecret = try c.decodeIfPresent(String.self, forKey: .externalClientSecret)
        externalGatewayID = try c.decodeIfPresent(String.self, forKey: .externalGatewayID)
        paymentMethodOrder = try c.decode(.paymentMethodOrder, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_payment_method_initialize", forKey: .object)
        try c.encodeIfPresent(externalClientSecret, forKey: .externalClientSecret)
        try c.encodeIfPresent(externalGatewayID, forKey: .externalGatewayID)
        try c.encode(paymentMethodOrder, forKey: .paymentMethodOrder)
    }
}
