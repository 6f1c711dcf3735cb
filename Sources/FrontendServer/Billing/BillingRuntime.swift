import Synchronization

/// Billing's state for the life of the process: the catalog built from the settings, the checkouts being confirmed
/// right now, and the entitlements token requests read moments ago.
final class BillingRuntime: Sendable {
    let catalog: BillingCatalog
    /// Token requests' payer entitlements of the last second (see `BillingClaimsReader`).
    let recentEntitlements = RecentRows<BillingOwner, PayerEntitlement>(maxAge: 1000)
    private let confirming = Mutex<Set<String>>([])

    init(settings: BillingSettings) {
        catalog = BillingCatalog(settings: settings)
    }

    /// Marks `checkoutID` as being confirmed; false when a confirm of it is already running.
    func beginConfirm(_ checkoutID: String) -> Bool {
        confirming.withLock { $0.insert(checkoutID).inserted }
    }

    func endConfirm(_ checkoutID: String) {
        _ = confirming.withLock { $0.remove(checkoutID) }
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
