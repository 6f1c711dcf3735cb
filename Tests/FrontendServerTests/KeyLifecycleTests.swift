import Foundation
import Testing
@testable import FrontendServer

@Suite("Signing-key rotation and session inactivity over HTTP")
struct KeyLifecycleTests {
    static func kids(_ client: NativeClient) async throws -> [String] {
        ((try await client.send("GET", "/.well-known/jwks.json")).json["keys"] as? [[String: Any]] ?? []).compactMap { $0["kid"] as? String }
    }

    static func token(_ client: NativeClient, session: String) async throws -> (jwt: String, kid: String?) {
        let jwt = try #require(try await client.send("POST", "/v1/client/sessions/\(session)/tokens").json["jwt"] as? String)
        let jwks = try await client.send("GET", "/.well-known/jwks.json").json
        return (jwt, JWKSVerifier.verify(jwt, jwks: jwks)?.header["kid"] as? String)
    }

    @Test func rotationPublishesBeforeSigningAndRetiresAfterTheGrace() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualClock()
        let (client, session, fresh) = try await withRunningServer(directory: directory, clock: clock) { server in
            let client = NativeClient(server)
            let session = try await Flows.signUp(client, server: server, email: "rotate@example.com")
            let old = try #require(try await Self.kids(client).first)
            let oldToken = try await Self.token(client, session: session)
            #expect(oldToken.kid == old)

            let fresh = try await server.server.rotateSigningKey()
            #expect(try await Self.kids(client) == [old, fresh], "the new key is published at once")
            #expect(try await Self.token(client, session: session).kid == old, "but does not sign before the lead time")

            clock.advance(by: Double(SigningKeyRing.publishLead) / 1000 + 1)
            #expect(try await Self.token(client, session: session).kid == fresh)
            #expect(try await Self.kids(client) == [old, fresh], "the old key stays while its tokens may live")
            return (client, session, fresh)
        }

        try await withRunningServer(directory: directory, clock: clock) { restarted async throws in
            let again = NativeClient(restarted)
            again.token = client.token
            #expect(try await Self.token(again, session: session).kid == fresh, "the rotation survives a restart")
            clock.advance(by: 120)
            #expect(try await Self.kids(again) == [fresh], "the old key leaves the JWKS after its grace")
        }
    }

    @Test func aPlaintextKeyFromAnOlderVersionIsSealedAndKeepsItsKeyID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = try RSASigningKey.generate()
        try Data(try key.pem().utf8).write(to: directory.appendingPathComponent("jwt-signing-key.pem"))
        try await withRunningServer(directory: directory) { server async throws in
            #expect(try await Self.kids(NativeClient(server)) == [try InstanceSecrets.keyID(of: key)])
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("jwt-signing-key.pem").path))
        }
    }

    @Test func inactivityAbandonsTheSessionButTokenFetchesCountAsActivity() async throws {
        var settings = TestServer.testSettings()
        settings.sessions.inactivityTimeout = 300
        try await withRunningServer(settings: settings) { server in
            let client = NativeClient(server)
            let session = try await Flows.signUp(client, server: server, email: "idle@example.com")
            server.clock.advance(by: 200)
            #expect(try await client.send("POST", "/v1/client/sessions/\(session)/tokens").status == 200)
            server.clock.advance(by: 200)
            #expect(try await client.send("POST", "/v1/client/sessions/\(session)/tokens").status == 200,
                    "the token fetch at 200 s moved abandon_at")
            server.clock.advance(by: 301)
            #expect(try await client.send("POST", "/v1/client/sessions/\(session)/tokens").status == 401)
            let state = try await client.send("GET", "/v1/client")
            #expect((state.response["sessions"] as? [Any])?.isEmpty == true)
            #expect(try await client.send("GET", "/v1/me").status == 401)
        }
    }
}
