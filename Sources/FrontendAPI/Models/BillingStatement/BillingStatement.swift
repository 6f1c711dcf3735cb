import Foundation

/// A payer's statement for one calendar month (`object: "commerce_statement"`): its charges grouped by day, and what
/// was paid. `status` is `open` during the month and `closed` after. Ids start with `cstmt_`.
public struct BillingStatement: Codable, Sendable, Equatable {
    public var id: String
    public var instanceID: String
    public var timestamp: Date
    public var payer: BillingPayer
    public var status: String
    public var totals: Totals
    public var groups: [Group]

    public init(id: String, instanceID: String, timestamp: Date, payer: BillingPayer, status: String, totals: Totals,
                groups: [Group]) {
        self.id = id
        self.instanceID = instanceID
        self.timestamp = timestamp
        self.payer = payer
        self.status = status
        self.totals = totals
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case object, id, timestamp, payer, status, totals, groups
        case instanceID = "instance_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        instanceID = try c.decode(.instanceID, default: "")
        timestamp = try c.decode(.timestamp, default: Date(fapiMilliseconds: 0))
        payer = try c.decode(BillingPayer.self, forKey: .payer)
        status = try c.decode(.status, default: "open")
        totals = try c.decode(Totals.self, forKey: .totals)
        groups = try c.decode(.groups, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_statement", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(instanceID, forKey: .instanceID)
        try c.encode(timestamp, forKey: .timestamp)
        try c.encode(payer, forKey: .payer)
        try c.encode(status, forKey: .status)
        try c.encode(totals, forKey: .totals)
        try c.encode(groups, forKey: .groups)
    }

    /// What the statement's paid charges add up to.
    public struct Totals: Codable, Sendable, Equatable {
        public var subtotal: BillingMoney
        public var baseFee: BillingMoney
        public var taxTotal: BillingMoney
        public var grandTotal: BillingMoney

        public init(subtotal: BillingMoney, baseFee: BillingMoney, taxTotal: BillingMoney, grandTotal: BillingMoney) {
            self.subtotal = subtotal
            self.baseFee = baseFee
            self.taxTotal = taxTotal
            self.grandTotal = grandTotal
        }

        enum CodingKeys: String, CodingKey {
            case subtotal
            case baseFee = "base_fee", taxTotal = "tax_total", grandTotal = "grand_total"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            subtotal = try c.decode(BillingMoney.self, forKey: .subtotal)
            baseFee = try c.decode(.baseFee, default: subtotal)
            taxTotal = try c.decode(.taxTotal, default: .zero(subtotal.currency))
            grandTotal = try c.decode(.grandTotal, default: subtotal)
        }
    }

    /// The charges of one day (`object: "commerce_statement_group"`), newest first.
    public struct Group: Codable, Sendable, Equatable {
        public var timestamp: Date
        public var items: [BillingPaymentAttempt]

        public init(timestamp: Date, items: [BillingPaymentAttempt]) {
            self.timestamp = timestamp
            self.items = items
        }

        enum CodingKeys: String, CodingKey { case object, timestamp, items }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            timestamp = try c.decode(.timestamp, default: Date(fapiMilliseconds: 0))
            items = try c.decode(.items, default: [])
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("commerce_statement_group", forKey: .object)
            try c.encode(timestamp, forKey: .timestamp)
            try c.encode(items, forKey: .items)
        }
    }
}
