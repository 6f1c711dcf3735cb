import Foundation
import Testing
@testable import FrontendServer

@Suite("/v1/me/passkeys over HTTP")
struct PasskeyTests {
    /// Stores a passkey for `userID` directly (registration is not served yet).
    static func storePasskey(_ server: TestServer, userID: String, name: String) async throws -> String {
        let database = try await Database.open(path: server.directory.appendingPathComponent("fapi.sqlite").path, readers: 1,
                                               logger: .init(label: "test"))
        let id = RandomToken.id(.idn).replacingOccurrences(of: "idn_", with: "pk_")
        let now = server.clock.now().epochMilliseconds
        try await database.write { db in
            try await PasskeyRecord(id: id, userId: userID, name: name, credentialId: RandomToken.base62(32),
                                    publicKey: RandomToken.base62(64), lastUsedAt: nil, createdAt: now, updatedAt: now).insert(in: db)
        }
        await database.close()
        return id
    }

    @Test func listedOnTheUserRenamedAndRemoved() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "passkey@example.com")
            let userID = try #require((try await client.send("GET", "/v1/me")).response["id"] as? String)
            let id = try await Self.storePasskey(server, userID: userID, name: "Laptop")

            let listed = try #require((try await client.send("GET", "/v1/me")).response["passkeys"] as? [[String: Any]])
            #expect(listed.compactMap { $0["name"] as? String } == ["Laptop"])
            #expect(listed.first?["object"] as? String == "passkey")
            #expect(try await client.send("GET", "/v1/me/passkeys/\(id)").response["id"] as? String == id)

            let renamed = try await client.send("PATCH", "/v1/me/passkeys/\(id)", form: [("name", "  Work laptop ")])
            #expect(renamed.response["name"] as? String == "Work laptop")
            #expect(try await client.send("PATCH", "/v1/me/passkeys/\(id)", form: [("name", "   ")]).errorCode == "form_param_missing")
            #expect(try await client.send("PATCH", "/v1/me/passkeys/\(id)", form: [("name", String(repeating: "k", count: 257))]).errorCode
                    == "form_param_format_invalid")
            #expect(try await client.send("PATCH", "/v1/me/passkeys/\(id)").errorCode == "form_param_missing")

            let other = NativeClient(server)
            try await Flows.signUp(other, server: server, email: "other-passkey@example.com")
            #expect(try await other.send("DELETE", "/v1/me/passkeys/\(id)").status == 404, "another user's passkey is not found")

            server.clock.advance(by: 11 * 60)
            #expect(try await client.send("DELETE", "/v1/me/passkeys/\(id)").errorCode == "session_reverification_required")
            let sessionID = try #require((try await client.send("GET", "/v1/client")).response["last_active_session_id"] as? String)
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "first_factor")])
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_first_factor",
                                      form: [("strategy", "password"), ("password", Flows.password)])
            let deleted = try await client.send("DELETE", "/v1/me/passkeys/\(id)")
            #expect(deleted.response["object"] as? String == "passkey")
            #expect(deleted.response["deleted"] as? Bool == true)
            #expect(((try await client.send("GET", "/v1/me")).response["passkeys"] as? [Any])?.isEmpty == true)
            #expect(try await client.send("GET", "/v1/me/passkeys/\(id)").status == 404)
        }
    }
}
