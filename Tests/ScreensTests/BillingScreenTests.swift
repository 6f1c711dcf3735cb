import Foundation
import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// A signed-in Ada on plus billed monthly with a Visa, on an instance where users may subscribe. The billing objects
/// are the wire's JSON, as `Config/examples/billing.toml` answers them.
@Sendable func billingScript(_ call: BackendCall, _ client: Client?) -> (BackendOutcome, Client?) {
    var ada = Fixtures.session("sess_a", "ada@acme.test", first: "Ada")
    ada.user = ProfileFixtures.user
    let signedIn = Fixtures.client([ada], active: "sess_a")
    var environment = Fixtures.environment()
    environment.commerceSettings = CommerceSettings(billing: .init(user: .init(enabled: true, hasPaidPlans: true)))
    let answer: BackendResult? = switch call {
    case .loadEnvironment: .environment(environment)
    case .loadClient: .client(signedIn)
    case .profile(_, .loadUser): .user(ProfileFixtures.user)
    case .billing(_, _, let call): BillingWire.answer(call)
    default: nil
    }
    return (answer.map { .success($0) } ?? .failure(.unavailable(reason: "unscripted")), signedIn)
}

/// The billing wire objects of the screen tests, decoded from JSON as the client decodes them.
enum BillingWire {
    static func answer(_ call: BillingCall) -> BackendResult? {
        switch call {
        case .plans: .plans(PaginatedList(data: [plan(free), plan(pro), plan(plus)], totalCount: 3))
        case .subscription: .subscription(decode(subscription))
        case .paymentMethods: .paymentMethods(PaginatedList(data: [decode(visa)], totalCount: 1))
        case .initializePaymentMethod: .paymentMethodInitialize(decode(#"{"external_gateway_id":"development"}"#))
        case .createCheckout: .checkout(decode(checkout("needs_confirmation")))
        case .confirmCheckout: .checkout(decode(checkout("completed")))
        case .statements: .statements(PaginatedList(data: [decode(statement)], totalCount: 1))
        case .statement: .statement(decode(statement))
        case .paymentAttempts: .paymentAttempts(PaginatedList(data: [decode(attempt)], totalCount: 1))
        case .paymentAttempt: .paymentAttempt(decode(attempt))
        default: nil
        }
    }

    static func decode<T: Decodable>(_ json: String) -> T { try! FAPIJSON.decode(T.self, from: Data(json.utf8)) }

    static func money(_ cents: Int) -> String {
        #"{"amount":\#(cents),"amount_formatted":"\#(cents / 100).\#(String(format: "%02d", cents % 100))","currency":"USD","currency_symbol":"$"}"#
    }

    static func plan(_ json: String) -> BillingPlan { decode(json) }

    static let feature = #"{"id":"feat_reports","name":"Reports","slug":"reports"}"#
    static let free = #"{"id":"cplan_free","name":"Free","slug":"free_user","fee":\#(money(0)),"is_default":true,"description":"Everything to get started.","features":[]}"#
    static let pro = #"{"id":"cplan_pro","name":"Pro","slug":"pro","fee":\#(money(2000)),"annual_monthly_fee":\#(money(1600)),"annual_fee":\#(money(19200)),"free_trial_enabled":true,"free_trial_days":14,"description":"Reports for people who ship.","features":[\#(feature)]}"#
    static let plus = #"{"id":"cplan_plus","name":"Plus","slug":"plus","fee":\#(money(5000)),"annual_monthly_fee":\#(money(4000)),"annual_fee":\#(money(48000)),"description":"Everything in Pro.","features":[\#(feature)]}"#

    /// 2026-12-29 and a month later, in milliseconds.
    static let start = 1_798_502_400_000, renewal = 1_801_180_800_000
    static let visa = #"{"id":"cpm_visa","payment_type":"card","card_type":"visa","last4":"4242","is_default":true,"is_removable":false,"expiry_month":12,"expiry_year":2034}"#
    static let item = #"{"id":"csubi_plus","status":"active","plan":\#(plus),"plan_period":"month","amount":\#(money(5000)),"is_free_trial":false,"period_start":\#(start),"period_end":\#(renewal),"created_at":\#(start)}"#
    static let subscription = #"{"id":"csub_1","status":"active","subscription_items":[\#(item)],"next_payment":{"amount":\#(money(5000)),"date":\#(renewal)},"eligible_for_free_trial":false,"created_at":\#(start)}"#
    static let payer = #"{"id":"cpayer_1","user_id":"user_1"}"#

    static func checkout(_ status: String) -> String {
        let totals = #"{"subtotal":\#(money(48000)),"base_fee":\#(money(48000)),"grand_total":\#(money(48000)),"total_due_now":\#(money(46333)),"total_due_per_period":\#(money(48000)),"credits":{"proration":{"amount":\#(money(1667)),"cycle_days_remaining":10,"cycle_days_total":31,"cycle_remaining_percent":32.3},"total":\#(money(1667))}}"#
        return #"{"id":"cchk_1","plan":\#(plus),"plan_period":"annual","payer":\#(payer),"status":"\#(status)","totals":\#(totals),"is_immediate_plan_change":true,"needs_payment_method":true,"payment_method":\#(visa),"plan_period_start":\#(start)}"#
    }

    static let attempt = #"{"id":"cpay_1","charge_type":"checkout","payee":{"id":"cpayee_1"},"payer":\#(payer),"subscription_item":\#(item),"amount":\#(money(5000)),"totals":{"subtotal":\#(money(5000)),"grand_total":\#(money(5000))},"payment_method":\#(visa),"statement_id":"cstmt_1","status":"paid","paid_at":\#(start),"created_at":\#(start)}"#
    static let statement = #"{"id":"cstmt_1","timestamp":\#(start),"payer":\#(payer),"status":"open","totals":{"subtotal":\#(money(5000)),"grand_total":\#(money(5000))},"groups":[{"timestamp":\#(start),"items":[\#(attempt)]}]}"#
}

@Suite struct BillingScreenTests {
    static func home() async -> ScreenDriver { await ScreenDriver(backend: ScriptedBackend(respond: billingScript)) }

    /// Home → account menu → "Manage account" → Billing.
    static func billingPage() async -> ScreenDriver {
        var driver = await home()
        await driver.press(.enter, .enter)  // the menu, "Manage account"
        await driver.press(.down, .enter)  // "Billing ›"
        return driver
    }

    @Test func thePricingTableAndAPlansDetails() async {
        var driver = await Self.home()
        await driver.press(.down, .enter)  // "Plans"
        driver.expectSnapshot("billing-pricing-table")
        await driver.press(.down, .down, .enter)  // Pro
        driver.expectSnapshot("billing-plan")
    }

    @Test func theCheckoutSummaryPaysAndCompletes() async {
        var driver = await Self.home()
        await driver.press(.down, .enter)  // "Plans"
        await driver.press(.down, .down, .down, .enter)  // Plus
        await driver.press(.enter, .down, .enter)  // "Billed annually", "Switch to annual"
        driver.expectSnapshot("billing-checkout")
        await driver.press(.down, .down, .down, .enter)  // past the sources and the Visa: "Pay $463.33"
        driver.expectSnapshot("billing-checkout-complete")
    }

    @Test func theBillingPageAndTheSubscriptionsDetails() async {
        var driver = await Self.billingPage()
        driver.expectSnapshot("billing-page")
        await driver.press(.down, .down, .enter)  // Plus
        driver.expectSnapshot("billing-subscription")
        await driver.press(.down, .enter)  // "Cancel subscription"
        driver.expectSnapshot("billing-cancel")
    }

    @Test func aNewCardStatementsAndPayments() async {
        var driver = await Self.billingPage()
        await driver.press(.down, .down, .down, .down, .down, .enter)  // "+ Add new payment method"
        await driver.type("4242424242424242")
        driver.expectSnapshot("billing-add-card")
        #expect(!driver.frame.contains("4242424242424242"))
        await driver.press(.escape, .down, .down, .down, .down, .down, .down, .enter)  // the statement
        driver.expectSnapshot("billing-statement")
        await driver.press(.escape, .down, .down, .down, .down, .down, .down, .down, .enter)  // the payment
        driver.expectSnapshot("billing-payment")
    }

    /// Stripe's test cards, typed in these tests and in the end-to-end suite: no recorded frame holds one, however
    /// spaced (a masked field draws bullets).
    @Test func noSnapshotHoldsACardNumber() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let cards = ["4242424242424242", "4000000000000002", "4000000000009995"]
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        #expect(files.contains { $0.lastPathComponent == "billing-add-card.txt" })
        for file in files {
            let digits = try String(contentsOf: file, encoding: .utf8).filter { !$0.isWhitespace }
            for card in cards { #expect(!digits.contains(card), "\(file.lastPathComponent) holds a card number") }
        }
    }
}
