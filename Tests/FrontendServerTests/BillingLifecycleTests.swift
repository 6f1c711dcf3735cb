import Foundation
import Testing
@testable import FrontendServer

/// Billing's lifecycle driven by the server's clock (a `ManualClock`): charges now, renewals, trials, proration,
/// downgrades and cancellations at the period's end, re-subscribing, and failed renewals.
@Suite("Billing lifecycle on the clock")
struct BillingLifecycleTests {
    typealias B = BillingFlows

    @Test func subscribingChargesNowAndRenewalsChargeWhenThePeriodEnds() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, session) = try await B.payer(server, "renew")
            #expect(try await B.claims(client, session)["pla"] as? String == "u:free_user")
            _ = try await B.addCard(client, B.visa)
            let completed = try await B.subscribe(client, "plus")
            #expect(B.amount((completed["totals"] as? [String: Any])?["total_due_now"]) == 5000)
            #expect(try await B.items(client) == ["plus:active"])
            #expect(try await B.claims(client, session)["pla"] as? String == "u:plus")
            var attempts = try await B.attempts(client)
            #expect(attempts.map { $0["charge_type"] as? String } == ["checkout"] && B.amount(attempts[0]["amount"]) == 5000)

            server.clock.advance(by: 30 * B.day)
            _ = try await B.claims(client, session)  // a token request settles the renewal that fell due
            attempts = try await B.attempts(client)
            #expect(attempts.map { $0["charge_type"] as? String } == ["recurring", "checkout"])
            #expect(attempts.allSatisfy { $0["status"] as? String == "paid" })
            let item = try #require((try await B.subscription(client)["subscription_items"] as? [[String: Any]])?.first)
            #expect(item["period_start"] as? Int == Int(B.start.timeIntervalSince1970 + 30 * B.day) * 1000, "renewed on time")
            let statements = try await client.send("GET", "/v1/me/billing/statements").response["data"] as? [[String: Any]]
            #expect(statements?.count == 2, "one statement per calendar month")
        }
    }

    @Test func aTrialEndsWithACharge_thenAnUpgradeIsProrated() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, session) = try await B.payer(server, "trial")
            _ = try await B.addCard(client, B.visa)
            let trial = try await B.subscribe(client, "pro")
            #expect(B.amount((trial["totals"] as? [String: Any])?["total_due_now"]) == 0)
            #expect(trial["free_trial_ends_at"] as? Int == Int(B.start.timeIntervalSince1970 + 14 * B.day) * 1000)
            #expect((trial["subscription_item"] as? [String: Any])?["is_free_trial"] as? Bool == true)
            #expect(try await B.attempts(client).isEmpty, "a trial charges nothing")
            #expect(try await B.subscription(client)["eligible_for_free_trial"] as? Bool == false)

            server.clock.advance(by: 14 * B.day)
            #expect(try await B.claims(client, session)["pla"] as? String == "u:pro")
            let charged = try await B.attempts(client)
            #expect(charged.count == 1 && B.amount(charged[0]["amount"]) == 2000 && charged[0]["charge_type"] as? String == "recurring")
            let item = try #require((try await B.subscription(client)["subscription_items"] as? [[String: Any]])?.first)
            #expect(item["is_free_trial"] as? Bool == false)

            server.clock.advance(by: 10 * B.day)  // 20 of the period's 30 days are left
            let upgrade = try await B.checkout(client, "plus")
            let totals = try #require(upgrade.response["totals"] as? [String: Any])
            #expect(upgrade.response["is_immediate_plan_change"] as? Bool == true)
            #expect(B.amount(totals["credit"]) == 1333 && B.amount(totals["total_due_now"]) == 3667)
            let proration = try #require((totals["credits"] as? [String: Any])?["proration"] as? [String: Any])
            #expect(proration["cycle_days_remaining"] as? Int == 20 && proration["cycle_days_total"] as? Int == 30)
            #expect(try await B.confirm(client, upgrade).status == 200)
            #expect(try await B.items(client) == ["plus:active"])
            #expect(B.amount(try await B.attempts(client).first?["amount"]) == 3667)
            #expect(try await B.claims(client, session)["pla"] as? String == "u:plus")
        }
    }

    @Test func aDowngradeTakesEffectWhenThePeriodEnds() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, session) = try await B.payer(server, "down")
            _ = try await B.addCard(client, B.visa)
            try await B.subscribe(client, "plus")
            server.clock.advance(by: 5 * B.day)
            let down = try await B.checkout(client, "pro")
            #expect(down.response["is_immediate_plan_change"] as? Bool == false)
            #expect(B.amount((down.response["totals"] as? [String: Any])?["total_due_now"]) == 0)
            #expect(down.response["plan_period_start"] as? Int == Int(B.start.timeIntervalSince1970 + 30 * B.day) * 1000)
            #expect(try await B.confirm(client, down).status == 200)
            #expect(try await B.items(client) == ["plus:canceled", "pro:upcoming"])
            #expect(try await B.claims(client, session)["pla"] as? String == "u:plus", "plus until the period ends")

            server.clock.advance(by: 25 * B.day)
            #expect(try await B.claims(client, session)["pla"] as? String == "u:pro")
            #expect(try await B.items(client) == ["pro:active"])
            let attempts = try await B.attempts(client)
            #expect(attempts.map { B.amount($0["amount"]) } == [2000, 5000], "pro's first period charged when it starts")
        }
    }

    @Test func cancellingKeepsAccessUntilThePeriodEnds_andResubscribingIsAllowed() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, session) = try await B.payer(server, "cancel")
            _ = try await B.addCard(client, B.visa)
            let item = try #require(try await B.subscribe(client, "plus")["subscription_item"] as? [String: Any])
            let id = try #require(item["id"] as? String)
            let canceled = try await client.send("DELETE", "/v1/me/billing/subscription_items/\(id)")
            #expect(canceled.status == 200 && canceled.response["status"] as? String == "canceled")
            #expect(canceled.response["canceled_at"] as? Int != nil)
            #expect(try await B.items(client) == ["plus:canceled", "free_user:upcoming"])
            #expect(try await B.subscription(client)["next_payment"] is NSNull)
            #expect(try await B.claims(client, session)["pla"] as? String == "u:plus")

            let again = try await B.checkout(client, "plus")
            #expect(B.amount((again.response["totals"] as? [String: Any])?["total_due_now"]) == 0, "the period is paid")
            #expect(try await B.confirm(client, again).status == 200)
            #expect(try await B.items(client) == ["plus:active"])
            #expect(try await client.send("DELETE", "/v1/me/billing/subscription_items/\(id)").status == 200)

            server.clock.advance(by: 31 * B.day)
            #expect(try await B.claims(client, session)["pla"] as? String == "u:free_user")
            #expect(try await B.items(client) == ["free_user:active"])
            #expect(try await B.attempts(client).count == 1, "nothing charged after cancelling")
            try await B.subscribe(client, "plus")
            #expect(try await B.attempts(client).count == 2, "re-subscribing after the end charges again")
        }
    }

    @Test func aFailedRenewalMakesTheSubscriptionPastDue_untilThePastDueAmountIsPaid() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, session) = try await B.payer(server, "pastdue")
            let visa = try await B.addCard(client, B.visa)
            try await B.subscribe(client, "plus")
            let failing = try await B.addCard(client, B.chargesFail)
            #expect(try await client.send("PUT", "/v1/me/billing/payers/default_payment_method",
                                          form: [("payment_method_id", failing)]).status == 200)
            server.clock.advance(by: 30 * B.day + 60)
            let subscription = try await B.subscription(client)
            #expect(subscription["status"] as? String == "past_due")
            #expect(subscription["past_due_at"] as? Int == Int(B.start.timeIntervalSince1970 + 30 * B.day) * 1000)
            #expect(try await B.items(client) == ["plus:past_due"])
            let failed = try #require(try await B.attempts(client).first)
            #expect(failed["status"] as? String == "failed" && failed["charge_type"] as? String == "recurring")
            #expect((failed["failed_reason"] as? [String: Any])?["code"] as? String == "card_declined")
            #expect(try await B.claims(client, session)["pla"] as? String == "u:plus", "past due keeps access")

            let pay = try await B.checkout(client, "plus")
            #expect(B.amount((pay.response["totals"] as? [String: Any])?["past_due"]) == 5000)
            #expect(B.amount((pay.response["totals"] as? [String: Any])?["total_due_now"]) == 5000)
            #expect(try await B.confirm(client, pay, form: [("payment_method_id", visa)]).status == 200)
            #expect(try await B.subscription(client)["status"] as? String == "active")
            #expect(try await B.items(client) == ["plus:active"])
        }
    }

    @Test func aTrialWithoutAPaymentMethodEndsPastDue() async throws {
        let settings = try B.settings { $0.billing.freeTrialRequiresPaymentMethod = false }
        try await withRunningServer(settings: settings, clock: ManualClock(B.start)) { server in
            let (client, _) = try await B.payer(server, "nocard")
            let trial = try await B.checkout(client, "pro")
            #expect(trial.response["needs_payment_method"] as? Bool == false)
            #expect(try await B.confirm(client, trial).status == 200)
            server.clock.advance(by: 15 * B.day)
            #expect(try await B.items(client) == ["pro:past_due"])
            #expect(try await B.attempts(client).isEmpty, "no card, no charge to record")
        }
    }

    @Test func aDeclinedCardChargesNothing_andTheCheckoutCanBeConfirmedAgain() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, _) = try await B.payer(server, "declined")
            let created = try await B.checkout(client, "plus")
            #expect(created.response["needs_payment_method"] as? Bool == true)
            #expect(try await B.confirm(client, created).errorCode == "form_param_missing", "a payment method is needed")
            for (number, code) in [(B.declined, "card_declined"), (B.insufficientFunds, "insufficient_funds")] {
                let token = try await B.token(client, number)
                let refused = try await B.confirm(client, created, form: [("gateway", "development"), ("payment_token", token)])
                #expect(refused.status == 422 && refused.errorCode == code)
            }
            #expect(try await B.attempts(client).isEmpty)
            #expect(try await B.items(client) == ["free_user:active"])
            let methods = try await client.send("GET", "/v1/me/billing/payment_methods").response["data"] as? [[String: Any]]
            #expect(methods?.isEmpty == true, "declined cards are not saved")
            let token = try await B.token(client, B.visa)
            let paid = try await B.confirm(client, created, form: [("gateway", "development"), ("payment_token", token)])
            #expect(paid.status == 200 && paid.response["status"] as? String == "completed")
            let reused = try await B.confirm(client, created, form: [("gateway", "development"), ("payment_token", token)])
            #expect(reused.status == 200, "a completed checkout is answered again")
            #expect(try await B.attempts(client).count == 1)
        }
    }

    @Test func aSecondConfirmWhileTheFirstRunsAnswers409() async throws {
        let settings = try B.settings { $0.billing.gatewayLatencyMilliseconds = 1500 }
        try await withRunningServer(settings: settings, clock: ManualClock(B.start)) { server in
            let (client, _) = try await B.payer(server, "race")
            _ = try await B.addCard(client, B.visa)
            let created = try await B.checkout(client, "plus")
            async let first = B.confirm(client, created)
            try await Task.sleep(for: .milliseconds(300))
            let second = try await B.confirm(client, created)
            #expect(second.status == 409 && second.errorCode == "checkout_already_in_progress")
            #expect(try await first.status == 200)
            #expect(try await B.attempts(client).count == 1)
        }
    }

    @Test func theClientsSessionTokenChangesAfterACheckout() async throws {
        try await withRunningServer(settings: try B.settings(), clock: ManualClock(B.start)) { server in
            let (client, _) = try await B.payer(server, "token")
            func lastToken() async throws -> [String: Any] {
                let sessions = try await client.send("GET", "/v1/client").response["sessions"] as? [[String: Any]]
                let jwt = try #require((sessions?.first?["last_active_token"] as? [String: Any])?["jwt"] as? String)
                let payload = try #require(Data(base64URLEncoded: String(jwt.split(separator: ".")[1])))
                return try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
            }
            #expect(try await lastToken()["pla"] as? String == "u:free_user")
            _ = try await B.addCard(client, B.visa)
            try await B.subscribe(client, "plus")
            let claims = try await lastToken()
            #expect(claims["pla"] as? String == "u:plus")
            #expect(claims["fea"] as? String == "u:dashboard,u:reports,u:priority_support")
        }
    }
}
