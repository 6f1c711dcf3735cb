import FrontendAPI

/// How the portal opens the PricingTable and the Checkout, and where they return: the home ("Plans"), or the Billing
/// page of UserProfile or OrganizationProfile they were opened from.
extension PortalMachine {
    var billingConfig: BillingConfig { environment.map(BillingConfig.init) ?? BillingConfig() }

    /// Whose plans the home's "Plans" shows: the active organization's when organizations may subscribe and the member
    /// may see its billing, otherwise the user's when users may subscribe.
    func homeBillingAccount(_ sessionID: String) -> BillingAccount? {
        let config = billingConfig
        guard let session = client?.sessions.first(where: { $0.id == sessionID }) else { return nil }
        if config.organizationEnabled, let membership = session.user?.organizationMemberships?
            .first(where: { $0.organization.id == session.lastActiveOrganizationID }) {
            let account = BillingAccount.organization(sessionID: sessionID, membership: membership)
            if account.canRead { return account }
        }
        return config.userEnabled ? .user(sessionID: sessionID) : nil
    }

    mutating func showPlans(_ sessionID: String) -> [Effect] {
        guard let account = homeBillingAccount(sessionID) else { return [] }
        return showPricingTable(account, origin: .home)
    }

    mutating func showPricingTable(_ account: BillingAccount, origin: BillingOrigin) -> [Effect] {
        var machine = PricingTableMachine(account: account, origin: origin, scope: nextScope())
        let effects = machine.start()
        route = .pricingTable(machine)
        return absorb(effects) { $0.pricingTableFinished($1, origin: origin) }
    }

    mutating func showCheckout(_ request: CheckoutRequest, returnTo: CheckoutReturn) -> [Effect] {
        var machine = CheckoutMachine(
            request: request, returnTo: returnTo, offersTestCard: billingConfig.isDevelopment, scope: nextScope())
        let effects = machine.start()
        route = .checkout(machine)
        return absorb(effects) { $0.checkoutFinished($1, request: request, returnTo: returnTo) }
    }

    /// A Billing page's "Switch plans" or "Switch to annual".
    mutating func billingHandOff(_ handOff: BillingHandOff, origin: BillingOrigin) -> [Effect] {
        switch handOff {
        case .plans(let account): showPricingTable(account, origin: origin)
        case .checkout(let request): showCheckout(request, returnTo: .origin(origin))
        }
    }

    mutating func pricingTableFinished(_ outcome: PricingTableOutcome, origin: BillingOrigin) -> [Effect] {
        guard case .pricingTable(let table) = route else { return [] }
        switch outcome {
        case .close: return back(to: origin, table.account)
        case .checkout(let request): return showCheckout(request, returnTo: .pricingTable(origin))
        case .manage(let itemID): return manageSubscription(itemID, table.account)
        }
    }

    mutating func checkoutFinished(_ outcome: CheckoutOutcome, request: CheckoutRequest, returnTo: CheckoutReturn) -> [Effect] {
        switch returnTo {
        case .pricingTable(let origin): showPricingTable(request.account, origin: origin)
        case .origin(let origin): back(to: origin, request.account)
        }
    }

    /// Back where a billing flow was opened.
    private mutating func back(to origin: BillingOrigin, _ account: BillingAccount) -> [Effect] {
        switch origin {
        case .home: settle()
        case .profile: showProfile(account.sessionID, page: .billing)
        case .organizationProfile: manageOrganization(account.sessionID, page: .billing)
        }
    }

    /// "Manage subscription": the item's details on its payer's Billing page.
    private mutating func manageSubscription(_ itemID: String, _ account: BillingAccount) -> [Effect] {
        switch account.payer {
        case .user:
            return showProfile(account.sessionID, page: .billing)
                + forward(.profile(BillingSubscriptionSection<ProfileMachine>.open(.details(itemID: itemID))))
        case .organization:
            return manageOrganization(account.sessionID, page: .billing)
                + forward(.organizationProfile(BillingSubscriptionSection<OrganizationProfileMachine>.open(.details(itemID: itemID))))
        }
    }
}
