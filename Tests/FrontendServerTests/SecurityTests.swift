import Foundation
import Testing
@testable import FrontendServer

@Suite("Frontend API security and hardening")
struct SecurityTests {
    @Test func lockoutFollowsSettingsAndInjectedClock() async throws {
        var settings = TestServer.testSettings()
        settings.lockout.maxAttempts = 5
        try await withRunningServer(settings: settings) { server in
            try await Flows.signUp(NativeClient(server), server: server, email: "lock@example.com")
            let client = NativeClient(server)
            for attempt in 1...5 {
                let reply = try await Flows.signIn(client, identifier: "lock@example.com", password: "wrong-password-\(attempt)")
                #expect(reply.errorCode == (attempt < 5 ? "form_password_incorrect" : "user_locked"))
            }
            let locked = try await Flows.signIn(client, identifier: "lock@example.com")
            #expect(locked.status == 403)
            #expect(locked.errorCode == "user_locked")
            #expect((locked.errorMeta["lockout_expires_in_seconds"] as? Int ?? 0) > 3500)
            server.clock.advance(by: 3601)
            let unlocked = try await Flows.signIn(client, identifier: "lock@example.com")
            #expect(unlocked.response["status"] as? String == "complete")
        }
    }

    @Test func codesExpireAndFailAfterFiveTries() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let created = try await client.send("POST", "/v1/client/sign_ups", form: [("email_address", "exp@example.com"), ("password", Flows.password)])
            let id = try #require(created.response["id"] as? String)
            _ = try await client.send("POST", "/v1/client/sign_ups/\(id)/prepare_verification", form: [("strategy", "email_code")])
            var code = try await Flows.lastCode(server, to: "exp@example.com")
            server.clock.advance(by: 601)
            let expired = try await client.send("POST", "/v1/client/sign_ups/\(id)/attempt_verification", form: [("strategy", "email_code"), ("code", code)])
            #expect(expired.errorCode == "verification_expired")

