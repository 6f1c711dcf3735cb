import Foundation
import Testing
@testable import FrontendServer

/// A new instance answers before its first signing key exists (generated on a thread of its own); whatever needs the
/// key waits for it, and the instance's public id never depends on it.
@Suite("The first signing key, generated off the serving path")
struct FirstStartKeyTests {
    static func environmentIDs(_ client: NativeClient) async throws -> [String?] {
        let environment = try await client.send("GET", "/v1/environment").json
        return [(environment["auth_config"] as? [String: Any])?["id"] as? String,
                (environment["display_config"] as? [String: Any])?["id"] as? String]
    }

    @Test func aNewInstanceMintsWithItsFirstKeyAndKeepsItsIDAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (ids, kid) = try await withRunningServer(directory: directory) { server async throws in
            let client = NativeClient(server)
            let ids = try await Self.environmentIDs(client)
            let session = try await Flows.signUp(client, server: server, email: "first@example.com")
            let token = try await KeyLifecycleTests.token(client, session: session)
            #expect(token.kid != nil, "the token verifies against the published key")
            #expect(try await KeyLifecycleTests.kids(client) == [token.kid])
            return (ids, token.kid)
        }
        let instanceID = try String(contentsOf: directory.appendingPathComponent("instance-id"), encoding: .utf8)
        #expect(ids == ["aac_" + instanceID.dropFirst(4), "display_config_" + instanceID.dropFirst(4)])
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("jwt-keys.sealed").path))

        try await withRunningServer(directory: directory) { restarted async throws in
            let client = NativeClient(restarted)
            #expect(try await Self.environmentIDs(client) == ids)
            #expect(try await KeyLifecycleTests.kids(client) == [kid], "the generated key was kept")
        }
    }

    @Test func anInstanceFromBeforeTheIDFileKeepsItsKeysID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = try RSASigningKey.generate()
        try Data(try key.pem().utf8).write(to: directory.appendingPathComponent("jwt-signing-key.pem"))
        let kid = try InstanceSecrets.keyID(of: key)
        try await withRunningServer(directory: directory) { server async throws in
            #expect(try await Self.environmentIDs(NativeClient(server)) == ["aac_" + kid.dropFirst(4), "display_config_" + kid.dropFirst(4)])
        }
        #expect(try String(contentsOf: directory.appendingPathComponent("instance-id"), encoding: .utf8) == kid)
    }
}
