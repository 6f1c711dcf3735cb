/// A plan of Clerk Billing (`object: "commerce_plan"`), served bare by `GET /v1/billing/plans[/{id}]` and inside
/// subscription items and checkouts. Ids start with `cplan_`.
public struct BillingPlan: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The monthly price; nil for a plan without a monthly price.
    public var fee: BillingMoney?
    /// The monthly price when billed annually; nil when the plan is billed monthly only.
    public var annualMonthlyFee: BillingMoney?
    /// Twelve times `annualMonthlyFee`.
    public var annualFee: BillingMoney?
    public var description: String?
    public var productID: String
    public var isDefault: Bool
    public var isRecurring: Bool
    public var publiclyVisible: Bool
    public var hasBaseFee: Bool
    /// `user` or `org`.
    public var forPayerType: String
    public var slug: String
    public var avatarURL: String?
    public var freeTrialEnabled: Bool
    public var freeTrialDays: Int?
    /// Per-unit pricing, e.g. `seats` with the plan's seat limit as the last tier's `ends_after_block`.
    public var unitPrices: [BillingPlanUnitPrice]?
    public var features: [BillingFeature]

    public init(
        id: String, name: String, fee: BillingMoney?, annualMonthlyFee: BillingMoney?, annualFee: BillingMoney?,
        description: String?, productID: String, isDefault: Bool, isRecurring: Bool, publiclyVisible: Bool = true,
        hasBaseFee: Bool, forPayerType: String, slug: String, avatarURL: String? = nil, freeTrialEnabled: Bool,
        freeTrialDays: Int?, unitPrices: [BillingPlanUnitPrice]? = nil, features: [BillingFeature] = []
    ) {
        self.id = id
        self.name = name
        self.fee = fee
        self.annualMonthlyFee = annualMonthlyFee
        self.annualFee = annualFee
        self.description = description
        self.productID = productID
        self.isDefault = isDefault
        self.isRecurring = isRecurring
        self.publiclyVisible = publiclyVisible
        self.hasBaseFee = hasBaseFee
        self.forPayerType = forPayerType
        self.slug = slug
        self.avatarURL = avatarURL
        self.freeTrialEnabled = freeTrialEnabled
        self.freeTrialDays = freeTrialDays
        self.unitPrices = unitPrices
        self.features = features
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, fee, description, slug, features
        case annualMonthlyFee = "annual_monthly_fee", annualFee = "annual_fee", productID = "product_id"
        case isDefault = "is_default", isRecurring = "is_recurring", publiclyVisible = "publicly_visible"
        case hasBaseFee = "has_base_fee", forPayerType = "for_payer_type", avatarURL = "avatar_url"
        case freeTrialEnabled = "free_trial_enabled", freeTrialDays = "free_trial_days", unitPrices = "unit_prices"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(.name, default: "")
        fee = try c.decodeIfPresent(BillingMoney.self, forKey: .fee)
        annualMonthlyFee = try c.decodeIfPresent(BillingMoney.self, forKey: .annualMonthlyFee)
        annualFee = try c.decodeIfPresent(BillingMoney.self, forKey: .annualFee)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        productID = try c.decode(.productID, default: "")
        isDefault = try c.decode(.isDefault, default: false)
        isRecurring = try c.decode(.isRecurring, default: false)
        publiclyVisible = try c.decode(.publiclyVisible, default: true)
        hasBaseFee = try c.decode(.hasBaseFee, default: false)
        forPayerType = try c.decode(.forPayerType, default: "user")
        slug = try c.decode(.slug, default: "")
        avatarURL = try c.decodeIfPresent(String.self, forKey: .avatarURL)
        freeTrialEnabled = try c.decode(.freeTrialEnabled, default: false)
        freeTrialDays = try c.decodeIfPresent(Int.self, forKey: .freeTrialDays)
        unitPrices = try c.decodeIfPresent([BillingPlanUnitPrice].self, forKey: .unitPrices)
        features = try c.decode(.features, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("commerce_plan", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(fee, forKey: .fee)
        try c.encode(annualMonthlyFee, forKey: .annualMonthlyFee)
        try c.encode(annualFee, forKey: .annualFee)
        try c.encode(description, forKey: .description)
        try c.encode(productID, forKey: .productID)
        try c.encode(isDefault, forKey: .isDefault)
        try c.encode(isRecurring, forKey: .isRecurring)
        try c.encode(publiclyVisible, forKey: .publiclyVisible)
        try c.encode(hasBaseFee, forKey: .hasBaseFee)
        try c.encode(forPayerType, forKey: .forPayerType)
        try c.encode(slug, forKey: .slug)
        try c.encode(avatarURL, forKey: .avatarURL)
        try c.encode(freeTrialEnabled, forKey: .freeTrialEnabled)
        try c.encode(freeTrialDays, forKey: .freeTrialDays)
        try c.encodeIfPresent(unitPrices, forKey: .unitPrices)
        try c.encode(features, forKey: .features)
    }
}
