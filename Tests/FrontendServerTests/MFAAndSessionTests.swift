import Foundation
import Testing
@testable import FrontendServer

@Suite("MFA, sessions and /v1/me over HTTP")
struct MFAAndSessionTests {
    /// Enrols TOTP for the signed-in user; returns the secret's raw key and the backup codes.
    static func enrolTOTP(_ client: NativeClient, server: TestServer) async throws -> (secret: String, backupCodes: [String]) {
        let created = try await client.send("POST", "/v1/me/totp")
        try #require(created.status == 200, "\(String(decoding: created.data, as: UTF8.self))")
        #expect(created.response["object"] as? String == "totp")
        #expect(created.response["verified"] as? Bool == false)
        let uri = try #require(created.response["uri"] as? String)
        #expect(uri.hasPrefix("otpauth://totp/"))
        let userID = try #require((try await client.send("GET", "/v1/me")).response["id"] as? String)
        let secret = try await server.storedTOTPSecret(userID: userID)
        let code = TOTPCode.code(secret: secret, step: TOTPCode.step(at: server.clock.now()))
        let verified = try await client.send("POST", "/v1/me/totp/attempt_verification", form: [("code", code)])
        try #require(verified.status == 200, "\(String(decoding: verified.data, as: UTF8.self))")
        #expect(verified.response["verified"] as? Bool == true)
        let codes = try #require(verified.response["backup_codes"] as? [String])
        #expect(codes.count == 10)
        return (secret, codes)
    }

    @Test func totpSecondFactorIsSingleUsePerStep() async throws {
        try await withRunningServer { server in
            let owner = NativeClient(server)
            try await Flows.signUp(owner, server: server, email: "mfa@example.com")
            let (secret, backupCodes) = try await Self.enrolTOTP(owner, server: server)
            let me = try await owner.send("GET", "/v1/me")
            #expect(me.response["totp_enabled"] as? Bool == true)
            #expect(me.response["two_factor_enabled"] as? Bool == true)
            #expect(me.response["backup_code_enabled"] as? Bool == true)

            server.clock.advance(by: 60)
            let device = NativeClient(server)
            let first = try await Flows.signIn(device, identifier: "mfa@example.com")
            #expect(first.response["status"] as? String == "needs_second_factor")
            let strategies = (first.response["supported_second_factors"] as? [[String: Any]])?.compactMap { $0["strategy"] as? String }
            #expect(strategies == ["totp", "backup_code"])
            let id = try #require(first.response["id"] as? String)
            let wrong = try await device.send("POST", "/v1/client/sign_ins/\(id)/attempt_second_factor", form: [("strategy", "totp"), ("code", "000000")])
            #expect(wrong.errorCode == "form_code_incorrect" || TOTPCode.code(secret: secret, step: TOTPCode.step(at: server.clock.now())) == "000000")
            let code = TOTPCode.code(secret: secret, step: TOTPCode.step(at: server.clock.now()))
            let done = try await device.send("POST", "/v1/client/sign_ins/\(id)/attempt_second_factor", form: [("strategy", "totp"), ("code", code)])
            #expect(done.response["status"] as? String == "complete")
            let sessionID = try #require(done.response["created_session_id"] as? String)
            let jwt = try #require(try await device.send("POST", "/v1/client/sessions/\(sessionID)/tokens").json["jwt"] as? String)
            let jwks = try await device.send("GET", "/.well-known/jwks.json").json
            #expect((JWKSVerifier.verify(jwt, jwks: jwks)?.claims["fva"] as? [Int]) == [0, 0])

            let replayDevice = NativeClient(server)
            let second = try await Flows.signIn(replayDevice, identifier: "mfa@example.com")
            let secondID = try #require(second.response["id"] as? String)
            let replay = try await replayDevice.send("POST", "/v1/client/sign_ins/\(secondID)/attempt_second_factor",
                                                     form: [("strategy", "totp"), ("code", code)])
            #expect(replay.errorCode == "form_code_incorrect", "a TOTP step is accepted once")
            let backup = try await replayDevice.send("POST", "/v1/client/sign_ins/\(secondID)/attempt_second_factor",
                                                     form: [("strategy", "backup_code"), ("code", backupCodes[0])])
            #expect(backup.response["status"] as? String == "complete")

            let third = NativeClient(server)
            let again = try await Flows.signIn(third, identifier: "mfa@example.com")
            let thirdID = try #require(again.response["id"] as? String)
            let reused = try await third.send("POST", "/v1/client/sign_ins/\(thirdID)/attempt_second_factor",
                                              form: [("strategy", "backup_code"), ("code", backupCodes[0])])
            #expect(reused.errorCode == "form_code_incorrect", "backup codes are single use")
        }
    }

