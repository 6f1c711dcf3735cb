import Foundation
import Logging
import Synchronization
import Testing
@testable import FrontendAPI

/// What the billing calls put on the wire, read back by a real loopback peer: clerk-js's paths for a user and for an
/// organization, the plans' `payer_type`, the confirm's payment fields, and a card that goes to the gateway only, its
/// number and security code never in a log line.
@Suite("Billing requests")
struct BillingRequestTests {
    static let emptyPage = #"{"response":{"data":[],"total_count":0},"client":null}"#
    static let method = #"{"response":{"object":"commerce_payment_method","id":"cpm_1","payer_id":"cpayer_1","is_default":true,"gateway":"development","gateway_external_id":"x","last4":"4242","card_type":"visa","is_removable":true},"client":null}"#

    func client(_ peer: ScriptedPeer, logger: Logger = Logger(label: "test")) -> FrontendClient {
        FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore(token: "token"), logger: logger)
    }

    @Test func theUserAndAnOrganizationHaveTheirOwnPaths() async throws {
        let peer = try ScriptedPeer { _ in .json(200, Self.emptyPage) }
        defer { peer.stop() }
        let client = client(peer)
        _ = try await client.billingStatements(.user, sessionID: "sess_1")
        _ = try await client.billingStatements(.organization(id: "org_1"), offset: 20, sessionID: "sess_1")
        _ = try await client.billingPaymentAttempts(.organization(id: "org_1"), sessionID: "sess_1")
        _ = try await client.billingPaymentMethods(.user, sessionID: "sess_1")
        #expect(peer.requests.map(\.target) == [
            "/v1/me/billing/statements?offset=0&limit=20&_clerk_session_id=sess_1&_is_native=true",
            "/v1/organizations/org_1/billing/statements?offset=20&limit=20&_clerk_session_id=sess_1&_is_native=true",
            "/v1/organizations/org_1/billing/payment_attempts?offset=0&limit=20&_clerk_session_id=sess_1&_is_native=true",
            "/v1/me/billing/payment_methods?offset=0&limit=20&_clerk_session_id=sess_1&_is_native=true",
        ])
    }

    @Test func plansAreAskedForByPayerTypeAndReadBare() async throws {
        let peer = try ScriptedPeer { _ in .json(200, #"{"data":[],"total_count":0}"#) }
        defer { peer.stop() }
        let page = try await client(peer).billingPlans(for: .organization(id: "org_1"))
        #expect(page.totalCount == 0)
        #expect(peer.requests.first?.target == "/v1/billing/plans?offset=0&limit=50&payer_type=org&_is_native=true")
    }

    @Test(arguments: [
        (CheckoutPayment.defaultMethod, ""),
        (.savedMethod(id: "cpm_1"), "payment_method_id=cpm_1"),
        (.newCard(gateway: "development", paymentToken: "tok_dev_1"), "gateway=development&payment_token=tok_dev_1"),
        (.testCard, "gateway=stripe&use_test_card=true"),
    ])
    func aConfirmSendsHowItIsPaid(payment: CheckoutPayment, body: String) async throws {
        let peer = try ScriptedPeer { _ in .json(409, #"{"errors":[{"code":"checkout_already_in_progress","message":"m","long_message":"l"}]}"#) }
        defer { peer.stop() }
        let error = await #expect(throws: APIError.self) {
            try await client(peer).confirmBillingCheckout(.user, checkoutID: "cchk_1", payment: payment, sessionID: "sess_1")
        }
        #expect(error?.code == "checkout_already_in_progress" && error?.status == 409)
        #expect(peer.requests.count == 1, "a 409 is the caller's to retry")
        let request = try #require(peer.requests.first)
        #expect(request.method == "PATCH" && request.target.hasPrefix("/v1/me/billing/checkouts/cchk_1/confirm?"))
        #expect(String(decoding: request.body, as: UTF8.self) == body)
    }

    @Test func aCardGoesToTheGatewayAndNeverToTheLog() async throws {
        let peer = try ScriptedPeer { request in
            request.target.hasPrefix("/v1/dev_gateway") ? .json(200, #"{"payment_token":"tok_dev_abc"}"#) : .json(200, Self.method)
        }
        defer { peer.stop() }
        let lines = LogLines()
        var logger = Logger(label: "test") { _ in Capturing(lines: lines) }
        logger.logLevel = .trace
        let client = client(peer, logger: logger)
        let card = CardDetails(number: "4242424242424242", expiryMonth: "12", expiryYear: "34", securityCode: "987")
        let token = try await client.tokenizeCard(card)
        let method = try await client.addBillingPaymentMethod(.organization(id: "org_1"), gateway: "development", paymentToken: token)
        #expect(token == "tok_dev_abc" && method.last4 == "4242")
        let (tokens, added) = (peer.requests[0], peer.requests[1])
        #expect(tokens.method == "POST" && tokens.target == "/v1/dev_gateway/payment_tokens?_is_native=true")
        #expect(String(decoding: tokens.body, as: UTF8.self) == "cvc=987&exp_month=12&exp_year=34&number=4242424242424242")
        #expect(added.target.hasPrefix("/v1/organizations/org_1/billing/payment_methods?"))
        #expect(String(decoding: added.body, as: UTF8.self) == "gateway=development&payment_token=tok_dev_abc")
        let logged = lines.text
        #expect(logged.contains("/v1/dev_gateway/payment_tokens"), "the request is logged, by path")
        #expect(!logged.contains("4242424242424242") && !logged.contains("987") && !logged.contains("cvc"))
        #expect(String(describing: card).contains("<redacted>") && !String(describing: card).contains("4242"))
    }

    @Test func cancellingAndTheDefaultMethodAreClerkJSCalls() async throws {
        let item = #"{"response":{"object":"commerce_subscription_item","id":"csubi_1","status":"canceled","plan_id":"cplan_1","plan_period":"month","payer_id":"cpayer_1","is_free_trial":false,"period_start":1,"period_end":2},"client":null}"#
        let peer = try ScriptedPeer { request in .json(200, request.method == "DELETE" ? item : Self.method) }
        defer { peer.stop() }
        let client = client(peer)
        let canceled = try await client.cancelBillingSubscriptionItem(.user, itemID: "csubi_1")
        try await client.setDefaultBillingPaymentMethod(.organization(id: "org_1"), methodID: "cpm_1")
        _ = try await client.initializeBillingPaymentMethod(.user)
        #expect(canceled.status == "canceled")
        #expect(peer.requests.map(\.method) == ["DELETE", "PUT", "POST"])
        #expect(peer.requests[0].target.hasPrefix("/v1/me/billing/subscription_items/csubi_1?"))
        #expect(peer.requests[1].target.hasPrefix("/v1/organizations/org_1/billing/payers/default_payment_method?"))
        #expect(String(decoding: peer.requests[1].body, as: UTF8.self) == "payment_method_id=cpm_1")
        #expect(String(decoding: peer.requests[2].body, as: UTF8.self) == "gateway=stripe")
    }
}

/// Every line a logger wrote, with its metadata, as a console handler would print it.
private final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

private struct Capturing: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
    }
}
