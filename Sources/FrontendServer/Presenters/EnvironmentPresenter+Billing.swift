import FrontendAPI

extension EnvironmentPresenter {
    /// `commerce_settings.billing`: which payers may subscribe and whether they have paid plans. There is no Stripe
    /// account behind this server (`stripe_publishable_key` is null): cards go to the development gateway.
    var commerceSettings: CommerceSettings {
        let catalog = BillingCatalog(settings: settings.billing)
        func payer(_ kind: BillingPayerKind) -> CommerceSettings.Payer {
            let enabled = settings.billing.enabled(for: kind)
            return CommerceSettings.Payer(enabled: enabled, hasPaidPlans: enabled && catalog.hasPaidPlans(kind))
        }
        return CommerceSettings(billing: CommerceSettings.Billing(
            stripePublishableKey: nil, freeTrialRequiresPaymentMethod: settings.billing.freeTrialRequiresPaymentMethod,
            user: payer(.user), organization: payer(.organization)))
    }
}
