import Foundation
import FrontendAPI
import Logging
import Synchronization
import Testing
@testable import FrontendServer

/// Billing's pure parts (settings, the development gateway's card checks, money, ids, token claims, the schedule) and
/// the promise that card numbers and CVCs never reach the database or the log.
@Suite("Billing: settings, gateway, claims, schedule")
struct BillingTests {
    // MARK: Settings

    @Test func theReadyInstanceParses() throws {
        let settings = try BillingFlows.settings()
        let billing = settings.billing
        #expect(billing.userEnabled && billing.organizationEnabled && billing.freeTrialRequiresPaymentMethod)
        let pro = try #require(billing.plans.first { $0.slug == "pro" })
        #expect(pro.monthlyFee == 2000 && pro.annualMonthlyFee == 1600 && pro.freeTrialDays == 14 && pro.currency == "USD")
        let team = try #require(billing.plans.first { $0.slug == "team" })
        #expect(team.payer == .organization && team.seatLimit == 5 && team.freeTrialDays == 0)
        #expect(billing.plans.filter(\.isDefault).map(\.slug) == ["free_user", "free_org"])
    }

    @Test(arguments: [
        ("[billing]\nuser_enabled = true", "exactly one default"),
        ("[billing]\norganization_enabled = true\n[[billing.plans]]\npayer = \"organization\"\nslug = \"f\"\ndefault = true", "needs organizations"),
        ("[[billing.plans]]\nslug = \"p\"\nmonthly_fee = 5\ndefault = true", "default plan must be free"),
        ("[[billing.plans]]\nslug = \"p\"\nfeatures = [\"nope\"]", "unknown feature"),
        ("[[billing.plans]]\nslug = \"Bad Slug\"", "slug must be"),
        ("[[billing.plans]]\nslug = \"p\"\nmonthly_fee = 5\nseat_limit = 3", "only organization plans"),
        ("[[billing.plans]]\nslug = \"p\"\nfree_trial_days = 7", "free plan has no free trial"),
        ("[[billing.plans]]\nslug = \"p\"\n[[billing.plans]]\nslug = \"p\"", "unique"),
    ])
    func invalidCatalogsAreRefused(toml: String, message: String) {
        #expect {
            try SettingsFile.parse(toml)
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func pricesReadAsMajorUnits() throws {
        let settings = try SettingsFile.parse("""
            [[billing.plans]]
            slug = "a"
            monthly_fee = 19.99
            [[billing.plans]]
            slug = "b"
            monthly_fee = "7.05"
            annual_monthly_fee = 6
            """)
        #expect(settings.billing.plans.map(\.monthlyFee) == [1999, 705])
        #expect(settings.billing.plans.map(\.annualMonthlyFee) == [nil, 600])
    }

    // MARK: Gateway

    @Test func testCardsBehaveAsStripesDo() throws {
        let now = BillingFlows.start
        func card(_ number: String, cvc: String = "123") throws -> DevelopmentGateway.Card {
            try DevelopmentGateway.card(number: number, expMonth: "12", expYear: "34", cvc: cvc, now: now)
        }
        let visa = try card("4242 4242 4242 4242")
        #expect(visa.brand == "visa" && visa.last4 == "4242" && visa.expiryYear == 2034)
        #expect(visa.attachDecline == nil && visa.chargeDecline == nil)
        #expect(try card("4000000000000002").attachDecline == "card_declined")
        #expect(try card("4000000000009995").attachDecline == "insufficient_funds")
        let failing = try card("4000000000000341")
        #expect(failing.attachDecline == nil && failing.chargeDecline == "card_declined")
        #expect(try card("5555555555554444").brand == "mastercard")
        #expect(try card("378282246310005", cvc: "1234").brand == "amex")
        #expect(try card("4111111111111111").attachDecline == "card_declined", "test mode declines other cards")
    }

    @Test(arguments: [
        ("4242424242424241", "12", "2034", "123", "invalid_number"),
        ("4242", "12", "2034", "123", "invalid_number"),
        ("4242-4242-4242-424x", "12", "2034", "123", "invalid_number"),
        ("4242424242424242", "13", "2034", "123", "invalid_expiry_month"),
        ("4242424242424242", "3", "2026", "123", "expired_card"),
        ("4242424242424242", "12", "2025", "123", "expired_card"),
        ("4242424242424242", "12", "2200", "123", "invalid_expiry_year"),
        ("4242424242424242", "12", "2034", "12", "invalid_cvc"),
        ("378282246310005", "12", "2034", "123", "invalid_cvc"),
    ])
    func invalidCardsAreRefused(number: String, month: String, year: String, cvc: String, code: String) {
        #expect {
            try DevelopmentGateway.card(number: number, expMonth: month, expYear: year, cvc: cvc, now: BillingFlows.start)
        } throws: { error in
            (error as? APIFailure)?.error.code == code && (error as? APIFailure)?.status == .unprocessableContent
        }
    }

