import Foundation
import Testing
@testable import FrontendServer

@Suite("Frontend API flows over HTTP")
struct EndpointFlowTests {
    @Test func environmentReflectsSettings() async throws {
        var settings = TestServer.testSettings()
        settings.applicationName = "Acme"
        settings.sessions.multiSession = false
        try await withRunningServer(settings: settings) { server in
            let client = NativeClient(server)
            let reply = try await client.send("GET", "/v1/environment")
            #expect(reply.status == 200)
            #expect(reply.header("Date") != nil)
            let display = try #require(reply.json["display_config"] as? [String: Any])
            #expect(display["application_name"] as? String == "Acme")
            #expect(display["instance_environment_type"] as? String == "development")
            let auth = try #require(reply.json["auth_config"] as? [String: Any])
            #expect(auth["single_session_mode"] as? Bool == true)
            let user = try #require(reply.json["user_settings"] as? [String: Any])
            let password = try #require(user["password_settings"] as? [String: Any])
            #expect(password["min_length"] as? Int == 8)
            #expect(password["require_uppercase"] as? Bool == false)
            #expect((try await client.send("GET", "/v1/health")).json["status"] as? String == "healthy")
        }
    }

    @Test func clientIsNullWithoutToken() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let reply = try await client.send("GET", "/v1/client")
            #expect(reply.status == 200)
            #expect(reply.json["response"] is NSNull)
            #expect(reply.header("Authorization") == nil)
            let created = try await client.send("POST", "/v1/client")
            #expect(created.status == 200)
            #expect((created.response["id"] as? String)?.hasPrefix("client_") == true)
            #expect(created.header("Authorization") != nil)
            let again = try await client.send("GET", "/v1/client")
            #expect(again.response["id"] as? String == created.response["id"] as? String)
        }
    }

    @Test func signUpSignOutSignInWithPassword() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "ada@example.com")
            #expect(sessionID.hasPrefix("sess_"))
            let current = try await client.send("GET", "/v1/client")
            #expect(current.response["last_active_session_id"] as? String == sessionID)
            let sessions = try #require(current.response["sessions"] as? [[String: Any]])
            #expect((sessions.first?["last_active_token"] as? [String: Any])?["jwt"] is String)

            let out = try await client.send("DELETE", "/v1/client/sessions")
            #expect(out.status == 200)
            #expect((out.response["sessions"] as? [Any])?.isEmpty == true)

            let tokenBefore = client.token
            let signedIn = try await Flows.signIn(client, identifier: "ADA@example.com")
            #expect(signedIn.status == 200)
            #expect(signedIn.response["status"] as? String == "complete")
            #expect(signedIn.response["object"] as? String == "sign_in_attempt")
            #expect(client.token != tokenBefore, "the client token rotates on sign-in")
            let stale = NativeClient(server)
            stale.token = tokenBefore
            #expect(try await stale.send("GET", "/v1/client").json["response"] is NSNull)
        }
    }

    @Test func signInErrors() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "grace+clerk_test@example.com")
            let other = NativeClient(server)
            let unknown = try await Flows.signIn(other, identifier: "nobody@example.com")
            #expect(unknown.status == 422)
            #expect(unknown.errorCode == "form_identifier_not_found")
            let wrong = try await Flows.signIn(other, identifier: "grace+clerk_test@example.com", password: "not-the-password")
            #expect(wrong.status == 422)
            #expect(wrong.errorCode == "form_password_incorrect")
            let again = try await Flows.signIn(client, identifier: "grace+clerk_test@example.com")
            #expect(again.errorCode == "identifier_already_signed_in")
            #expect(again.errorMeta["session_id"] is String)
        }
    }

    @Test func emailCodeSignInAndTwoStepPassword() async throws {
        try await withRunningServer { server in
            try await Flows.signUp(NativeClient(server), server: server, email: "lin@example.com")
            let client = NativeClient(server)
            let created = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "lin@example.com")])
            #expect(created.response["status"] as? String == "needs_first_factor")
            #expect(created.header("Authorization") != nil)
            let factors = try #require(created.response["supported_first_factors"] as? [[String: Any]])
            let emailFactor = try #require(factors.first { $0["strategy"] as? String == "email_code" })
            #expect(emailFactor["safe_identifier"] as? String == created.response["identifier"] as? String)
            let id = try #require(created.response["id"] as? String)
            let prepared = try await client.send("POST", "/v1/client/sign_ins/\(id)/prepare_first_factor",
                                                 form: [("strategy", "email_code"), ("email_address_id", emailFactor["email_address_id"] as! String)])
            #expect(prepared.status == 200)
            let verification = try #require(prepared.response["first_factor_verification"] as? [String: Any])
            #expect(verification["status"] as? String == "unverified")
            let wrong = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                              form: [("strategy", "email_code"), ("code", "000000")])
            #expect(wrong.errorCode == "form_code_incorrect")
            let code = try await Flows.lastCode(server, to: "lin@example.com")
            let done = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                             form: [("strategy", "email_code"), ("code", code)])
            #expect(done.response["status"] as? String == "complete")
            let replay = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                               form: [("strategy", "email_code"), ("code", code)])
            #expect(replay.status >= 400 && replay.status < 500)
        }
    }

    @Test func tokensVerifyAgainstJWKS() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "kim@example.com")
            let token = try await client.send("POST", "/v1/client/sessions/\(sessionID)/tokens", form: [("organization_id", "")])
            #expect(token.status == 200)
            #expect(token.json["object"] as? String == "token")
            let jwt = try #require(token.json["jwt"] as? String)
            let jwks = try await client.send("GET", "/.well-known/jwks.json").json
            let verified = try #require(JWKSVerifier.verify(jwt, jwks: jwks))
            #expect(verified.header["typ"] as? String == "JWT")
            let claims = verified.claims
            #expect(claims["sid"] as? String == sessionID)
            #expect((claims["sub"] as? String)?.hasPrefix("user_") == true)
            #expect(claims["iss"] as? String == server.server.baseURL)
            #expect(claims["v"] as? Int == 2)
            #expect(claims["sts"] as? String == "active")
            let iat = try #require(claims["iat"] as? Int), exp = try #require(claims["exp"] as? Int)
            #expect(exp - iat == 60)
            #expect((claims["nbf"] as? Int ?? .max) <= iat)
            #expect((claims["fva"] as? [Int])?.count == 2)
            // Flip the signature's first character: its last one may only carry padding bits.
            let signatureStart = try #require(jwt.lastIndex(of: ".")).utf16Offset(in: jwt) + 1
            var tampered = Array(jwt)
            tampered[signatureStart] = tampered[signatureStart] == "A" ? "B" : "A"
            let tamperedToken = String(tampered)
            #expect(JWKSVerifier.verify(tamperedToken, jwks: jwks) == nil)

            let ended = try await client.send("POST", "/v1/client/sessions/\(sessionID)/end")
            #expect(ended.response["status"] as? String == "ended")
            let refused = try await client.send("POST", "/v1/client/sessions/\(sessionID)/tokens")
            #expect(refused.status == 401)
        }
    }

    @Test func keysPersistAcrossRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (client, sessionID, jwt) = try await withRunningServer(directory: directory) { first in
            let client = NativeClient(first)
            let sessionID = try await Flows.signUp(client, server: first, email: "rae@example.com")
            let jwt = try #require(try await client.send("POST", "/v1/client/sessions/\(sessionID)/tokens").json["jwt"] as? String)
            return (client, sessionID, jwt)
        }
        try await withRunningServer(directory: directory) { second in
            let restarted = NativeClient(second)
            restarted.token = client.token
            let jwks = try await restarted.send("GET", "/.well-known/jwks.json").json
            #expect(JWKSVerifier.verify(jwt, jwks: jwks) != nil)
            let state = try await restarted.send("GET", "/v1/client")
            #expect(state.response["last_active_session_id"] as? String == sessionID)
        }
    }
}
