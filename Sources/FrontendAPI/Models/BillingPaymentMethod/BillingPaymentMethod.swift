import Foundation

/// A saved payment method of a payer (`object: "commerce_payment_method"`): a card, known by brand, last four digits
/// and expiry only. Ids start with `cpm_`.
public struct BillingPaymentMethod: Codable, Sendable, Equatable {
    public var id: String
    public var payerID: String
    /// `card`.
    public var paymentType: String
    public var isDefault: Bool
    /// `development` (this server's gateway) or `stripe`.
    public var gateway: String
    public var gatewayExternalID: String
    public var gatewayExternalAccountID: String?
    public var last4: String?
    /// `active`, or `disconnected` once removed.
    public var status: String
    public var walletType: String?
    /// The card's brand: `visa`, `mastercard`, `amex`, …
    public var cardType: String?
    public var expiryYear: Int?
    public var expiryMonth: Int?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// False for the default method while a paid subscription depends on it.
    public var isRemovable: Bool

    public init(
        id: String, payerID: String, paymentType: String = "card", isDefault: Bool, gateway: String,
        gatewayExternalID: String, gatewayExternalAccountID: String? = nil, last4: String?, status: String = "active",
        walletType: String? = nil, cardType: String?, expiryYear: Int?, expiryMonth: Int?, createdAt: Date?,
        updatedAt: Date?, isRemovable: Bool
    ) {
        self.id = id
        self.payerID = payerID
        self.paymentType = paymentType
        self.isDefault = isDefault
        self.gateway = gateway
        self.gatewayExternalID = gatewayExternalID
        self.gatewayExternalAccountID = gatewayExternalAccountID
        self.last4 = last4
        self.status = status
        self.walletType = walletType
        self.cardType = cardType
        self.expiryYear = expiryYear
        self.expiryMonth = expiryMonth
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.isRemovable = isRemovable
    }

    enum CodingKeys: String, CodingKey {
        case object, id, gateway, last4, status
        case payerID = "payer_id", paymentType = "payment_type", isDefault = "is_default"
        case gatewayExternalID = "gateway_external_id", gatewayExternalAccountID = "gateway_external_account_id"
        case walletType = "wallet_type", cardType = "card_type", expiryYear = "expiry_year", expiryMonth = "expiry_month"
        case createdAt = "created_at", updatedAt = "updated_at", isRemovable = "is_removable"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        payerID = try c.decode(.payerID, default: "")
        paymentType = try c.decode(.paymentType, default: "card")
        isDefault = try c.decode(.isDefault, default: false)
        gateway = try c.decode(.gateway, default: "")
        gatewayExternalID = try c.decode(.gatewayExternalID, default: "")
        gatewayExternalAccountID = try c.decodeIfPresent(String.self, forKey: .gatewayExternalAccountID)
        last4 = try c.decodeIfPresent(String.self, forKey: .last4)
        status = try c.decode(.status, default: "active")
        walletType = try c.decodeIfPresent(String.self, forKey: .walletType)
        cardType = try c.decodeIfPresent(String.self, forKey: .cardType)
        expiryYear = try c.decodeIfPresent(Int.self, forKey: .expiryYear)
        expiryMonth = try c.decodeIfPresent(Int.self, forKey: .expiryMonth)
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(Date.self, forKey: .updatedAt)
        isRemovable = try c.decode(.isRemovable, default: true)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_payment_method", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(payerID, forKey: .payerID)
        try c.encode(paymentType, forKey: .paymentType)
        try c.encode(isDefault, forKey: .isDefault)
        try c.encode(gateway, forKey: .gateway)
        try c.encode(gatewayExternalID, forKey: .gatewayExternalID)
        try c.encode(gatewayExternalAccountID, forKey: .gatewayExternalAccountID)
        try c.encode(last4, forKey: .last4)
        try c.encode(status, forKey: .status)
        try c.encode(walletType, forKey: .walletType)
        try c.encode(cardType, forKey: .cardType)
        try c.encode(expiryYear, forKey: .expiryYear)
        try c.encode(expiryMonth, forKey: .expiryMonth)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try c.encode(isRemovable, forKey: .isRemovable)
    }
}
