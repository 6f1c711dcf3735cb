/// Billing configuration (`commerce_settings`): whether users and organizations may subscribe and whether they have
/// paid plans; `stripe_publishable_key` is null on the local server, whose payments go to its development gateway.
public struct CommerceSettings: Codable, Sendable, Equatable {
    public var billing: Billing

    /// Billing off for users and organizations.
    public static let disabled = CommerceSettings(billing: Billing())

    public init(billing: Billing) {
        self.billing = billing
    }

    enum CodingKeys: String, CodingKey { case billing }

    public init(from decoder: any Decoder) throws {
        billing = try decoder.container(keyedBy: CodingKeys.self).decode(.billing, default: Billing())
    }

    /// `billing`.
    public struct Billing: Codable, Sendable, Equatable {
        public var stripePublishableKey: String?
        public var freeTrialRequiresPaymentMethod: Bool
        public var user: Payer
        public var organization: Payer

        public init(
            stripePublishableKey: String? = nil, freeTrialRequiresPaymentMethod: Bool = false,
            user: Payer = Payer(), organization: Payer = Payer()
        ) {
            self.stripePublishableKey = stripePublishableKey
            self.freeTrialRequiresPaymentMethod = freeTrialRequiresPaymentMethod
            self.user = user
            self.organization = organization
        }

        enum CodingKeys: String, CodingKey {
            case user, organization
            case stripePublishableKey = "stripe_publishable_key"
            case freeTrialRequiresPaymentMethod = "free_trial_requires_payment_method"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            stripePublishableKey = try c.decodeIfPresent(String.self, forKey: .stripePublishableKey)
            freeTrialRequiresPaymentMethod = try c.decode(.freeTrialRequiresPaymentMethod, default: false)
            user = try c.decode(.user, default: Payer())
            organization = try c.decode(.organization, default: Payer())
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(stripePublishableKey, forKey: .stripePublishableKey)
            try c.encode(freeTrialRequiresPaymentMethod, forKey: .freeTrialRequiresPaymentMethod)
            try c.encode(user, forKey: .user)
            try c.encode(organization, forKey: .organization)
        }
    }

    /// Billing availability for one payer kind.
    public struct Payer: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var hasPaidPlans: Bool

        public init(enabled: Bool = false, hasPaidPlans: Bool = false) {
            self.enabled = enabled
            self.hasPaidPlans = hasPaidPlans
        }

        enum CodingKeys: String, CodingKey {
            case enabled
            case hasPaidPlans = "has_paid_plans"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try c.decode(.enabled, default: false)
            hasPaidPlans = try c.decode(.hasPaidPlans, default: false)
        }
    }
}
