import Foundation
import FrontendAPI
import Testing

@testable import Portal

/// The PricingTable's calls to action as clerk-js words them, for the plans a payer is on or not.
@Suite struct PricingTableMachineTests {
    typealias B = BillingFixtures
    static let user = BillingAccount.user(sessionID: "sess_a")

    static func call(_ call: BillingCall) -> BackendCall { .billing(sessionID: "sess_a", payer: .user, call) }

    static func table(_ subscription: BillingSubscription, account: BillingAccount = user) -> PricingTableMachine {
        var machine = PricingTableMachine(account: account, origin: .home, scope: 4)
        let effects = machine.start()
        #expect(effects.calls() == [account.call(.plans), account.call(.subscription)])
        _ = answer(&machine, effects, 0, .success(.plans(B.plans)))
        _ = answer(&machine, effects, 1, .success(.subscription(subscription)))
        return machine
    }

    static func answer(_ machine: inout PricingTableMachine, _ effects: [PricingTableMachine.Effect], _ index: Int,
                       _ outcome: BackendOutcome) -> [PricingTableMachine.Effect] {
        guard case .call(let id, _) = effects.filter({ if case .call = $0 { true } else { false } })[index] else { return [] }
        return machine.update(.response(id, outcome))
    }

    // MARK: PricingTable

    @Test func aNewPayerIsOfferedTrialsAndSubscriptionsBilledAnnually() {
        var table = Self.table(B.subscription([B.item(B.free)]))
        #expect(table.period == .annual && !table.isLoading)
        #expect(table.footer(B.pro) == .action("Start 14-day free trial", enabled: true))
        #expect(table.footer(B.plus) == .action("Subscribe", enabled: true))
        #expect(table.footer(B.free) == .none, "the free plan the payer is on offers nothing")
        _ = table.update(.togglePeriod)
        let choose = table.update(.select(planID: B.plus.id))
        #expect(choose.outcomes() == [.checkout(CheckoutRequest(account: Self.user, planID: B.plus.id, period: .month))])
    }

    @Test func aPayerOnAPaidPlanSwitchesOrManagesIt() {
        let table = Self.table(B.subscription([B.item(B.plus)], eligibleForTrial: false))
        #expect(table.period == .month, "the table starts as the plan paid for is billed")
        #expect(table.footer(B.plus) == .none)
        #expect(table.footer(B.pro) == .action("Switch to this plan", enabled: true), "no trial once one was used")
        var annual = table
        _ = annual.update(.togglePeriod)
        #expect(annual.footer(B.plus) == .action("Switch to annual", enabled: true))
        #expect(annual.update(.select(planID: B.plus.id)).outcomes() == [
            .checkout(CheckoutRequest(account: Self.user, planID: B.plus.id, period: .annual)),
        ])
    }

    @Test func aCancelledPlanCanBeResubscribedAndATrialShowsItsEnd() {
        let canceled = Self.table(B.subscription([B.item(B.plus, canceled: true), B.item(B.free, "upcoming")]))
        #expect(canceled.footer(B.plus) == .action("Resubscribe", enabled: true))
        #expect(canceled.footer(B.free) == .notice("Starts Dec 29, 2026"))
        let trial = Self.table(B.subscription([B.item(B.pro, trial: true)], eligibleForTrial: false))
        #expect(trial.footer(B.pro) == .notice("Trial ends Jan 29, 2027"))
    }

    @Test func aMemberWhoCannotManageBillingSeesWhy() {
        let reader = BillingAccount(sessionID: "sess_a", payer: .organization(id: "org_1"), canRead: true, canManage: false)
        var table = Self.table(B.subscription([B.item(B.free)]), account: reader)
        #expect(table.footer(B.plus) == .action("Subscribe", enabled: false))
        #expect(table.restriction(B.plus) == "You do not have permissions to manage billing for this organization.")
        #expect(table.update(.select(planID: B.plus.id)).isEmpty)
        #expect(table.update(.openPlan(id: B.plus.id)).isEmpty && table.step == .plan(id: B.plus.id))
        #expect(table.update(.back).isEmpty && table.step == .list)
        #expect(table.update(.back).outcomes() == [.close])
    }
}
