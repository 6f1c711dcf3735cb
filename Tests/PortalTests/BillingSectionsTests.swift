import Foundation
import FrontendAPI
import Testing

@testable import Portal

/// The Billing page's sections, the same types for UserProfile and OrganizationProfile: the lists they load, cancelling
/// with Clerk's confirmation, the payment methods (a card typed for the development gateway, the default, removal),
/// statements and payments, the hand-offs to the PricingTable and the Checkout, and an organization's permissions.
@Suite struct BillingSectionsTests {
    typealias B = BillingFixtures
    typealias Subscription = BillingSubscriptionSection<ProfileMachine>
    typealias Methods = BillingPaymentMethodsSection<ProfileMachine>

    static func call(_ call: BillingCall) -> BackendCall { .billing(sessionID: "sess_a", payer: .user, call) }

    static func billingPage() -> (ProfileMachine, [ProfileMachine.Effect]) {
        var config = ProfileMachineTests.config()
        config.billing = true
        var machine = ProfileMachineTests.machine(config: config)
        let effects = machine.update(.showPage(.billing))
        return (machine, effects)
    }

    static func answer(_ machine: inout ProfileMachine, _ effects: [ProfileMachine.Effect], _ call: BackendCall,
                       _ outcome: BackendOutcome) -> [ProfileMachine.Effect] {
        guard case .call(let id, _)? = effects.first(where: { if case .call(_, call) = $0 { true } else { false } }) else {
            Issue.record("no call \(call) among \(effects)")
            return []
        }
        return machine.update(.response(id, outcome))
    }

