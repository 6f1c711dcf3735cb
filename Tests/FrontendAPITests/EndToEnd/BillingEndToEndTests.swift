import Foundation
import FrontendServer
import Testing
@testable import FrontendAPI

/// The billing calls against the real local server on `Config/examples/billing.toml`: a card tokenized by the
/// development gateway and saved, a declined card that charges nothing, a checkout paid with the saved card, the
/// statement and payment attempt it leaves, cancelling, the session token's `pla` and `fea`, and an organization's
/// billing at its own paths.
@Suite("Billing end to end", .serialized)
struct BillingEndToEndTests {
    static func settings() throws -> InstanceSettings {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try SettingsFile.load(path: root.appending(path: "Config/examples/billing.toml").path)
    }

    static func card(_ number: String) -> CardDetails {
        CardDetails(number: SecretText(number), expiryMonth: "12", expiryYear: "34", securityCode: "123")
    }

    func withBilling(_ body: (LocalInstance) async throws -> Void) async throws {
        let loaded = try Self.settings()
        try await LocalInstance.withRunning(configure: { settings in
            settings = loaded
            settings.password.hashCost = 10
        }, body)
    }

    @Test func aUserSubscribesPaysCancelsAndSeesTheCharge() async throws {
        try await withBilling { local in
            try await local.signUp()
            let client = local.client
            let plans = try await client.billingPlans(for: .user)
            #expect(plans.data.map(\.slug) == ["free_user", "pro", "plus"])
            let free = try await client.billingSubscription(.user)
            #expect(free.subscriptionItems.map { $0.plan?.slug } == ["free_user"] && free.eligibleForFreeTrial)

            #expect(try await client.initializeBillingPaymentMethod(.user).externalGatewayID == "development")
            let token = try await client.tokenizeCard(Self.card("4242 4242 4242 4242"))
            let visa = try await client.addBillingPaymentMethod(.user, gateway: "development", paymentToken: token)
            #expect(visa.last4 == "4242" && visa.isDefault && visa.cardType == "visa")

            let plus = try #require(plans.data.first { $0.slug == "plus" })
            let checkout = try await client.createBillingCheckout(.user, planID: plus.id, period: .month)
            #expect(checkout.totals.totalDueNow?.amountFormatted == "50.00" && checkout.status == "needs_confirmation")
            let declined = try await client.tokenizeCard(Self.card("4000000000000002"))
            let error = await #expect(throws: APIError.self) {
                try await client.confirmBillingCheckout(
                    .user, checkoutID: checkout.id, payment: .newCard(gateway: "development", paymentToken: declined))
            }
            #expect(error?.code == "card_declined" && error?.status == 422)
            #expect(try await client.billingPaymentAttempts(.user).totalCount == 0, "the declined card charged nothing")

            let done = try await client.confirmBillingCheckout(.user, checkoutID: checkout.id, payment: .savedMethod(id: visa.id))
            #expect(done.status == "completed" && done.subscriptionItem?.periodEnd != nil)
            #expect(try await client.billingCheckout(.user, checkoutID: checkout.id).status == "completed")
            try await expectTheCharge(client, amount: "50.00")

            let item = try #require(done.subscriptionItem)
            let canceled = try await client.cancelBillingSubscriptionItem(.user, itemID: item.id)
            #expect(canceled.canceledAt != nil && canceled.periodEnd == item.periodEnd)
            let items = try await client.billingSubscriptionItems(.user)
            #expect(items.data.map { "\($0.plan?.slug ?? ""):\($0.status)" } == ["plus:canceled", "free_user:upcoming"])
        }
    }

    private func expectTheCharge(_ client: FrontendClient, amount: String) async throws {
        let statements = try await client.billingStatements(.user)
        let statement = try #require(statements.data.first)
        #expect(statements.totalCount == 1 && statement.totals.grandTotal.amountFormatted == amount)
        #expect(try await client.billingStatement(.user, statementID: statement.id).id == statement.id)
        let attempts = try await client.billingPaymentAttempts(.user)
        let attempt = try #require(attempts.data.first)
        #expect(attempt.status == "paid" && attempt.amount.amountFormatted == amount)
        #expect(try await client.billingPaymentAttempt(.user, attemptID: attempt.id).statementID == statement.id)
        let jwt = try #require(try await client.getToken(skipCache: true))
        let token = try #require(SessionJWT(jwt))
        #expect(token.plans == ["u:plus"] && SessionJWT.billingEntries(token.features, prefix: "u:") == [
            "dashboard", "reports", "priority_support",
        ])
    }

    @Test func theGatewayChecksCardsAndTheTestCardPays() async throws {
        try await withBilling { local in
            try await local.signUp()
            let client = local.client
            let error = await #expect(throws: APIError.self) { try await client.tokenizeCard(Self.card("4242424242424241")) }
            #expect(error?.code == "invalid_number" && error?.errors.first?.meta?.paramName == "number")
            let plus = try await client.billingPlan("plus")
            let checkout = try await client.createBillingCheckout(.user, planID: plus.id, period: .annual)
            #expect(checkout.planPeriod == "annual" && checkout.totals.totalDueNow?.amount == 48_000)
            let done = try await client.confirmBillingCheckout(.user, checkoutID: checkout.id, payment: .testCard)
            #expect(done.paymentMethod?.last4 == "4242" && done.paymentMethod?.gateway == "stripe")
        }
    }

    @Test func anOrganizationPaysAtItsOwnPaths() async throws {
        try await withBilling { local in
            try await local.signUp()
            let client = local.client
            let organization = try await client.createOrganization(name: "Acme")
            let payer = BillingPayerScope.organization(id: organization.id)
            let plans = try await client.billingPlans(for: payer)
            #expect(plans.data.map(\.slug) == ["free_org", "team"] && plans.data.allSatisfy { $0.forPayerType == "org" })
            let token = try await client.tokenizeCard(Self.card("4242424242424242"))
            let card = try await client.addBillingPaymentMethod(payer, gateway: "development", paymentToken: token)
            let team = try #require(plans.data.last)
            let checkout = try await client.createBillingCheckout(payer, planID: team.id, period: .month)
            #expect(checkout.payer.organizationID == organization.id)
            _ = try await client.confirmBillingCheckout(payer, checkoutID: checkout.id, payment: .defaultMethod)
            let attempts = try await client.billingPaymentAttempts(payer)
            #expect(attempts.data.map(\.paymentMethodID) == [card.id])
            #expect(try await client.billingPaymentAttempts(.user).totalCount == 0)
            #expect(try await client.billingSubscription(payer).subscriptionItems.map { $0.plan?.slug } == ["team"])
            try await client.setDefaultBillingPaymentMethod(payer, methodID: card.id)
            let removable = try await client.billingPaymentMethods(payer).data.first?.isRemovable
            #expect(removable == false, "the card of a paid plan stays")
        }
    }
}