    @Test func theCurrentMonthIsNotExpired() throws {
        let card = try DevelopmentGateway.card(number: "4242424242424242", expMonth: "4", expYear: "2026", cvc: "123",
                                               now: BillingFlows.start)
        #expect(card.expiryMonth == 4)
    }

    // MARK: Money, ids, claims

    @Test func moneyIsFormattedWithoutASymbol() {
        #expect(BillingMoney(cents: 2000, currency: "USD") == BillingMoney(amount: 2000, amountFormatted: "20.00", currency: "USD",
                                                                            currencySymbol: "$"))
        #expect(BillingMoney.format(5) == "0.05" && BillingMoney.format(123_456) == "1234.56" && BillingMoney.format(-150) == "-1.50")
        #expect(BillingMoney.symbol(of: "EUR") == "€" && BillingMoney.symbol(of: "SEK") == "SEK")
    }

    @Test func planIdsAreStableAndClerkShaped() {
        let id = StableID.make("cplan", from: "plan:pro")
        #expect(id == StableID.make("cplan", from: "plan:pro") && id != StableID.make("cplan", from: "plan:plus"))
        #expect(id.hasPrefix("cplan_") && id.count == "cplan_".count + 27)
    }

    private func claims() -> SessionClaims {
        SessionClaims(iss: "http://x", sub: "user_1", sid: "sess_1", azp: nil, iat: 1, nbf: 0, exp: 61, jti: "j", v: 2,
                      fva: [0, -1], sts: .active)
    }

    @Test func plansAndFeaturesJoinTheOrganizationClaims() {
        var claims = claims()
        let billing = BillingClaim(userPlan: "pro", userFeatures: ["dashboard", "reports"], organizationPlan: "team",
                                   organizationFeatures: ["shared_projects", "invoices"])
        let member = OrganizationClaim(id: "org_1", slug: "acme", role: "org:billing",
                                       permissions: ["org:sys_billing:manage", "org:invoices:create", "org:invoices:read"])
        let features = BillingClaims.organizationFeatures(billing, permissionFeatures: ["invoices", "reports"])
        #expect(features == ["shared_projects", "invoices", "reports"])
        OrganizationClaims.apply(member, version: 2, features: features, to: &claims)
        BillingClaims.apply(billing, version: 2, to: &claims)
        #expect(claims.pla == "u:pro,o:team")
        #expect(claims.fea == "u:dashboard,u:reports,o:shared_projects,o:invoices,o:reports")
        #expect(claims.o?.per == "create,read" && claims.o?.fpm == "0,3,0", "one mask per o: feature, in fea's order")
    }

    @Test func versionOneTokensCarryNoBillingClaims() {
        var claims = claims()
        BillingClaims.apply(BillingClaim(userPlan: "pro", userFeatures: ["reports"]), version: 1, to: &claims)
        #expect(claims.pla == nil && claims.fea == nil)
    }

    // MARK: Schedule

    private func item(_ status: BillingItemStatus, start: Int64, end: Int64?, amount: Int64 = 2000) -> BillingSubscriptionItemRecord {
        BillingSubscriptionItemRecord(id: "csubi_\(status)\(start)", payerId: "p", planId: "plan", planPeriod: .month,
                                      status: status, isFreeTrial: false, amount: amount, currency: "USD", periodStart: start,
                                      periodEnd: end, canceledAt: nil, pastDueAt: nil, endedAt: nil, paymentMethodId: nil,
                                      createdAt: 0, updatedAt: 0)
    }

    @Test func aCancelledPlanEntitlesUntilItsPeriodEnds() {
        let canceled = item(.canceled, start: 0, end: 100), next = item(.upcoming, start: 100, end: nil, amount: 0)
        #expect(BillingSchedule.entitled([canceled, next], now: 99)?.id == canceled.id)
        #expect(BillingSchedule.entitled([canceled, next], now: 100)?.id == next.id)
        #expect(BillingSchedule.nextDue([canceled, next]) == 100)
        guard case .end(let ended, let at)? = BillingSchedule.nextEvent([canceled, next], now: 150) else {
            Issue.record("the cancelled item ends first")
            return
        }
        #expect(ended.id == canceled.id && at == 100)
    }

    @Test func renewalsFallDueAtThePeriodsEndAndPastDueWaits() {
        let active = item(.active, start: 0, end: 100)
        #expect(BillingSchedule.nextEvent([active], now: 99) == nil)
        guard case .renew(_, let at)? = BillingSchedule.nextEvent([active], now: 500) else {
            Issue.record("a renewal is due")
            return
        }
        #expect(at == 100)
        #expect(BillingSchedule.nextDue([item(.pastDue, start: 0, end: 100)]) == nil)
        #expect(BillingSchedule.entitled([item(.pastDue, start: 0, end: 100)], now: 500) != nil, "past due keeps access")
        #expect(BillingSchedule.nextDue([item(.active, start: 0, end: nil, amount: 0)]) == nil, "a free plan never renews")
    }

    // MARK: Card data at rest and in logs

    @Test func cardNumbersAndCVCsNeverReachTheDatabaseOrTheLog() async throws {
        let lines = LogLines()
        var logger = Logger(label: "clerk-tui.fapi.test") { _ in CapturingLogHandler(lines: lines) }
        logger.logLevel = .trace
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-billing-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withRunningServer(settings: try BillingFlows.settings(), directory: directory, clock: ManualClock(BillingFlows.start),
                                    logger: logger) { server in
            let (client, _) = try await BillingFlows.payer(server, "secret")
            _ = try await BillingFlows.addCard(client, BillingFlows.visa)
            let declined = try await BillingFlows.token(client, BillingFlows.declined)
            _ = try await client.send("POST", "/v1/me/billing/payment_methods",
                                      form: [("gateway", "development"), ("payment_token", declined)])
            _ = try await client.send("POST", "/v1/dev_gateway/payment_tokens",
                                      form: [("number", "4242424242424241"), ("exp_month", "12"), ("exp_year", "2034"), ("cvc", "987")])
            try await BillingFlows.subscribe(client, "plus")
        }
        var stored = Data()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            stored += (try? Data(contentsOf: directory.appendingPathComponent(file))) ?? Data()
        }
        let log = lines.text
        #expect(!log.isEmpty)
        for number in [BillingFlows.visa, BillingFlows.declined, "4242424242424241", "4242 4242"] {
            #expect(stored.range(of: Data(number.utf8)) == nil, "\(number) is in the data directory")
            #expect(!log.contains(number), "\(number) is in the log")
        }
        #expect(!log.lowercased().contains("cvc"), "no field of the card form is logged")
    }
}

/// Log lines a test server wrote, with their metadata.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// Keeps every message and its metadata, as a file or console handler would print them.
struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        lines.append("\(level) \(message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}