    @Test func theBillingPageLoadsItsFourLists() {
        let (_, effects) = Self.billingPage()
        #expect(effects.calls() == [
            Self.call(.subscription), Self.call(.paymentMethods), Self.call(.statements(offset: 0)),
            Self.call(.paymentAttempts(offset: 0)),
        ])
    }

    @Test func cancellingAsksFirstThenReloadsThePage() {
        var (machine, effects) = Self.billingPage()
        let subscription = B.subscription([B.item(B.plus), B.item(B.free, "upcoming")])
        _ = Self.answer(&machine, effects, Self.call(.subscription), .success(.subscription(subscription)))
        #expect(machine.sections[Subscription.self].items.map(\.id) == ["csubi_plus", "csubi_free_user"])
        effects = machine.update(Subscription.open(.details(itemID: "csubi_plus")))
        #expect(effects.calls() == [Self.call(.subscription)], "the details read the subscription afresh")
        _ = machine.update(Subscription.open(.cancel(itemID: "csubi_plus")))
        #expect(machine.update(.back).isEmpty && machine.step(of: Subscription.self) == .details(itemID: "csubi_plus"),
                "Keep subscription returns to the details")
        _ = machine.update(Subscription.open(.cancel(itemID: "csubi_plus")))
        let cancel = machine.update(.submit)
        #expect(cancel.calls() == [Self.call(.cancelItem(id: "csubi_plus"))])
        let reload = Self.answer(&machine, cancel, Self.call(.cancelItem(id: "csubi_plus")),
                                 .success(.subscriptionItem(B.item(B.plus, canceled: true))))
        #expect(machine.showsPage && reload.calls().count == 4)
    }

    @Test func switchingPeriodsAndPlansHandsOverToTheCheckoutAndThePricingTable() {
        var (machine, effects) = Self.billingPage()
        _ = Self.answer(&machine, effects, Self.call(.subscription), .success(.subscription(B.subscription([B.item(B.plus)]))))
        let account = BillingAccount.user(sessionID: "sess_a")
        #expect(machine.update(Subscription.act(.switchPeriod(itemID: "csubi_plus"))).outcomes() == [
            .billing(.checkout(CheckoutRequest(account: account, planID: B.plus.id, period: .annual))),
        ])
        #expect(machine.update(Subscription.act(.plans)).outcomes() == [.billing(.plans(account))])
        #expect(machine.update(Subscription.act(.resubscribe(itemID: "csubi_plus"))).isEmpty, "only a cancelled plan")
    }

    @Test func aCardIsTokenizedThenSavedAndTheListReloads() {
        var (machine, _) = Self.billingPage()
        let initialize = machine.update(Methods.open(.add))
        #expect(initialize.calls() == [Self.call(.initializePaymentMethod)])
        _ = Self.answer(&machine, initialize, Self.call(.initializePaymentMethod), .success(.paymentMethodInitialize(B.initialized)))
        #expect(machine.sections[Methods.self].acceptsCards)
        _ = machine.update(.card(.number("4000000000000002")))
        _ = machine.update(.card(.expiry("1234")))
        _ = machine.update(.card(.securityCode("123")))
        let card = CardDetails(number: "4000000000000002", expiryMonth: "12", expiryYear: "34", securityCode: "123")
        let tokenize = machine.update(.submit)
        #expect(tokenize.calls() == [Self.call(.tokenizeCard(card))])
        let add = Self.answer(&machine, tokenize, Self.call(.tokenizeCard(card)), .success(.paymentToken("tok_dev_1")))
        let save = Self.call(.addPaymentMethod(gateway: "development", paymentToken: "tok_dev_1"))
        #expect(add.calls() == [save])
        _ = Self.answer(&machine, add, save, .failure(Fixtures.failure("card_declined", param: "payment_token",
                                                                       message: "Your card was declined.")))
        #expect(machine.notice == "Your card was declined." && machine.step(of: Methods.self) == .add)
        _ = machine.update(.card(.expiry("13/34")))
        let again = machine.update(.submit)
        _ = Self.answer(&machine, again, again.calls()[0], .failure(Fixtures.failure("invalid_expiry_month", param: "exp_month")))
        #expect(machine.errors["exp_month"] == "message for invalid_expiry_month", "the gateway's error goes under the expiry")
    }

    @Test func theDefaultAndRemovalOfASavedCard() {
        var (machine, effects) = Self.billingPage()
        _ = Self.answer(&machine, effects, Self.call(.paymentMethods),
                        .success(.paymentMethods(PaginatedList(data: [B.mastercard, B.visa], totalCount: 2))))
        #expect(machine.sections[Methods.self].methods.map(\.id) == [B.visa.id, B.mastercard.id])
        _ = machine.update(Methods.open(.menu(id: B.mastercard.id)))
        let makeDefault = machine.update(Methods.act(.makeDefault(id: B.mastercard.id)))
        #expect(makeDefault.calls() == [Self.call(.setDefaultPaymentMethod(id: B.mastercard.id))])
        _ = machine.update(Methods.open(.remove(id: B.mastercard.id)))
        let remove = machine.update(.submit)
        _ = Self.answer(&machine, remove, Self.call(.removePaymentMethod(id: B.mastercard.id)), .success(.paymentMethod(B.mastercard)))
        #expect(machine.success == "Mastercard ⋯ 4444 has been removed from your account.")
    }

    @Test func statementsAndPaymentsOpenTheirDetailsAndPage() {
        typealias Statements = BillingStatementsSection<ProfileMachine>
        var (machine, effects) = Self.billingPage()
        let statement = BillingStatement(
            id: "cstmt_1", instanceID: "ins_1", timestamp: B.start, payer: B.payer, status: "open",
            totals: .init(subtotal: B.usd(5000), baseFee: B.usd(5000), taxTotal: B.usd(0), grandTotal: B.usd(5000)), groups: [])
        _ = Self.answer(&machine, effects, Self.call(.statements(offset: 0)),
                        .success(.statements(PaginatedList(data: [statement], totalCount: 11))))
        #expect(machine.sections[Statements.self].list.hasNext)
        #expect(machine.update(Statements.act(.next)).calls() == [Self.call(.statements(offset: 10))])
        effects = machine.update(Statements.open(.detail(id: "cstmt_1")))
        #expect(effects.calls() == [Self.call(.statement(id: "cstmt_1"))])
        #expect(machine.sections[Statements.self].detail == statement, "shown at once, then as the server has it")
    }

    @Test func anOrganizationMemberWithoutBillingPermissionsSeesNoBilling() {
        var reader = OrganizationProfileMachineTests.machine(permissions: ["org:sys_memberships:read", "org:sys_billing:read"])
        var config = OrganizationProfileConfig()
        config.billing = true
        reader = OrganizationProfileMachine(sessionID: "sess_a", userID: "user_1", membership: reader.membership,
                                            config: config, scope: 9)
        #expect(reader.offersBilling && !reader.billingAccount.canManage)
        let loads = reader.update(.showPage(.billing)).calls()
        #expect(loads.first == .billing(sessionID: "sess_a", payer: .organization(id: "org_acme"), .subscription))
        typealias OrgMethods = BillingPaymentMethodsSection<OrganizationProfileMachine>
        #expect(reader.update(OrgMethods.open(.add)).isEmpty, "adding a card needs org:sys_billing:manage")
        let outsider = OrganizationProfileMachine(
            sessionID: "sess_a", userID: "user_1",
            membership: OrganizationProfileMachineTests.machine(permissions: ["org:sys_memberships:read"]).membership,
            config: config, scope: 9)
        #expect(!outsider.offersBilling)
    }
}
