import Crypto
import Foundation

/// The plans and features of the instance's settings, with the ids FAPI shows for them. Ids are derived from the slug,
/// so they stay the same across restarts and subscriptions keep pointing at their plan.
struct BillingCatalog: Sendable {
    let settings: BillingSettings
    let plans: [CatalogPlan]
    private let featuresBySlug: [String: CatalogFeature]

    init(settings: BillingSettings) {
        self.settings = settings
        plans = settings.plans.map(CatalogPlan.init)
        var features: [String: CatalogFeature] = [:]
        for feature in settings.features { features[feature.slug] = CatalogFeature(definition: feature) }
        featuresBySlug = features
    }

    /// Whether any payer kind may subscribe.
    var enabled: Bool { settings.userEnabled || settings.organizationEnabled }

    func plan(id: String) -> CatalogPlan? { plans.first { $0.id == id } }

    /// A plan by id or slug.
    func plan(reference: String) -> CatalogPlan? { plans.first { $0.id == reference || $0.slug == reference } }

    /// The free plan new payers of `kind` start on.
    func defaultPlan(for kind: BillingPayerKind) -> CatalogPlan? { plans.first { $0.payer == kind && $0.definition.isDefault } }

    /// The features a plan grants, in the order the plan lists them.
    func features(of plan: CatalogPlan) -> [CatalogFeature] { plan.definition.features.compactMap { featuresBySlug[$0] } }

    /// Whether payers of `kind` have plans that cost something.
    func hasPaidPlans(_ kind: BillingPayerKind) -> Bool { plans.contains { $0.payer == kind && !$0.definition.isFree } }
}

/// A configured plan and its derived ids.
struct CatalogPlan: Sendable, Equatable {
    let definition: BillingPlanDefinition
    let id: String
    let productID: String

    init(_ definition: BillingPlanDefinition) {
        self.definition = definition
        id = StableID.make("cplan", from: "plan:" + definition.slug)
        productID = StableID.make("cprod", from: "product:" + definition.payer.rawValue)
    }

    var slug: String { definition.slug }
    var payer: BillingPayerKind { definition.payer }
    var currency: String { definition.currency }

    /// What one period costs: the monthly fee, or twelve annual monthly fees; nil when the plan has no such period.
    func price(_ period: BillingPeriod) -> Int64? {
        switch period {
        case .month: Int64(definition.monthlyFee)
        case .annual: definition.annualMonthlyFee.map { Int64($0) * 12 } ?? (definition.isFree ? 0 : nil)
        }
    }

    /// The `price_id` of a subscription to this plan in `period`.
    func priceID(_ period: BillingPeriod) -> String { StableID.make("cprice", from: "price:\(slug):\(period.rawValue)") }
}

/// A configured feature and its derived id.
struct CatalogFeature: Sendable, Equatable {
    let definition: BillingFeatureDefinition
    let id: String

    init(definition: BillingFeatureDefinition) {
        self.definition = definition
        id = StableID.make("feat", from: "feature:" + definition.slug)
    }
}

/// Ids of the Clerk shape (`prefix_` and 27 base62 characters), random or derived from a seed.
enum StableID {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// The same id for the same seed: 27 base62 digits of the seed's SHA-256.
    static func make(_ prefix: String, from seed: String) -> String {
        var value = Array(SHA256.hash(data: Data(seed.utf8)))
        var digits: [Character] = []
        for _ in 0..<27 {
            var remainder = 0
            for index in value.indices {
                let accumulated = remainder * 256 + Int(value[index])
                value[index] = UInt8(accumulated / 62)
                remainder = accumulated % 62
            }
            digits.append(alphabet[remainder])
        }
        return prefix + "_" + String(digits)
    }

    /// A fresh random id.
    static func random(_ prefix: String) -> String { prefix + "_" + RandomToken.base62(27) }
}
