import FrontendAPI

extension PricingTableMachine {
    /// The first effects: the plans for the payer's kind and the payer's subscription.
    public mutating func start() -> [Effect] {
        [requests.send(account.call(.plans), .plans), requests.send(account.call(.subscription), .subscription)]
    }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .togglePeriod:
            period = period == .annual ? .month : .annual
            return []
        case .openPlan(let id):
            guard plan(id) != nil else { return [] }
            errors = .none
            step = .plan(id: id)
            return []
        case .select(let planID):
            return select(planID)
        case .back:
            guard case .plan = step else { return [.finish(.close)] }
            errors = .none
            step = .list
            return []
        case .retry:
            return retryLoads()
        case .response(let id, let outcome):
            return receive(id, outcome)
        }
    }

    /// The plan's call to action: the item's details for the plan the payer keeps, otherwise a checkout for the
    /// period shown (or the only one the plan has).
    private mutating func select(_ planID: String) -> [Effect] {
        guard let plan = plan(planID), case .action(_, true) = footer(plan) else { return [] }
        if let item = item(for: plan), item.canceledAt == nil, item.planPeriod == checkoutPeriod(plan).rawValue {
            return [.finish(.manage(itemID: item.id))]
        }
        return [.finish(.checkout(CheckoutRequest(account: account, planID: plan.id, period: checkoutPeriod(plan))))]
    }

    /// The period of the plan the payer is moving to or paying for, else annual, as Clerk's compact table starts.
    static func startingPeriod(_ subscription: BillingSubscription) -> BillingPlanPeriod {
        let items = subscription.subscriptionItems
        let upcoming = items.first { $0.status == "upcoming" }
        let paying = items.first { $0.status == "active" && $0.canceledAt == nil && $0.plan?.isDefault == false }
        return (upcoming ?? paying).map { BillingFormat.period($0.planPeriod) } ?? .annual
    }

    /// "Try again": the lists that did not load.
    private mutating func retryLoads() -> [Effect] {
        guard !isBusy else { return [] }
        requests.unavailable = nil
        var effects: [Effect] = []
        if !loaded.contains(.plans) { effects.append(requests.send(account.call(.plans), .plans)) }
        if !loaded.contains(.subscription) { effects.append(requests.send(account.call(.subscription), .subscription)) }
        return effects
    }
}

extension PricingTableMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        switch result {
        case .plans(let page): plans = page.data
        case .subscription(let subscription):
            self.subscription = subscription
            period = Self.startingPeriod(subscription)
        default: break
        }
        loaded.insert(pending.purpose)
        return []
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        errors = FormErrors(failure.errors, fieldNames: [])
        return []
    }
}
