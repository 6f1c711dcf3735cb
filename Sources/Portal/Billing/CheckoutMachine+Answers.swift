import FrontendAPI

extension CheckoutMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    func isBackground(_ purpose: Purpose) -> Bool { purpose == .methods }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        switch (pending.purpose, result) {
        case (.create, .checkout(let checkout)):
            self.checkout = checkout
            loaded.insert(.create)
            return showForm()
        case (.methods, .paymentMethods(let page)):
            paymentMethods = page.data.filter(\.isDefault) + page.data.filter { !$0.isDefault }
            loaded.insert(.methods)
            return showForm()
        case (.initialize, .paymentMethodInitialize(let initialized)):
            gateway = initialized.externalGatewayID
            return []
        case (.tokenize, .paymentToken(let token)):
            return confirm(.newCard(gateway: DevelopmentGateway.name, paymentToken: token))
        case (.confirm, .checkout(let checkout)):
            return confirmed(checkout)
        default:
            return []
        }
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        switch pending.purpose {
        case .create:
            step = .failed
            errors = FormErrors(card: Self.reason(failure))
            return []
        case .confirm where Self.confirmIsRunning(failure) && confirmRetries < Self.confirmRetryLimit:
            // Keep `confirmation`: the timer sends it again.
            confirmRetries += 1
            return [.startTimer(requests.timer(.retryDelay), every: Self.confirmRetryDelay, repeats: false)]
        default:
            confirmation = nil
            errors = FormErrors(failure.errors, fieldNames: CardForm.fieldNames)
            if let seconds = failure.rateLimitSeconds { errors.card = Copy.rateLimited(seconds: seconds) }
            return []
        }
    }

    /// The wait for another confirm is over: this one goes again.
    mutating func timerFired(_ kind: TimerID.Kind) -> [Effect] {
        guard kind == .retryDelay, let confirmation, let checkout else { return [] }
        return [send(.confirmCheckout(id: checkout.id, confirmation), .confirm)]
    }

    /// The confirm answered: complete, the card typed forgotten.
    private mutating func confirmed(_ checkout: BillingCheckout) -> [Effect] {
        self.checkout = checkout
        confirmation = nil
        guard checkout.status == "completed" else { return [] }
        card = CardForm()
        step = .complete
        return []
    }

    /// What clerk-js retries: another request confirming the same checkout, or a server error.
    static func confirmIsRunning(_ failure: PortalFailure) -> Bool {
        guard case .api(let status, _, _) = failure else { return false }
        return status >= 500 || (status == 409 && failure.code == "checkout_already_in_progress")
    }

    /// Why a checkout could not start: Clerk's own wording for an impossible plan change, else the server's.
    static func reason(_ failure: PortalFailure) -> String? {
        if let change = failure.error(code: "invalid_plan_change") {
            let upgradePossible = change.meta?.other["is_plan_upgrade_possible"] == .bool(true)
            return upgradePossible ? Copy.Billing.cannotSubscribeMonthly : Copy.Billing.cannotSubscribeUnrecoverable
        }
        return failure.errors.first?.longMessage ?? Copy.serverUnavailable
    }
}
