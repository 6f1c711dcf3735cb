import Foundation

/// Clerk Billing as configured on the Dashboard's Billing pages: which payers may subscribe, their plans and the
/// features plans grant. Off by default. Payments go through the development gateway (`DevelopmentGateway`), this
/// server's stand-in for Stripe.
public struct BillingSettings: Sendable, Equatable {
    /// `commerce_settings.billing.user.enabled`: users may subscribe to user plans.
    public var userEnabled = false
    /// `commerce_settings.billing.organization.enabled`: organizations may subscribe to organization plans.
    public var organizationEnabled = false
    /// A free trial starts only with a payment method on file, which is charged when the trial ends.
    public var freeTrialRequiresPaymentMethod = true
    /// How long the development gateway takes to answer a checkout's charge, in milliseconds: a slow payment
    /// processor, during which a second confirm of the same checkout answers 409 `checkout_already_in_progress`.
    public var gatewayLatencyMilliseconds = 0
    public var features: [BillingFeatureDefinition] = []
    public var plans: [BillingPlanDefinition] = []

    public init() {}

    /// Whether billing is on for payers of `kind`.
    public func enabled(for kind: BillingPayerKind) -> Bool {
        kind == .user ? userEnabled : organizationEnabled
    }

    /// The plans of payers of `kind`, in the order configured.
    public func plans(for kind: BillingPayerKind) -> [BillingPlanDefinition] { plans.filter { $0.payer == kind } }
}

/// Who pays: a user for their own account, or an organization.
public enum BillingPayerKind: String, Sendable, Codable, CaseIterable {
    case user
    case organization = "org"

    /// `user` or `org`, as plans' `for_payer_type` and the plans list's `payer_type` spell it.
    public var wireValue: String { rawValue }
}

/// A feature plans grant (`has({feature})`), listed in session tokens' `fea` claim.
public struct BillingFeatureDefinition: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var description: String

    public init(slug: String, name: String, description: String = "") {
        self.slug = slug
        self.name = name
        self.description = description
    }
}

/// A plan: its price per month, billed monthly or (with `annualMonthlyFee`) annually, its trial, seat limit and features.
/// Amounts are in the currency's smallest unit (cents).
public struct BillingPlanDefinition: Sendable, Equatable {
    public var payer: BillingPayerKind
    /// Unique across the instance; session tokens name the plan by it (`pla: "u:pro"`).
    public var slug: String
    public var name: String
    public var description: String
    public var monthlyFee: Int
    /// The monthly price when billed annually (charged as twelve times this once a year); nil: monthly billing only.
    public var annualMonthlyFee: Int?
    /// ISO 4217 code, upper case (`USD`).
    public var currency: String
    /// The free plan every new payer of this kind is subscribed to.
    public var isDefault: Bool
    /// 0: no free trial.
    public var freeTrialDays: Int
    /// Organization plans: most members, pending invitations included; 0 is unlimited.
    public var seatLimit: Int
    /// Slugs of the features the plan grants.
    public var features: [String]
    public var publiclyVisible: Bool

    public init(payer: BillingPayerKind, slug: String, name: String, description: String = "", monthlyFee: Int = 0,
                annualMonthlyFee: Int? = nil, currency: String = "USD", isDefault: Bool = false, freeTrialDays: Int = 0,
                seatLimit: Int = 0, features: [String] = [], publiclyVisible: Bool = true) {
        self.payer = payer
        self.slug = slug
        self.name = name
        self.description = description
        self.monthlyFee = monthlyFee
        self.annualMonthlyFee = annualMonthlyFee
        self.currency = currency
        self.isDefault = isDefault
        self.freeTrialDays = freeTrialDays
        self.seatLimit = seatLimit
        self.features = features
        self.publiclyVisible = publiclyVisible
    }

    /// Free plans cost nothing in either period.
    public var isFree: Bool { monthlyFee == 0 && (annualMonthlyFee ?? 0) == 0 }
}

extension BillingSettings {
    /// Rejects catalogs the Dashboard would not let one build.
    func validate(organizationsEnabled: Bool) throws {
        func fail(_ message: String) -> SettingsFile.Invalid { SettingsFile.Invalid(description: "billing: " + message) }
        guard !organizationEnabled || organizationsEnabled else {
            throw fail("organization_enabled needs organizations (organizations.enabled = true)")
        }
        guard gatewayLatencyMilliseconds >= 0, gatewayLatencyMilliseconds <= 60_000 else {
            throw fail("gateway_latency_ms must be 0...60000")
        }
        try validateFeatures()
        guard Set(plans.map(\.slug)).count == plans.count else { throw fail("plan slugs must be unique") }
        for plan in plans { try validate(plan) }
        for kind in BillingPayerKind.allCases where enabled(for: kind) {
            let plans = plans(for: kind)
            guard plans.filter(\.isDefault).count == 1 else {
                throw fail("\(kind == .user ? "user" : "organization") billing needs exactly one default (free) plan")
            }
            guard Set(plans.map(\.currency)).count == 1 else { throw fail("the plans of one payer kind share one currency") }
        }
    }