    @Test func backupCodesAndTOTPRemovalNeedRecentVerification() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "rev@example.com")
            _ = try await Self.enrolTOTP(client, server: server)
            let regenerated = try await client.send("POST", "/v1/me/backup_codes")
            #expect(regenerated.response["object"] as? String == "backup_code")
            #expect((regenerated.response["codes"] as? [String])?.count == 10)
            server.clock.advance(by: 11 * 60)
            let stale = try await client.send("DELETE", "/v1/me/totp")
            #expect(stale.status == 403)
            #expect(stale.errorCode == "session_reverification_required")
        }
    }

    @Test func sessionsTouchRemoveRevokeAndExpire() async throws {
        try await withRunningServer { server in
            let laptop = NativeClient(server)
            let first = try await Flows.signUp(laptop, server: server, email: "multi@example.com")
            let phone = NativeClient(server)
            let signedIn = try await Flows.signIn(phone, identifier: "multi@example.com")
            let second = try #require(signedIn.response["created_session_id"] as? String)

            let all = try await laptop.send("GET", "/v1/me/sessions")
            #expect(all.status == 200)
            #expect(Set(all.array.compactMap { $0["id"] as? String }) == [first, second])
            let active = try await laptop.send("GET", "/v1/me/sessions/active", query: "_clerk_session_id=\(first)")
            #expect(active.array.count == 2)
            #expect(active.array.allSatisfy { $0["latest_activity"] is [String: Any] })

            let touched = try await laptop.send("POST", "/v1/client/sessions/\(first)/touch", form: [("intent", "focus")])
            #expect(touched.response["status"] as? String == "active")
            let got = try await laptop.send("GET", "/v1/client/sessions/\(first)")
            #expect(got.response["id"] as? String == first)
            let foreign = try await laptop.send("GET", "/v1/client/sessions/\(second)")
            #expect(foreign.status == 404)

            let revoked = try await laptop.send("POST", "/v1/me/sessions/\(second)/revoke", query: "_clerk_session_id=\(first)")
            #expect(revoked.response["status"] as? String == "revoked")
            #expect(try await phone.send("POST", "/v1/client/sessions/\(second)/tokens").status == 401)

            let removed = try await laptop.send("POST", "/v1/client/sessions/\(first)/remove")
            #expect(removed.response["status"] as? String == "removed")
            #expect(removed.client["last_active_session_id"] is NSNull)

            let again = try await Flows.signIn(laptop, identifier: "multi@example.com")
            let third = try #require(again.response["created_session_id"] as? String)
            server.clock.advance(by: 7 * 24 * 3600 + 1)
            #expect(try await laptop.send("POST", "/v1/client/sessions/\(third)/tokens").status == 401)
            let client = try await laptop.send("GET", "/v1/client")
            #expect((client.response["sessions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func resetPasswordWithEmailCode() async throws {
        try await withRunningServer { server in
            try await Flows.signUp(NativeClient(server), server: server, email: "reset@example.com")
            let client = NativeClient(server)
            let created = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "reset@example.com")])
            let id = try #require(created.response["id"] as? String)
            let prepared = try await client.send("POST", "/v1/client/sign_ins/\(id)/prepare_first_factor",
                                                 form: [("strategy", "reset_password_email_code")])
            #expect(prepared.status == 200)
            let code = try await Flows.lastCode(server, to: "reset@example.com")
            let verified = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                                 form: [("strategy", "reset_password_email_code"), ("code", code)])
            #expect(verified.response["status"] as? String == "needs_new_password")
            let reset = try await client.send("POST", "/v1/client/sign_ins/\(id)/reset_password",
                                              form: [("password", "a-brand-new-passphrase"), ("sign_out_of_other_sessions", "1")])
            #expect(reset.response["status"] as? String == "complete")
            let fresh = NativeClient(server)
            #expect(try await Flows.signIn(fresh, identifier: "reset@example.com").errorCode == "form_password_incorrect")
            let ok = try await Flows.signIn(fresh, identifier: "reset@example.com", password: "a-brand-new-passphrase")
            #expect(ok.response["status"] as? String == "complete")
        }
    }

    @Test func signUpUpdateAndDeletions() async throws {
        var settings = TestServer.testSettings()
        settings.firstName = .required
        try await withRunningServer(settings: settings) { server in
            let client = NativeClient(server)
            let created = try await client.send("POST", "/v1/client/sign_ups",
                                                form: [("email_address", "upd+clerk_test@example.com"), ("password", Flows.password)])
            let id = try #require(created.response["id"] as? String)
            #expect((created.response["missing_fields"] as? [String]) == ["first_name"])
            #expect((created.response["unverified_fields"] as? [String]) == ["email_address"])
            let verifications = try #require(created.response["verifications"] as? [String: Any])
            #expect((verifications["email_address"] as? [String: Any])?["next_action"] as? String == "needs_prepare")
            let fetched = try await client.send("GET", "/v1/client/sign_ups/\(id)")
            #expect(fetched.response["id"] as? String == id)
            let updated = try await client.send("PATCH", "/v1/client/sign_ups/\(id)", form: [("first_name", "Una")])
            #expect((updated.response["missing_fields"] as? [String]) == [])
            _ = try await client.send("POST", "/v1/client/sign_ups/\(id)/prepare_verification", form: [("strategy", "email_code")])
            let done = try await client.send("POST", "/v1/client/sign_ups/\(id)/attempt_verification",
                                             form: [("strategy", "email_code"), ("code", "424242")])
            #expect(done.response["status"] as? String == "complete")
            #expect(try await Outbox.messages(dataDirectory: server.directory).isEmpty, "test identities send nothing")

            let taken = try await NativeClient(server).send("POST", "/v1/client/sign_ups",
                                                           form: [("email_address", "upd+clerk_test@example.com")])
            #expect(taken.errorCode == "form_identifier_exists")

            let deleted = try await client.send("DELETE", "/v1/me")
            #expect(deleted.response["deleted"] as? Bool == true)
            #expect(deleted.response["object"] as? String == "user")
            let gone = try await client.send("DELETE", "/v1/client")
            #expect(gone.status == 200)
            #expect(try await client.send("GET", "/v1/client").json["response"] is NSNull)
        }
    }
}

extension TestServer {
    /// Reads the stored TOTP key for a user, as an authenticator app would hold it.
    func storedTOTPSecret(userID: String) async throws -> String {
        let database = try await Database.open(path: directory.appendingPathComponent("fapi.sqlite").path, readers: 1,
                                               logger: .init(label: "test"))
        let user = try await database.read { try await UserRecord.find(userID, in: $0) }
        await database.close()
        let sealed = try #require(user?.totpSecret)
        #expect(sealed.hasPrefix(DataKey.tag), "TOTP secrets are sealed at rest")
        let dataKey = try DataKey.loadOrCreate(in: directory, configured: nil)
        return try TOTPCode.open(sealed, userID: userID, dataKey: dataKey)
    }
}
