/// What a checkout costs: the plan's price (`subtotal`, `base_fee`), tax, the total, what is due now and after a free
/// trial, what each later period costs, a past-due amount carried over, and the proration credit of the plan it
/// replaces.
public struct BillingCheckoutTotals: Codable, Sendable, Equatable {
    public var subtotal: BillingMoney
    public var baseFee: BillingMoney
    public var taxTotal: BillingMoney
    public var grandTotal: BillingMoney
    public var totalDueAfterFreeTrial: BillingMoney?
    public var totalDueNow: BillingMoney?
    public var totalDuePerPeriod: BillingMoney
    public var pastDue: BillingMoney?
    /// The proration credit, in the older single-amount form.
    public var credit: BillingMoney?
    public var credits: BillingCredits?

    public init(
        subtotal: BillingMoney, baseFee: BillingMoney, taxTotal: BillingMoney, grandTotal: BillingMoney,
        totalDueAfterFreeTrial: BillingMoney?, totalDueNow: BillingMoney?, totalDuePerPeriod: BillingMoney,
        pastDue: BillingMoney?, credit: BillingMoney?, credits: BillingCredits?
    ) {
        self.subtotal = subtotal
        self.baseFee = baseFee
        self.taxTotal = taxTotal
        self.grandTotal = grandTotal
        self.totalDueAfterFreeTrial = totalDueAfterFreeTrial
        self.totalDueNow = totalDueNow
        self.totalDuePerPeriod = totalDuePerPeriod
        self.pastDue = pastDue
        self.credit = credit
        self.credits = credits
    }

    enum CodingKeys: String, CodingKey {
        case subtotal, credit, credits
        case baseFee = "base_fee", taxTotal = "tax_total", grandTotal = "grand_total"
        case totalDueAfterFreeTrial = "total_due_after_free_trial", totalDueNow = "total_due_now"
        case totalDuePerPeriod = "total_due_per_period", pastDue = "past_due"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        subtotal = try c.decode(BillingMoney.self, forKey: .subtotal)
        baseFee = try c.decode(.baseFee, default: subtotal)
        taxTotal = try c.decode(.taxTotal, default: .zero(subtotal.currency))
        grandTotal = try c.decode(.grandTotal, default: subtotal)
        totalDueAfterFreeTrial = try c.decodeIfPresent(BillingMoney.self, forKey: .totalDueAfterFreeTrial)
        totalDueNow = try c.decodeIfPresent(BillingMoney.self, forKey: .totalDueNow)
        totalDuePerPeriod = try c.decode(.totalDuePerPeriod, default: grandTotal)
        pastDue = try c.decodeIfPresent(BillingMoney.self, forKey: .pastDue)
        credit = try c.decodeIfPresent(BillingMoney.self, forKey: .credit)
        credits = try c.decodeIfPresent(BillingCredits.self, forKey: .credits)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subtotal, forKey: .subtotal)
        try c.encode(baseFee, forKey: .baseFee)
        try c.encode(taxTotal, forKey: .taxTotal)
        try c.encode(grandTotal, forKey: .grandTotal)
        try c.encode(totalDueAfterFreeTrial, forKey: .totalDueAfterFreeTrial)
        try c.encode(totalDueNow, forKey: .totalDueNow)
        try c.encode(totalDuePerPeriod, forKey: .totalDuePerPeriod)
        try c.encode(pastDue, forKey: .pastDue)
        try c.encode(credit, forKey: .credit)
        try c.encode(credits, forKey: .credits)
    }
}

/// The credits applied to a charge: the unused part of the plan being replaced (`proration`), the payer's balance
/// (`payer`), and their sum.
public struct BillingCredits: Codable, Sendable, Equatable {
    public var proration: Proration?
    public var payer: PayerCredit?
    public var total: BillingMoney

    public init(proration: Proration?, payer: PayerCredit? = nil, total: BillingMoney) {
        self.proration = proration
        self.payer = payer
        self.total = total
    }

    enum CodingKeys: String, CodingKey { case proration, payer, total }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        proration = try c.decodeIfPresent(Proration.self, forKey: .proration)
        payer = try c.decodeIfPresent(PayerCredit.self, forKey: .payer)
        total = try c.decode(BillingMoney.self, forKey: .total)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(proration, forKey: .proration)
        try c.encode(payer, forKey: .payer)
        try c.encode(total, forKey: .total)
    }

    /// Credit for the days left of the period already paid.
    public struct Proration: Codable, Sendable, Equatable {
        public var amount: BillingMoney
        public var cycleDaysRemaining: Int
        public var cycleDaysTotal: Int
        public var cycleRemainingPercent: Double

        public init(amount: BillingMoney, cycleDaysRemaining: Int, cycleDaysTotal: Int, cycleRemainingPercent: Double) {
            self.amount = amount
            self.cycleDaysRemaining = cycleDaysRemaining
            self.cycleDaysTotal = cycleDaysTotal
            self.cycleRemainingPercent = cycleRemainingPercent
        }

        enum CodingKeys: String, CodingKey {
            case amount
            case cycleDaysRemaining = "cycle_days_remaining", cycleDaysTotal = "cycle_days_total"
            case cycleRemainingPercent = "cycle_remaining_percent"
        }
    }

    /// Credit taken from the payer's balance, and what remains of it.
    public struct PayerCredit: Codable, Sendable, Equatable {
        public var remainingBalance: BillingMoney
        public var appliedAmount: BillingMoney

        public init(remainingBalance: BillingMoney, appliedAmount: BillingMoney) {
            self.remainingBalance = remainingBalance
            self.appliedAmount = appliedAmount
        }

        enum CodingKeys: String, CodingKey {
            case remainingBalance = "remaining_balance", appliedAmount = "applied_amount"
        }
    }
}
