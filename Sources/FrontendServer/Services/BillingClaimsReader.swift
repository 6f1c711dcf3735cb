import SQLKit

/// Reads the plans and features a session token grants. Inside a client render it reads what the clock says now
/// (`BillingSchedule.entitled`) without writing; the token endpoint first settles a payer whose `settle_at` has passed,
/// so renewals are charged within one token refresh of falling due.
struct BillingClaimsReader: Sendable {
    let instance: FrontendInstance
    var catalog: BillingCatalog { instance.billing.catalog }

    /// The claim as of now, read in the caller's transaction; nil while billing is off.
    func claim(userID: String, organizationID: String?, in db: any SQLDatabase) async throws -> BillingClaim? {
        guard catalog.enabled else { return nil }
        var claim = BillingClaim()
        for owner in owners(userID: userID, organizationID: organizationID) {
            fill(&claim, owner: owner, with: try await entitlement(owner, in: db))
        }
        return claim
    }

    /// The claim for a token request: payers due are settled first, and entitlements read moments ago with nothing
    /// written since are reused while nothing falls due.
    func tokenClaim(userID: String, organizationID: String?) async throws -> BillingClaim? {
        guard catalog.enabled else { return nil }
        var claim = BillingClaim()
        for owner in owners(userID: userID, organizationID: organizationID) {
            let now = instance.nowMS
            let entitlement = try await instance.billing.recentEntitlements.value(
                for: owner, generation: instance.database.generation, now: now,
                usable: { entitlement in entitlement.settleAt.map { now < $0 } ?? true }
            ) { [self] in (try await settledEntitlement(owner), true) }
            fill(&claim, owner: owner, with: entitlement)
        }
        return claim
    }

    private func owners(userID: String, organizationID: String?) -> [BillingOwner] {
        var owners: [BillingOwner] = []
        if catalog.settings.userEnabled { owners.append(.user(userID)) }
        if catalog.settings.organizationEnabled, let organizationID { owners.append(.organization(organizationID)) }
        return owners
    }

    private func fill(_ claim: inout BillingClaim, owner: BillingOwner, with entitlement: PayerEntitlement) {
        guard !entitlement.planSlug.isEmpty else { return }
        switch owner {
        case .user:
            claim.userPlan = entitlement.planSlug
            claim.userFeatures = entitlement.featureSlugs
        case .organization:
            claim.organizationPlan = entitlement.planSlug
            claim.organizationFeatures = entitlement.featureSlugs
        }
    }

    private func settledEntitlement(_ owner: BillingOwner) async throws -> PayerEntitlement {
        let read = try await instance.database.read { db in try await entitlement(owner, in: db) }
        guard let due = read.settleAt, due <= instance.nowMS else { return read }
        return try await instance.database.write { db in
            let ledger = BillingLedger(instance: instance, db: db)
            if var payer = try await ledger.payer(owner) { try await ledger.settle(&payer) }
            return try await entitlement(owner, in: db)
        }
    }

    /// The plan entitling `owner` now (the default plan for a payer not created yet) and its features.
    func entitlement(_ owner: BillingOwner, in db: any SQLDatabase) async throws -> PayerEntitlement {
        let ledger = BillingLedger(instance: instance, db: db)
        let payer = try await ledger.payer(owner)
        let items = try await payer.asyncMap { try await ledger.liveItems($0.id) } ?? []
        let item = BillingSchedule.entitled(items, now: instance.nowMS)
        guard let plan = item.flatMap({ catalog.plan(id: $0.planId) }) ?? catalog.defaultPlan(for: owner.kind) else {
            return PayerEntitlement(planSlug: "", featureSlugs: [], settleAt: payer?.settleAt)
        }
        return PayerEntitlement(planSlug: plan.slug, featureSlugs: catalog.features(of: plan).map(\.definition.slug),
                                settleAt: payer?.settleAt)
    }
}