            server.clock.advance(by: 31)
            _ = try await client.send("POST", "/v1/client/sign_ups/\(id)/prepare_verification", form: [("strategy", "email_code")])
            code = try await Flows.lastCode(server, to: "exp@example.com")
            for _ in 1...5 {
                let wrong = try await client.send("POST", "/v1/client/sign_ups/\(id)/attempt_verification", form: [("strategy", "email_code"), ("code", "999999")])
                #expect(wrong.errorCode == (code == "999999" ? nil : "form_code_incorrect"))
            }
            let blocked = try await client.send("POST", "/v1/client/sign_ups/\(id)/attempt_verification", form: [("strategy", "email_code"), ("code", code)])
            #expect(blocked.errorCode == "verification_failed")
        }
    }

    @Test func perIPRateLimitsAnswer429WithRetryAfter() async throws {
        var settings = TestServer.testSettings()
        settings.rateLimits.enabled = true
        try await withRunningServer(settings: settings) { server in
            let client = NativeClient(server)
            for _ in 1...5 {
                let reply = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "who@example.com")])
                #expect(reply.status == 422)
            }
            let limited = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "who@example.com")])
            #expect(limited.status == 429)
            #expect(limited.errorCode == "too_many_requests")
            let retryAfter = try #require(limited.header("Retry-After").flatMap(Int.init))
            #expect(retryAfter >= 1 && retryAfter <= 20)
            server.clock.advance(by: TimeInterval(retryAfter))
            #expect(try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "who@example.com")]).status == 422)
        }
    }

    @Test func aBurstAcrossAWindowEdgeIsStillLimited() async throws {
        var settings = TestServer.testSettings()
        settings.rateLimits.enabled = true
        let clock = ManualClock()
        clock.set(Date(timeIntervalSince1970: 1_800_000_009.5))  // half a second before a 10 s window edge
        try await withRunningServer(settings: settings, clock: clock) { server in
            let client = NativeClient(server)
            for _ in 1...5 {
                #expect(try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "edge@example.com")]).status == 422)
            }
            clock.advance(by: 1)
            let limited = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "edge@example.com")])
            #expect(limited.status == 429, "a fixed window would have reset at the edge")
            let retryAfter = try #require(limited.header("Retry-After").flatMap(Int.init))
            clock.advance(by: TimeInterval(retryAfter - 1))
            #expect(try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "edge@example.com")]).status == 429,
                    "Retry-After is not early")
            clock.advance(by: 1)
            #expect(try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "edge@example.com")]).status == 422)
        }
    }

    @Test func malformedInputIsA4xxNeverA5xx() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let badEscape = try await client.send("POST", "/v1/client/sign_ins", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                  rawBody: Data("identifier=%zz".utf8))
            #expect(badEscape.status == 400)
            #expect(badEscape.errorCode != nil)
            let badUTF8 = try await client.send("POST", "/v1/client/sign_ups", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                rawBody: Data([0x61, 0x3D, 0xFF, 0xFE]))
            #expect(badUTF8.status == 400)
            let huge = try await client.send("POST", "/v1/client/sign_ups", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                             rawBody: Data(repeating: UInt8(ascii: "a"), count: 70_000))
            #expect(huge.status == 413)
            let json = try await client.send("POST", "/v1/client/sign_ups", headers: ["Content-Type": "application/json"],
                                             rawBody: Data("{\"email_address\":1}".utf8))
            #expect(json.status == 400)
            let unknownRoute = try await client.send("GET", "/v1/nothing/here")
            #expect(unknownRoute.status == 404)
            #expect(unknownRoute.errorCode == "resource_not_found")
            let unknownSignIn = try await client.send("GET", "/v1/client/sign_ins/sia_missing")
            #expect((400..<500).contains(unknownSignIn.status))
            let badBool = try await client.send("POST", "/v1/client/sign_ups", form: [("email_address", "b@example.com"), ("legal_accepted", "perhaps")])
            #expect(badBool.status == 422)
            let badEmail = try await client.send("POST", "/v1/client/sign_ups", form: [("email_address", "not-an-email")])
            #expect(badEmail.errorCode == "form_param_format_invalid")
            let pwned = try await client.send("POST", "/v1/client/sign_ups", form: [("email_address", "c@example.com"), ("password", "password123")])
            #expect(pwned.errorCode == "form_password_pwned")
            let short = try await client.send("POST", "/v1/client/sign_ups", form: [("email_address", "c@example.com"), ("password", "abc")])
            #expect(short.errorCode == "form_password_length_too_short")
        }
    }

    @Test func browserCookiesCORSAndOriginCheck() async throws {
        var settings = TestServer.testSettings()
        settings.allowedOrigins = ["http://app.example"]
        try await withRunningServer(settings: settings) { server in
            let browser = NativeClient(server)
            let created = try await browser.send("POST", "/v1/client", headers: ["Origin": "http://app.example"], native: false)
            #expect(created.header("Access-Control-Allow-Origin") == "http://app.example")
            #expect(created.header("Access-Control-Allow-Credentials") == "true")
            let cookie = try #require(created.header("Set-Cookie"))
            #expect(cookie.hasPrefix("__client=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let value = String(cookie.split(separator: ";")[0])
            let read = try await browser.send("GET", "/v1/client", headers: ["Cookie": value], native: false)
            #expect(read.response["id"] as? String == created.response["id"] as? String)
            let evil = try await browser.send("DELETE", "/v1/client/sessions", headers: ["Cookie": value, "Origin": "https://evil.example"], native: false)
            #expect(evil.status == 403)
            #expect(evil.errorCode == "origin_invalid")
            #expect(evil.header("Access-Control-Allow-Origin") == nil)
            let allowed = try await browser.send("POST", "/v1/client/sessions", query: "_method=DELETE",
                                                 headers: ["Cookie": value, "Origin": "http://app.example"], native: false)
            #expect(allowed.status == 200)
        }
    }

    @Test func methodOverrideAndBearerPrefix() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "over@example.com")
            let token = try #require(client.token)
            let bearer = NativeClient(server)
            let viaBearer = try await bearer.send("GET", "/v1/me", headers: ["Authorization": "Bearer " + token])
            #expect(viaBearer.status == 200)
            #expect(viaBearer.response["object"] as? String == "user")
            let patched = try await client.send("POST", "/v1/me", form: [("first_name", "Ada")], query: "_method=PATCH")
            #expect(patched.response["first_name"] as? String == "Ada")
            let real = try await client.send("PATCH", "/v1/me", form: [("last_name", "Lovelace")])
            #expect(real.response["last_name"] as? String == "Lovelace")
            #expect(real.response["first_name"] as? String == "Ada")
        }
    }
}

@Suite("Frontend API concurrency and session modes")
struct ConcurrencyTests {
    @Test func concurrentSignUpsNeverFailWithServerErrors() async throws {
        try await withRunningServer { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let client = NativeClient(server)
                        return try await client.send("POST", "/v1/client/sign_ups", form: [
                            ("email_address", "user\(index)+clerk_test@example.com"), ("password", Flows.password)]).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 })
        }
    }

    @Test func concurrentWrongPasswordsCountExactly() async throws {
        var settings = TestServer.testSettings()
        settings.lockout.maxAttempts = 100
        try await withRunningServer(settings: settings) { server in
            let owner = NativeClient(server)
            try await Flows.signUp(owner, server: server, email: "count+clerk_test@example.com")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let reply = try await Flows.signIn(NativeClient(server), identifier: "count+clerk_test@example.com",
                                                           password: "wrong-guess-\(index)")
                        #expect(reply.errorCode == "form_password_incorrect")
                    }
                }
                try await group.waitForAll()
            }
            let me = try await owner.send("GET", "/v1/me")
            #expect(me.response["verification_attempts_remaining"] as? Int == 88)
        }
    }

    @Test func singleSessionModeRefusesASecondSignIn() async throws {
        var settings = TestServer.testSettings()
        settings.sessions.multiSession = false
        try await withRunningServer(settings: settings) { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "one+clerk_test@example.com")
            try await Flows.signUp(NativeClient(server), server: server, email: "two+clerk_test@example.com")
            let second = try await Flows.signIn(client, identifier: "two+clerk_test@example.com")
            #expect(second.errorCode == "session_exists")
        }
    }
}
