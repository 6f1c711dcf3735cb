/// Billing's state for the life of the process: the catalog built from the settings, and the entitlements token
/// requests read moments ago. (Which checkouts are being confirmed is in the store, for every node: `Leases`.)
final class BillingRuntime: Sendable {
    let catalog: BillingCatalog
    /// Token requests' payer entitlements of the last second (see `BillingClaimsReader`).
    let recentEntitlements: RecentRows<BillingOwner, PayerEntitlement>

    /// `reuse`: how long read rows may be handed out again (0 on a shared store).
    init(settings: BillingSettings, reuse: Int64 = 1000) {
        catalog = BillingCatalog(settings: settings)
        recentEntitlements = RecentRows(maxAge: reuse)
    }
}

/// Who a payer is: a user or an organization, by id.
enum BillingOwner: Hashable, Sendable {
    case user(String)
    case organization(String)

    var kind: BillingPayerKind {
        switch self {
        case .user: .user
        case .organization: .organization
        }
    }

    /// The payer row's column holding the owner's id.
    var column: String {
        switch self {
        case .user: "user_id"
        case .organization: "organization_id"
        }
    }

    var id: String {
        switch self {
        case .user(let id), .organization(let id): id
        }
    }
}

/// The plan a payer is entitled to right now and its features, and until when that holds without settling.
struct PayerEntitlement: Sendable, Equatable {
    let planSlug: String
    let featureSlugs: [String]
    /// When something falls due and the payer must be settled; nil: never.
    let settleAt: Int64?
}
