import Foundation
import FrontendAPI
import Testing

@testable import Portal

/// How the portal reaches the PricingTable and the Checkout and where they return: "Plans" on the home (the user's
/// plans, or the active organization's), the Billing pages, and "Manage subscription".
@Suite struct BillingRoutingTests {
    typealias B = BillingFixtures

    static func environment(users: Bool = true, organizations: Bool = false) -> Environment {
        var environment = Fixtures.environment()
        environment.commerceSettings = CommerceSettings(billing: .init(
            user: .init(enabled: users, hasPaidPlans: true), organization: .init(enabled: organizations, hasPaidPlans: true)))
        environment.organizationSettings = OrganizationSettings(enabled: organizations)
        return environment
    }

    static func home(_ environment: Environment = environment(), session: Session = PortalMachineTests.ada) -> PortalMachine {
        PortalMachineTests.booted(client: Fixtures.client([session], active: session.id), env: environment)
    }

    @Test func plansOnTheHomeLeadToTheCheckoutAndBack() {
        var machine = Self.home()
        guard case .home(let account) = machine.route, account.offersPlans else { Issue.record("no Plans on \(machine.route)"); return }
        let start = machine.update(.account(.openPlans))
        #expect(start.calls() == [.billing(sessionID: "sess_a", payer: .user, .plans),
                                  .billing(sessionID: "sess_a", payer: .user, .subscription)])
        guard case .pricingTable(let table) = machine.route else { Issue.record("no table: \(machine.route)"); return }
        #expect(table.origin == .home)
        _ = PortalMachineTests.answer(&machine, start, [
            .billing(sessionID: "sess_a", payer: .user, .plans): .success(.plans(B.plans)),
            .billing(sessionID: "sess_a", payer: .user, .subscription): .success(.subscription(B.subscription([B.item(B.free)]))),
        ])
        let checkout = machine.update(.pricingTable(.select(planID: B.plus.id)))
        #expect(checkout.calls().first == .billing(sessionID: "sess_a", payer: .user, .createCheckout(planID: B.plus.id, period: .annual)))
        guard case .checkout(let flow) = machine.route else { Issue.record("no checkout: \(machine.route)"); return }
        #expect(flow.returnTo == .pricingTable(.home))
        _ = machine.update(.checkout(.back))
        guard case .pricingTable = machine.route else { Issue.record("not back on the table: \(machine.route)"); return }
        _ = machine.update(.pricingTable(.back))
        guard case .home = machine.route else { Issue.record("not home: \(machine.route)"); return }
    }

    @Test func withoutBillingTheHomeOffersNoPlans() {
        let machine = Self.home(Self.environment(users: false))
        guard case .home(let account) = machine.route else { Issue.record("\(machine.route)"); return }
        #expect(!account.offersPlans)
    }

    @Test func theBillingPageHandsOverAndIsReturnedTo() {
        var machine = Self.home()
        _ = machine.update(.account(.select(.manageAccount)))
        _ = machine.update(.profile(.showPage(.billing)))
        let account = BillingAccount.user(sessionID: "sess_a")
        _ = machine.update(.profile(BillingSubscriptionSection<ProfileMachine>.act(.plans)))
        guard case .pricingTable(let table) = machine.route else { Issue.record("no table: \(machine.route)"); return }
        #expect(table.origin == .profile && table.account == account)
        _ = machine.update(.pricingTable(.back))
        guard case .profile(let profile) = machine.route else { Issue.record("not the profile: \(machine.route)"); return }
        #expect(profile.page == .billing)
    }

    @Test func manageSubscriptionOpensTheItemOnItsBillingPage() {
        var machine = Self.home()
        _ = machine.update(.account(.openPlans))
        let effects = machine.pricingTableFinished(.manage(itemID: "csubi_plus"), origin: .home)
        guard case .profile(let profile) = machine.route else { Issue.record("not the profile: \(machine.route)"); return }
        #expect(profile.page == .billing)
        #expect(profile.step(of: BillingSubscriptionSection<ProfileMachine>.self) == .details(itemID: "csubi_plus"))
        #expect(effects.calls().contains(.billing(sessionID: "sess_a", payer: .user, .subscription)))
    }

    @Test func anActiveOrganizationsMemberSeesItsPlans() {
        var ada = PortalMachineTests.ada
        var user = Fixtures.user
        var membership = OrganizationFixtures.membership(OrganizationFixtures.acme)
        membership.permissions = ["org:sys_billing:read"]
        user.organizationMemberships = [membership]
        ada.user = user
        ada.lastActiveOrganizationID = "org_acme"
        var machine = Self.home(Self.environment(organizations: true), session: ada)
        let start = machine.update(.account(.openPlans))
        #expect(start.calls().first == .billing(sessionID: "sess_a", payer: .organization(id: "org_acme"), .plans))
        guard case .pricingTable(let table) = machine.route else { Issue.record("no table: \(machine.route)"); return }
        #expect(!table.account.canManage && table.account.organizationName == "Acme Inc")
    }
}
