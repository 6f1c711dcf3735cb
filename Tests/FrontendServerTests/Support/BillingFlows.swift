import Foundation
import Testing
@testable import FrontendServer

/// Billing request sequences shared by the billing tests, on the ready instance `Config/examples/billing.toml`.
enum BillingFlows {
    static let visa = "4242424242424242"
    static let declined = "4000000000000002"
    static let insufficientFunds = "4000000000009995"
    /// Saved without trouble; every charge to it is declined.
    static let chargesFail = "4000000000000341"

    /// 2026-04-01T00:00:00Z: April has 30 days, so proration counts are round.
    static let start = Date(timeIntervalSince1970: 1_775_001_600)

    /// `Config/examples/billing.toml` with the test run's needs (cheap hashes, no per-IP limits).
    static func settings(_ adjust: (inout InstanceSettings) -> Void = { _ in }) throws -> InstanceSettings {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var settings = try SettingsFile.load(path: root.appendingPathComponent("Config/examples/billing.toml").path)
        settings.password.hashCost = 10
        settings.rateLimits.enabled = false
        // Sessions outlive the months the lifecycle tests move the clock through.
        settings.sessions.maxLifetime = 800 * day
        adjust(&settings)
        return settings
    }

    /// A signed-up user's client and session id.
    static func payer(_ server: TestServer, _ name: String) async throws -> (NativeClient, String) {
        let client = NativeClient(server)
        let session = try await Flows.signUp(client, server: server, email: "\(name)+clerk_test@example.com")
        return (client, session)
    }

    /// A development-gateway token for `number`.
    static func token(_ client: NativeClient, _ number: String) async throws -> String {
        let reply = try await client.send("POST", "/v1/dev_gateway/payment_tokens",
                                          form: [("number", number), ("exp_month", "12"), ("exp_year", "2034"), ("cvc", "123")])
        try #require(reply.status == 200, "token: \(String(decoding: reply.data, as: UTF8.self))")
        return try #require(reply.json["payment_token"] as? String)
    }

    /// Saves `number` as a card; returns its id.
    static func addCard(_ client: NativeClient, _ number: String, path: String = "/v1/me/billing") async throws -> String {
        let token = try await token(client, number)
        let reply = try await client.send("POST", path + "/payment_methods", form: [("gateway", "development"), ("payment_token", token)])
        try #require(reply.status == 200, "add card: \(String(decoding: reply.data, as: UTF8.self))")
        return try #require(reply.response["id"] as? String)
    }

    static func planID(_ client: NativeClient, _ slug: String) async throws -> String {
        let reply = try await client.send("GET", "/v1/billing/plans/\(slug)")
        return try #require(reply.json["id"] as? String)
    }

    /// Creates a checkout; returns its reply.
    static func checkout(_ client: NativeClient, _ slug: String, period: String = "month",
                         path: String = "/v1/me/billing") async throws -> HTTPReply {
        let id = try await planID(client, slug)
        return try await client.send("POST", path + "/checkouts", form: [("plan_id", id), ("plan_period", period)])
    }

    static func confirm(_ client: NativeClient, _ checkout: HTTPReply, form: [(String, String)] = [],
                        path: String = "/v1/me/billing") async throws -> HTTPReply {
        let id = try #require(checkout.response["id"] as? String, "checkout: \(String(decoding: checkout.data, as: UTF8.self))")
        return try await client.send("PATCH", path + "/checkouts/\(id)/confirm", form: form)
    }

    /// Checkout and confirm with the default card; the completed checkout.
    @discardableResult
    static func subscribe(_ client: NativeClient, _ slug: String, period: String = "month") async throws -> [String: Any] {
        let created = try await checkout(client, slug, period: period)
        try #require(created.status == 200, "checkout: \(String(decoding: created.data, as: UTF8.self))")
        let confirmed = try await confirm(client, created)
        try #require(confirmed.status == 200, "confirm: \(String(decoding: confirmed.data, as: UTF8.self))")
        #expect(confirmed.response["status"] as? String == "completed")
        return confirmed.response
    }

    static func subscription(_ client: NativeClient) async throws -> [String: Any] {
        let reply = try await client.send("GET", "/v1/me/billing/subscription")
        try #require(reply.status == 200, "subscription: \(String(decoding: reply.data, as: UTF8.self))")
        return reply.response
    }

    /// (plan slug, status) of each item of the subscription.
    static func items(_ client: NativeClient) async throws -> [String] {
        let items = try await subscription(client)["subscription_items"] as? [[String: Any]] ?? []
        return items.map { "\((($0["plan"] as? [String: Any])?["slug"] as? String) ?? "?"):\($0["status"] as? String ?? "?")" }
    }

    static func attempts(_ client: NativeClient) async throws -> [[String: Any]] {
        let reply = try await client.send("GET", "/v1/me/billing/payment_attempts")
        return (reply.response["data"] as? [[String: Any]]) ?? []
    }

    /// The claims of a freshly minted session token.
    static func claims(_ client: NativeClient, _ session: String, form: [(String, String)] = []) async throws -> [String: Any] {
        let jwt = try #require(try await client.send("POST", "/v1/client/sessions/\(session)/tokens", form: form).json["jwt"] as? String)
        let jwks = try await client.send("GET", "/.well-known/jwks.json").json
        return try #require(JWKSVerifier.verify(jwt, jwks: jwks)?.claims)
    }

    static func amount(_ money: Any?) -> Int? { (money as? [String: Any])?["amount"] as? Int }

    static let day: TimeInterval = 86_400
}