    private func validateFeatures() throws {
        func fail(_ message: String) -> SettingsFile.Invalid { SettingsFile.Invalid(description: "billing: " + message) }
        guard Set(features.map(\.slug)).count == features.count else { throw fail("feature slugs must be unique") }
        for feature in features where !Self.isSlug(feature.slug) {
            throw fail("feature slug \(feature.slug) must be lowercase letters, digits, '_' or '-'")
        }
    }

    private func validate(_ plan: BillingPlanDefinition) throws {
        func fail(_ message: String) -> SettingsFile.Invalid {
            SettingsFile.Invalid(description: "billing: plan \(plan.slug): " + message)
        }
        guard Self.isSlug(plan.slug) else { throw fail("slug must be lowercase letters, digits, '_' or '-'") }
        guard plan.monthlyFee >= 0, (plan.annualMonthlyFee ?? 0) >= 0 else { throw fail("fees cannot be negative") }
        guard plan.currency.count == 3, plan.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw fail("currency must be an upper-case ISO 4217 code such as USD")
        }
        guard (0...365).contains(plan.freeTrialDays) else { throw fail("free_trial_days must be 0...365") }
        guard plan.seatLimit >= 0 else { throw fail("seat_limit must be 0 (unlimited) or more") }
        guard plan.seatLimit == 0 || plan.payer == .organization else { throw fail("only organization plans have seats") }
        guard !plan.isDefault || plan.isFree else { throw fail("the default plan must be free") }
        guard !plan.isFree || plan.freeTrialDays == 0 else { throw fail("a free plan has no free trial") }
        guard plan.isFree || plan.monthlyFee > 0 else { throw fail("a paid plan needs a monthly_fee") }
        let known = Set(features.map(\.slug))
        if let unknown = plan.features.first(where: { !known.contains($0) }) {
            throw fail("unknown feature \(unknown) (list it under [[billing.features]])")
        }
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}

/// The `[billing]` table: optional everywhere, applied over the defaults.
struct BillingDocument: Decodable {
    struct Feature: Decodable { var slug: String, name: String?, description: String? }
    struct Plan: Decodable {
        var payer: String?, slug: String?, name: String?, description: String?
        var monthly_fee: MoneyAmount?, annual_monthly_fee: MoneyAmount?, currency: String?
        var isDefault: Bool?, free_trial_days: Int?, seat_limit: Int?, features: [String]?, publicly_visible: Bool?

        enum CodingKeys: String, CodingKey {
            case payer, slug, name, description, monthly_fee, annual_monthly_fee, currency, free_trial_days, seat_limit
            case features, publicly_visible
            case isDefault = "default"
        }
    }

    var user_enabled: Bool?, organization_enabled: Bool?, free_trial_requires_payment_method: Bool?
    var gateway_latency_ms: Int?
    var features: [Feature]?, plans: [Plan]?

    func apply(to b: inout BillingSettings) throws {
        if let v = user_enabled { b.userEnabled = v }
        if let v = organization_enabled { b.organizationEnabled = v }
        if let v = free_trial_requires_payment_method { b.freeTrialRequiresPaymentMethod = v }
        if let v = gateway_latency_ms { b.gatewayLatencyMilliseconds = v }
        for feature in features ?? [] {
            b.features.append(BillingFeatureDefinition(slug: feature.slug, name: feature.name ?? feature.slug,
                                                       description: feature.description ?? ""))
        }
        for plan in plans ?? [] { b.plans.append(try plan.definition()) }
    }
}

extension BillingDocument.Plan {
    func definition() throws -> BillingPlanDefinition {
        guard let slug, !slug.isEmpty else { throw SettingsFile.Invalid(description: "billing: every plan needs a slug") }
        let kind: BillingPayerKind
        switch (payer ?? "user").lowercased() {
        case "user": kind = .user
        case "org", "organization": kind = .organization
        default: throw SettingsFile.Invalid(description: "billing: plan \(slug): payer must be \"user\" or \"organization\"")
        }
        let annual = annual_monthly_fee?.cents ?? 0
        return BillingPlanDefinition(
            payer: kind, slug: slug, name: name ?? slug, description: description ?? "", monthlyFee: monthly_fee?.cents ?? 0,
            annualMonthlyFee: annual > 0 ? annual : nil, currency: (currency ?? "USD").uppercased(),
            isDefault: isDefault ?? false, freeTrialDays: free_trial_days ?? 0, seatLimit: seat_limit ?? 0,
            features: features ?? [], publiclyVisible: publicly_visible ?? true)
    }
}

/// A price in a TOML file, in the currency's major unit: `20`, `19.99` or `"19.99"`, kept as whole cents.
struct MoneyAmount: Decodable {
    let cents: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let whole = try? container.decode(Int.self) {
            cents = whole * 100
        } else if let number = try? container.decode(Double.self), number.isFinite {
            cents = Int((number * 100).rounded())
        } else if let text = try? container.decode(String.self), let value = Decimal(string: text) {
            cents = NSDecimalNumber(decimal: value * 100).rounding(accordingToBehavior: nil).intValue
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a price such as 20 or 19.99")
        }
    }
}
