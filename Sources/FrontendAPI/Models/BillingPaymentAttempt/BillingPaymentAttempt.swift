import Foundation

/// One charge of a payer (`object: "commerce_payment"`), paid or failed, for a checkout (`charge_type: "checkout"`) or
/// a renewal (`recurring`). Ids start with `cpay_`.
public struct BillingPaymentAttempt: Codable, Sendable, Equatable {
    public var id: String
    public var paymentID: String
    public var instanceID: String
    public var chargeType: String
    public var payeeID: String
    public var payee: BillingPayee
    public var payerID: String
    public var payer: BillingPayer
    public var subscriptionItemID: String
    public var subscriptionItem: BillingSubscriptionItem
    public var amount: BillingMoney
    public var totals: BillingPaymentTotals?
    public var paymentMethodID: String
    public var paymentMethod: BillingPaymentMethod?
    public var statementID: String
    public var gatewayExternalID: String?
    public var gatewayExternalURL: String?
    /// `paid`, `failed` or `pending`.
    public var status: String
    public var paidAt: Date?
    public var failedAt: Date?
    /// Why a failed charge failed: `{code, decline_code, message}` as the gateway reported it.
    public var failedReason: JSONObject?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, paymentID: String, instanceID: String, chargeType: String, payeeID: String, payee: BillingPayee,
        payerID: String, payer: BillingPayer, subscriptionItemID: String, subscriptionItem: BillingSubscriptionItem,
        amount: BillingMoney, totals: BillingPaymentTotals?, paymentMethodID: String, paymentMethod: BillingPaymentMethod?,
        statementID: String, gatewayExternalID: String?, gatewayExternalURL: String? = nil, status: String, paidAt: Date?,
        failedAt: Date?, failedReason: JSONObject? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.paymentID = paymentID
        self.instanceID = instanceID
        self.chargeType = chargeType
        self.payeeID = payeeID
        self.payee = payee
        self.payerID = payerID
        self.payer = payer
        self.subscriptionItemID = subscriptionItemID
        self.subscriptionItem = subscriptionItem
        self.amount = amount
        self.totals = totals
        self.paymentMethodID = paymentMethodID
        self.paymentMethod = paymentMethod
        self.statementID = statementID
        self.gatewayExternalID = gatewayExternalID
        self.gatewayExternalURL = gatewayExternalURL
        self.status = status
        self.paidAt = paidAt
        self.failedAt = failedAt
        self.failedReason = failedReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, payee, payer, amount, totals, status
        case paymentID = "payment_id", instanceID = "instance_id", chargeType = "charge_type", payeeID = "payee_id"
        case payerID = "payer_id", subscriptionItemID = "subscription_item_id", subscriptionItem = "subscription_item"
        case paymentMethodID = "payment_method_id", paymentMethod = "payment_method", statementID = "statement_id"
        case gatewayExternalID = "gateway_external_id", gatewayExternalURL = "gateway_external_url"
        case paidAt = "paid_at", failedAt = "failed_at", failedReason = "failed_reason"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        paymentID = try c.decode(.paymentID, default: id)
        instanceID = try c.decode(.instanceID, default: "")
        chargeType = try c.decode(.chargeType, default: "checkout")
        payee = try c.decode(BillingPayee.self, forKey: .payee)
        payeeID = try c.decode(.payeeID, default: payee.id)
        payer = try c.decode(BillingPayer.self, forKey: .payer)
        payerID = try c.decode(.payerID, default: payer.id)
        subscriptionItem = try c.decode(BillingSubscriptionItem.self, forKey: .subscriptionItem)
        subscriptionItemID = try c.decode(.subscriptionItemID, default: subscriptionItem.id)
        amount = try c.decode(BillingMoney.self, forKey: .amount)
        totals = try c.decodeIfPresent(BillingPaymentTotals.self, forKey: .totals)
        paymentMethod = try c.decodeIfPresent(BillingPaymentMethod.self, forKey: .paymentMethod)
        paymentMethodID = try c.decode(.paymentMethodID, default: paymentMethod?.id ?? "")
        statementID = try c.decode(.statementID, default: "")
        gatewayExternalID = try c.decodeIfPresent(String.self, forKey: .gatewayExternalID)
        gatewayExternalURL = try c.decodeIfPresent(String.self, forKey: .gatewayExternalURL)
        status = try c.decode(.status, default: "pending")
        paidAt = try c.decodeIfPresent(Date.self, forKey: .paidAt)
        failedAt = try c.decodeIfPresent(Date.self, forKey: .failedAt)
        failedReason = try c.decodeIfPresent(JSONObject.self, forKey: .failedReason)
        createdAt = try c.decode(.createdAt, default: Date(fapiMilliseconds: 0))
        updatedAt = try c.decode(.updatedAt, default: createdAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_payment", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(paymentID, forKey: .paymentID)
        try c.encode(instanceID, forKey: .instanceID)
        try c.encode(chargeType, forKey: .chargeType)
        try c.encode(payeeID, forKey: .payeeID)
        try c.encode(payee, forKey: .payee)
        try c.encode(payerID, forKey: .payerID)
        try c.encode(payer, forKey: .payer)
        try c.encode(subscriptionItemID, forKey: .subscriptionItemID)
        try c.encode(subscriptionItem, forKey: .subscriptionItem)
        try c.encode(amount, forKey: .amount)
        try c.encode(totals, forKey: .totals)
        try c.encode(paymentMethodID, forKey: .paymentMethodID)
        try c.encode(paymentMethod, forKey: .paymentMethod)
        try c.encode(statementID, forKey: .statementID)
        try c.encode(gatewayExternalID, forKey: .gatewayExternalID)
        try c.encode(gatewayExternalURL, forKey: .gatewayExternalURL)
        try c.encode(status, forKey: .status)
        try c.encode(paidAt, forKey: .paidAt)
        try c.encode(failedAt, forKey: .failedAt)
        try c.encodeIfPresent(failedReason, forKey: .failedReason)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

/// The party paid (`object: "commerce_payee"`): this instance's account at the payment gateway.
public struct BillingPayee: Codable, Sendable, Equatable {
    public var id: String
    public var gatewayType: String
    public var gatewayExternalID: String
    public var gatewayStatus: String

    public init(id: String, gatewayType: String, gatewayExternalID: String, gatewayStatus: String) {
        self.id = id
        self.gatewayType = gatewayType
        self.gatewayExternalID = gatewayExternalID
        self.gatewayStatus = gatewayStatus
    }

    enum CodingKeys: String, CodingKey {
        case object, id
        case gatewayType = "gateway_type", gatewayExternalID = "gateway_external_id", gatewayStatus = "gateway_status"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        gatewayType = try c.decode(.gatewayType, default: "")
        gatewayExternalID = try c.decode(.gatewayExternalID, default: "")
        gatewayStatus = try c.decode(.gatewayStatus, default: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_payee", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(gatewayType, forKey: .gatewayType)
        try c.encode(gatewayExternalID, forKey: .gatewayExternalID)
        try c.encode(gatewayStatus, forKey: .gatewayStatus)
    }
}

/// How one charge adds up: the plan's price, tax, the total charged, and any credit or past-due amount in it.
public struct BillingPaymentTotals: Codable, Sendable, Equatable {
    public var subtotal: BillingMoney
    public var baseFee: BillingMoney
    public var taxTotal: BillingMoney
    public var grandTotal: BillingMoney
    public var credit: BillingMoney?
    public var pastDue: BillingMoney?

    public init(subtotal: BillingMoney, baseFee: BillingMoney, taxTotal: BillingMoney, grandTotal: BillingMoney,
                credit: BillingMoney? = nil, pastDue: BillingMoney? = nil) {
        self.subtotal = subtotal
        self.baseFee = baseFee
        self.taxTotal = taxTotal
        self.grandTotal = grandTotal
        self.credit = credit
        self.pastDue = pastDue
    }

    enum CodingKeys: String, CodingKey {
        case subtotal, credit
        case baseFee = "base_fee", taxTotal = "tax_total", grandTotal = "grand_total", pastDue = "past_due"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        subtotal = try c.decode(BillingMoney.self, forKey: .subtotal)
        baseFee = try c.decode(.baseFee, default: subtotal)
        taxTotal = try c.decode(.taxTotal, default: .zero(subtotal.currency))
        grandTotal = try c.decode(.grandTotal, default: subtotal)
        credit = try c.decodeIfPresent(BillingMoney.self, forKey: .credit)
        pastDue = try c.decodeIfPresent(BillingMoney.self, forKey: .pastDue)
    }
}
