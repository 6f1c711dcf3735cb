import FrontendAPI

extension BillingCall {
    /// Performs the call with `client` for `payer`, acting for `sessionID`: the call's one mapping to a client method.
    func perform(with client: FrontendClient, sessionID id: String, payer: BillingPayerScope) async throws -> BackendResult {
        let limit = Self.pageSize
        switch self {
        case .plans: return .plans(try await client.billingPlans(for: payer))
        case .subscription: return .subscription(try await client.billingSubscription(payer, sessionID: id))
        case .cancelItem(let itemID):
            return .subscriptionItem(try await client.cancelBillingSubscriptionItem(payer, itemID: itemID, sessionID: id))
        case .paymentMethods: return .paymentMethods(try await client.billingPaymentMethods(payer, sessionID: id))
        case .initializePaymentMethod:
            return .paymentMethodInitialize(try await client.initializeBillingPaymentMethod(payer, sessionID: id))
        case .tokenizeCard(let card): return .paymentToken(try await client.tokenizeCard(card))
        case .addPaymentMethod(let gateway, let token):
            return .paymentMethod(
                try await client.addBillingPaymentMethod(payer, gateway: gateway, paymentToken: token, sessionID: id))
        case .removePaymentMethod(let methodID):
            return .paymentMethod(try await client.removeBillingPaymentMethod(payer, methodID: methodID, sessionID: id))
        case .setDefaultPaymentMethod(let methodID):
            return .paymentMethod(try await client.setDefaultBillingPaymentMethod(payer, methodID: methodID, sessionID: id))
        case .createCheckout(let planID, let period):
            return .checkout(try await client.createBillingCheckout(payer, planID: planID, period: period, sessionID: id))
        case .confirmCheckout(let checkoutID, let payment):
            return .checkout(
                try await client.confirmBillingCheckout(payer, checkoutID: checkoutID, payment: payment, sessionID: id))
        case .statements(let offset):
            return .statements(try await client.billingStatements(payer, offset: offset, limit: limit, sessionID: id))
        case .statement(let statementID):
            return .statement(try await client.billingStatement(payer, statementID: statementID, sessionID: id))
        case .paymentAttempts(let offset):
            return .paymentAttempts(try await client.billingPaymentAttempts(payer, offset: offset, limit: limit, sessionID: id))
        case .paymentAttempt(let attemptID):
            return .paymentAttempt(try await client.billingPaymentAttempt(payer, attemptID: attemptID, sessionID: id))
        }
    }
}
