import Foundation
import Logging
import Synchronization
import Testing
@testable import FrontendServer

@Suite("/v1/me password, metadata and session reverification over HTTP")
struct AccountSecurityTests {
    static let newPassword = "amber-harbor-lantern-77"

    @Test func changePasswordChecksTheCurrentOneAndCanSignOutOtherDevices() async throws {
        try await withRunningServer { server in
            let laptop = NativeClient(server)
            let laptopSession = try await Flows.signUp(laptop, server: server, email: "pw@example.com")
            let phone = NativeClient(server)
            let phoneSession = try #require(try await Flows.signIn(phone, identifier: "pw@example.com").response["created_session_id"] as? String)

            let wrong = try await laptop.send("POST", "/v1/me/change_password",
                                              form: [("current_password", "not-the-password"), ("new_password", Self.newPassword)])
            #expect(wrong.errorCode == "form_password_incorrect")
            #expect(try await laptop.send("POST", "/v1/me/change_password",
                                          form: [("current_password", Flows.password), ("new_password", "short")]).errorCode
                    == "form_password_length_too_short")
            let kept = try await laptop.send("POST", "/v1/me/change_password",
                                             form: [("current_password", Flows.password), ("new_password", Self.newPassword)])
            #expect(kept.status == 200)
            #expect(kept.response["object"] as? String == "user")
            #expect(kept.response["password_last_updated_at"] is Int)
            #expect(try await phone.send("POST", "/v1/client/sessions/\(phoneSession)/tokens").status == 200,
                    "without sign_out_of_other_sessions other devices stay signed in")

            let signingOut = try await laptop.send("POST", "/v1/me/change_password", form: [
                ("current_password", Self.newPassword), ("new_password", Flows.password), ("sign_out_of_other_sessions", "true")])
            #expect(signingOut.status == 200)
            #expect(try await phone.send("POST", "/v1/client/sessions/\(phoneSession)/tokens").status == 401)
            #expect(try await laptop.send("POST", "/v1/client/sessions/\(laptopSession)/tokens").status == 200)
            #expect(try await Flows.signIn(NativeClient(server), identifier: "pw@example.com", password: Self.newPassword).errorCode
                    == "form_password_incorrect", "the old password no longer works")
        }
    }

    @Test func changeWithoutCurrentPasswordNeedsReverificationThenSucceeds() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "reverify@example.com")
            server.clock.advance(by: 11 * 60)
            let refused = try await client.send("POST", "/v1/me/change_password", form: [("new_password", Self.newPassword)])
            #expect(refused.status == 403)
            #expect(refused.errorCode == "session_reverification_required")

            let started = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "second_factor")])
            try #require(started.status == 200, "\(String(decoding: started.data, as: UTF8.self))")
            #expect(started.response["object"] as? String == "session_reverification")
            #expect(started.response["level"] as? String == "first_factor", "no second factor: falls back to the first")
            #expect(started.response["status"] as? String == "needs_first_factor")
            let strategies = (started.response["supported_first_factors"] as? [[String: Any]])?.compactMap { $0["strategy"] as? String }
            #expect(strategies == ["password", "email_code"])
            #expect(try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "everything")]).errorCode
                    == "form_param_format_invalid")

            let wrong = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_first_factor",
                                              form: [("strategy", "password"), ("password", "wrong-password-here")])
            #expect(wrong.errorCode == "form_password_incorrect")
            let done = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_first_factor",
                                             form: [("strategy", "password"), ("password", Flows.password)])
            #expect(done.response["status"] as? String == "complete")
            #expect((done.response["session"] as? [String: Any])?["factor_verification_age"] as? [Int] == [0, -1])
            #expect((done.response["first_factor_verification"] as? [String: Any])?["status"] as? String == "verified")

            let changed = try await client.send("POST", "/v1/me/change_password", form: [("new_password", Self.newPassword)])
            #expect(changed.status == 200)
            #expect(try await Flows.signIn(NativeClient(server), identifier: "reverify@example.com", password: Self.newPassword)
                    .response["status"] as? String == "complete")
        }
    }

    @Test func reverificationByEmailCodeAndBySecondFactor() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "second@example.com")
            let (secret, _) = try await MFAAndSessionTests.enrolTOTP(client, server: server)
            server.clock.advance(by: 11 * 60)
            let refused = try await client.send("DELETE", "/v1/me/totp")
            #expect(refused.errorCode == "session_reverification_required")
            #expect((refused.errorMeta["reverification"] as? [String: Any])?["level"] as? String == "second_factor")

            let notStarted = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_second_factor",
                                                   form: [("strategy", "totp"), ("code", "123456")])
            #expect(notStarted.errorCode == "verification_missing")
            let started = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "multi_factor")])
            #expect(started.response["level"] as? String == "multi_factor")
            #expect(started.response["status"] as? String == "needs_first_factor")
            #expect(try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_second_factor",
                                          form: [("strategy", "totp"), ("code", "123456")]).errorCode == "strategy_for_user_invalid",
                    "the first factor comes first")
            let prepared = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/prepare_first_factor",
                                                 form: [("strategy", "email_code")])
            #expect((prepared.response["first_factor_verification"] as? [String: Any])?["status"] as? String == "unverified")
            let code = try await Flows.lastCode(server, to: "second@example.com")
            let first = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_first_factor",
                                              form: [("strategy", "email_code"), ("code", code)])
            #expect(first.response["status"] as? String == "needs_second_factor")
            let totp = TOTPCode.code(secret: secret, step: TOTPCode.step(at: server.clock.now()))
            let second = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_second_factor",
                                               form: [("strategy", "totp"), ("code", totp)])
            #expect(second.response["status"] as? String == "complete")
            #expect(try await client.send("DELETE", "/v1/me/totp").response["deleted"] as? Bool == true)

            let other = NativeClient(server)
            #expect(try await other.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "first_factor")]).status == 401,
                    "only the session's own client may reverify it")
        }
    }

    @Test func removePasswordAndMetadataMerge() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "nopw@example.com")
            #expect(try await client.send("POST", "/v1/me/remove_password", form: [("current_password", "wrong-password-x")]).errorCode
                    == "form_password_incorrect")
            let removed = try await client.send("POST", "/v1/me/remove_password", form: [("current_password", Flows.password)])
            #expect(removed.response["password_enabled"] as? Bool == false)
            #expect(try await client.send("POST", "/v1/me/remove_password", form: [("current_password", Flows.password)]).errorCode
                    == "not_allowed_access")

            _ = try await client.send("PATCH", "/v1/me", form: [("unsafe_metadata", #"{"theme":{"name":"dark","size":2},"keep":1}"#)])
            let merged = try await client.send("PATCH", "/v1/me/metadata",
                                               form: [("unsafe_metadata", #"{"theme":{"size":null,"accent":"blue"},"new":true}"#)])
            let metadata = try #require(merged.response["unsafe_metadata"] as? [String: Any])
            #expect(metadata["keep"] as? Int == 1)
            #expect(metadata["new"] as? Bool == true)
            #expect(metadata["theme"] as? [String: String] == ["name": "dark", "accent": "blue"])
            #expect(try await client.send("PATCH", "/v1/me/metadata", form: [("unsafe_metadata", "[1,2]")]).status == 422)
            #expect(try await client.send("PATCH", "/v1/me/metadata").errorCode == "form_param_missing")
        }
    }

    @Test func signingKeyIsSealedAtRestAndKeepsItsKeyIDAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (jwt, kid) = try await withRunningServer(directory: directory) { first in
            let client = NativeClient(first)
            let sessionID = try await Flows.signUp(client, server: first, email: "keys@example.com")
            let jwt = try #require(try await client.send("POST", "/v1/client/sessions/\(sessionID)/tokens").json["jwt"] as? String)
            let kid = try #require(((try await client.send("GET", "/.well-known/jwks.json")).json["keys"] as? [[String: Any]])?.first?["kid"] as? String)
            return (jwt, kid)
        }

        let sealed = try String(contentsOf: directory.appendingPathComponent("jwt-keys.sealed"), encoding: .utf8)
        #expect(sealed.hasPrefix(DataKey.tag))
        #expect(!sealed.contains("PRIVATE KEY"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("jwt-signing-key.pem").path))
        for name in ["jwt-keys.sealed", "data-key", "instance-pepper"] {
            let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name) is owner-only")
        }

        try await withRunningServer(directory: directory) { second in
            let jwks = try await NativeClient(second).send("GET", "/.well-known/jwks.json").json
            #expect((jwks["keys"] as? [[String: Any]])?.first?["kid"] as? String == kid)
            #expect(JWKSVerifier.verify(jwt, jwks: jwks) != nil, "a token minted before the restart still verifies")
        }

        let wrongKey = Data(RandomToken.bytes(32)).base64EncodedString()
        var configuration = LocalServerConfiguration(dataDirectory: directory, settings: TestServer.testSettings())
        configuration.dataKey = wrongKey
        await #expect(throws: (any Error).self, "the sealed key does not open with another data key") {
            try await LocalServer.start(configuration)
        }
    }

    @Test func logsNameFailuresWithTraceIDButNeverSecrets() async throws {
        let captured = CapturedLog()
        var logger = Logger(label: "canary") { _ in captured.handler }
        logger.logLevel = .trace
        let canaryPassword = "canary-Password-Zebra-9031"
        // The log is read once the server has stopped.
        let (userID, traceID, code, wrongCode, clientToken) = try await withRunningServer(logger: logger) { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "canary@example.com", password: canaryPassword)
            let userID = try #require((try await client.send("GET", "/v1/me")).response["id"] as? String)
            let device = NativeClient(server)
            let failed = try await Flows.signIn(device, identifier: "canary@example.com", password: canaryPassword + "-wrong")
            let traceID = try #require(failed.json["clerk_trace_id"] as? String)
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "first_factor")])
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/prepare_first_factor", form: [("strategy", "email_code")])
            let code = try await Flows.lastCode(server, to: "canary@example.com")
            let wrongCode = String(code.reversed()) == code ? "000001" : String(code.reversed())
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_first_factor",
                                      form: [("strategy", "email_code"), ("code", wrongCode)])
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_first_factor",
                                      form: [("strategy", "email_code"), ("code", code)])
            _ = try await client.send("POST", "/v1/me/change_password",
                                      form: [("current_password", canaryPassword), ("new_password", canaryPassword + "-next")])
            let forged = NativeClient(server)
            forged.token = "forged-client-token-canary"
            _ = try await forged.send("GET", "/v1/me")
            return (userID, traceID, code, wrongCode, client.token)
        }

        let text = captured.text
        let events = captured.lines.filter { $0.contains("security event") }
        let failure = try #require(events.first { $0.contains("code=form_password_incorrect") })
        #expect(failure.contains(userID) && failure.contains(traceID) && failure.contains("127.0.0.1"))
        #expect(failure.contains("event=proof_failed") && failure.contains("strategy=password"))
        #expect(events.contains { $0.contains("code=form_code_incorrect") && $0.contains("strategy=email_code") })
        #expect(events.contains { $0.contains("code=authentication_invalid") && $0.contains("event=client_token_invalid") })
        for secret in [canaryPassword, code, wrongCode, "forged-client-token-canary", clientToken ?? "-"] {
            #expect(!text.contains(secret), "a secret reached the log")
        }
    }
}

/// Every rendered log line (message plus metadata) of a test server, for inspection.
final class CapturedLog: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
    var text: String { lines.joined(separator: "\n") }

    /// A handler writing here; a value type, so metadata set on one logger copy stays on that copy.
    var handler: Handler { Handler(log: self) }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append("\(event.level) \(event.message) "
                       + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
    }
}
