import FrontendAPI

/// A component with a Billing page: UserProfile for the user, OrganizationProfile for the active organization. The
/// billing sections are generic over it, so both pages are the same sections for another payer.
public protocol BillingHost: SectionHost {
    /// The page the billing sections are on.
    static var billingPage: Page { get }
    /// Whose billing the page shows, and what the member may do there, from what the sections read.
    static func billingAccount(_ subject: Subject) -> BillingAccount
    /// The same, for views.
    var billingAccount: BillingAccount { get }
}

extension SectionContext where Host: BillingHost {
    var billing: BillingAccount { Host.billingAccount(subject) }

    /// A billing call of the card, for the page's payer.
    mutating func send(_ call: BillingCall, _ purpose: Purpose) { send(billing.call(call), purpose) }

    /// A billing call behind the page (its lists), for the page's payer.
    mutating func load(_ call: BillingCall, _ purpose: Purpose) { load(billing.call(call), purpose) }

    /// Hands over to the PricingTable or the Checkout.
    mutating func handOff(_ handOff: BillingHandOff) { finish(.billing(handOff)) }
}
