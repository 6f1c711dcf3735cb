import Foundation
import Testing
@testable import FrontendServer

@Suite("Strict enumeration protection over HTTP")
struct EnumerationProtectionTests {
    /// The JSON with ids, timestamps and the identifier itself removed: what must not differ between accounts.
    static func shape(_ value: Any) -> Any {
        switch value {
        case let object as [String: Any]:
            var kept: [String: Any] = [:]
            for (key, inner) in object where !(key == "id" || key.hasSuffix("_id") || key.hasSuffix("_at")
                                                || key == "identifier" || key == "safe_identifier") {
                kept[key] = shape(inner)
            }
            return kept
        case let array as [Any]: return array.map(shape)
        default: return value
        }
    }

    /// `shape` as sorted JSON text, with `identifier` (where it is echoed as a plain value) replaced by a placeholder.
    static func canonical(_ value: Any, identifier: String? = nil) throws -> String {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: shape(value), options: [.sortedKeys]), as: UTF8.self)
        return identifier.map { text.replacingOccurrences(of: "\"\($0)\"", with: "\"<identifier>\"") } ?? text
    }

    @Test func unknownAndKnownEmailsLookTheSame() async throws {
        var settings = TestServer.testSettings()
        settings.enumerationProtection = .strict
        try await withRunningServer(settings: settings) { server in
            let environment = try await NativeClient(server).send("GET", "/v1/environment")
            let protection = ((environment.json["user_settings"] as? [String: Any])?["attack_protection"] as? [String: Any])?["enumeration_protection"]
            #expect((protection as? [String: Any])?["enabled"] as? Bool == true)
            try await Flows.signUp(NativeClient(server), server: server, email: "known@example.com")
            let before = try await Outbox.messages(dataDirectory: server.directory, limit: 50).count

            var shapes: [[String]] = []
            for email in ["known@example.com", "nobody@example.com"] {
                let client = NativeClient(server)
                let created = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", email)])
                #expect(created.status == 200, "\(email): \(String(decoding: created.data, as: UTF8.self))")
                let id = try #require(created.response["id"] as? String)
                let prepared = try await client.send("POST", "/v1/client/sign_ins/\(id)/prepare_first_factor",
                                                     form: [("strategy", "email_code")])
                #expect(prepared.status == 200)
                let wrongCode = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                                      form: [("strategy", "email_code"), ("code", "000000")])
                let again = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", email), ("password", "wrong-password-1")])
                #expect(again.errorCode == "form_password_incorrect")
                shapes.append([try Self.canonical(created.response), try Self.canonical(prepared.response),
                               try Self.canonical(wrongCode.json), try Self.canonical(again.json)])
            }
            #expect(shapes[0] == shapes[1])
            let sent = try await Outbox.messages(dataDirectory: server.directory, limit: 50)
            #expect(sent.count == before + 1, "only the real account got a code")
            #expect(!sent.contains { $0.recipient == "nobody@example.com" })

            let client = NativeClient(server)
            let created = try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", "nobody@example.com")])
            let id = try #require(created.response["id"] as? String)
            #expect(created.response["identifier"] as? String == "nobody@example.com")
            let repeated = try await NativeClient(server).send("POST", "/v1/client/sign_ins", form: [("identifier", "nobody@example.com")])
            let factorIDs = { (reply: HTTPReply) in
                (reply.response["supported_first_factors"] as? [[String: Any]])?.compactMap { $0["email_address_id"] as? String }
            }
            #expect(factorIDs(created) == factorIDs(repeated), "the made-up address id is stable")
            _ = try await client.send("POST", "/v1/client/sign_ins/\(id)/prepare_first_factor", form: [("strategy", "email_code")])
            for _ in 0..<5 {
                _ = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                          form: [("strategy", "email_code"), ("code", "424242")])
            }
            let capped = try await client.send("POST", "/v1/client/sign_ins/\(id)/attempt_first_factor",
                                               form: [("strategy", "email_code"), ("code", "424242")])
            #expect(capped.errorCode == "verification_failed", "the attempt cap applies as for a real address")
        }
    }

    @Test func signUpWithATakenEmailLooksNormalAndSendsANoticeNotACode() async throws {
        var settings = TestServer.testSettings()
        settings.enumerationProtection = .strict
        try await withRunningServer(settings: settings) { server in
            try await Flows.signUp(NativeClient(server), server: server, email: "taken@example.com")

            var shapes: [[String]] = []
            for email in ["taken@example.com", "fresh@example.com"] {
                let client = NativeClient(server)
                let created = try await client.send("POST", "/v1/client/sign_ups",
                                                    form: [("email_address", email), ("password", Flows.password)])
                #expect(created.status == 200, "\(email): \(String(decoding: created.data, as: UTF8.self))")
                let id = try #require(created.response["id"] as? String)
                let prepared = try await client.send("POST", "/v1/client/sign_ups/\(id)/prepare_verification",
                                                     form: [("strategy", "email_code")])
                let wrong = try await client.send("POST", "/v1/client/sign_ups/\(id)/attempt_verification",
                                                  form: [("strategy", "email_code"), ("code", "000000")])
                shapes.append([try Self.canonical(created.response, identifier: email), try Self.canonical(prepared.response, identifier: email),
                               try Self.canonical(wrong.json, identifier: email)])
            }
            #expect(shapes[0] == shapes[1])
            let toOwner = try await Outbox.messages(dataDirectory: server.directory, limit: 50).filter { $0.recipient == "taken@example.com" }
            #expect(toOwner.last?.purpose == "sign_up_account_exists")
            #expect(toOwner.last?.code == "", "the owner is told, nobody gets a code")
        }
    }

    @Test func offModeRevealsUnknownIdentifiersAsClerkDoes() async throws {
        try await withRunningServer { server in
            let reply = try await NativeClient(server).send("POST", "/v1/client/sign_ins", form: [("identifier", "nobody@example.com")])
            #expect(reply.errorCode == "form_identifier_not_found")
        }
    }
}
