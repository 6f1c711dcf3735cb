import Foundation
import Testing
@testable import FrontendServer

/// Social sign-in through the development provider, where time and second factors matter (the contract suite covers
/// the wire shapes).
@Suite("Social sign-in over HTTP")
struct SocialSignInTests {
    static func settings() -> InstanceSettings {
        var settings = TestServer.testSettings()
        settings.socialProviders = ["google"]
        return settings
    }

    /// Starts a Google sign-in on `client`; the sign-in id and the provider page.
    static func start(_ client: NativeClient, server: TestServer) async throws -> (id: String, url: String) {
        let created = try await client.send(
            "POST", "/v1/client/sign_ins", form: [("strategy", "oauth_google"), ("redirect_url", server.server.baseURL + "/v1/dev_oauth/done")])
        try #require(created.status == 200, "\(String(decoding: created.data, as: UTF8.self))")
        let verification = try #require(created.response["first_factor_verification"] as? [String: Any])
        return (try #require(created.response["id"] as? String),
                try #require(verification["external_verification_redirect_url"] as? String))
    }

    /// The browser: the provider page, then its form, redirects followed to the end.
    static func browse(_ url: String, email: String, server: TestServer) async throws -> HTTPReply {
        let browser = NativeClient(server)
        let page = try await browser.send("GET", String(url.dropFirst(server.server.baseURL.count)), native: false)
        let html = String(decoding: page.data, as: UTF8.self)
        let state = try #require(html.firstMatch(of: /name="state" value="([^"]+)"/)?.1)
        return try await browser.send("POST", DevelopmentOAuthProvider.authorizePath,
                                      form: [("state", String(state)), ("email_address", email), ("decision", "allow")],
                                      native: false)
    }

    @Test func theProviderPageExpiresAfterTenMinutes() async throws {
        try await withRunningServer(settings: Self.settings()) { server in
            let client = NativeClient(server)
            let (id, url) = try await Self.start(client, server: server)
            server.clock.advance(by: 10 * 60 + 1)
            let page = try await NativeClient(server).send("GET", String(url.dropFirst(server.server.baseURL.count)), native: false)
            #expect(page.status == 422)
            let signIn = try await client.send("GET", "/v1/client/sign_ins/\(id)").response
            let verification = try #require(signIn["first_factor_verification"] as? [String: Any])
            #expect(verification["status"] as? String == "expired")
            #expect(verification["external_verification_redirect_url"] == nil)
        }
    }

    @Test func aUserWithTOTPStillGivesTheSecondFactorOnTheClient() async throws {
        try await withRunningServer(settings: Self.settings()) { server in
            let owner = NativeClient(server)
            try await Flows.signUp(owner, server: server, email: "mfa-social@example.com")
            let (secret, _) = try await MFAAndSessionTests.enrolTOTP(owner, server: server)
            server.clock.advance(by: 60)

            let client = NativeClient(server)
            let (id, url) = try await Self.start(client, server: server)
            let tokenBefore = client.token
            let done = try await Self.browse(url, email: "mfa-social@example.com", server: server)
            #expect(done.status == 200)  // the "return to your terminal" page
            let waiting = try await client.send("GET", "/v1/client/sign_ins/\(id)")
            #expect(waiting.response["status"] as? String == "needs_second_factor")
            #expect(client.token == tokenBefore, "no session yet, so no new token")
            let code = TOTPCode.code(secret: secret, step: TOTPCode.step(at: server.clock.now()))
            let signedIn = try await client.send(
                "POST", "/v1/client/sign_ins/\(id)/attempt_second_factor", form: [("strategy", "totp"), ("code", code)])
            #expect(signedIn.response["status"] as? String == "complete")
            #expect(client.token != tokenBefore)
        }
    }

    @Test func aLockedUserIsToldForHowLong() async throws {
        try await withRunningServer(settings: Self.settings()) { server in
            try await Flows.signUp(NativeClient(server), server: server, email: "locked-social@example.com")
            for _ in 0..<InstanceSettings().lockout.maxAttempts {
                _ = try await Flows.signIn(NativeClient(server), identifier: "locked-social@example.com", password: "wrong password 1")
            }
            let client = NativeClient(server)
            let (id, url) = try await Self.start(client, server: server)
            _ = try await Self.browse(url, email: "locked-social@example.com", server: server)
            let signIn = try await client.send("GET", "/v1/client/sign_ins/\(id)").response
            let verification = try #require(signIn["first_factor_verification"] as? [String: Any])
            let error = try #require(verification["error"] as? [String: Any])
            #expect(verification["status"] as? String == "failed")
            #expect(error["code"] as? String == "user_locked")
            let seconds = try #require((error["meta"] as? [String: Any])?["lockout_expires_in_seconds"] as? Int)
            #expect(seconds > 3000 && seconds <= 3600)
            #expect(signIn["created_session_id"] is NSNull)
        }
    }
}
