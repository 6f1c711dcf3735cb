import Foundation
import Logging
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

    /// Two processes opening a new data directory at once (a server still making its first key, and `clerk-tui
    /// admin` signing an invitation) end with one key: the first one written.
    @Test func twoOpenersOfANewDirectoryAgreeOnItsFirstKeyAndSecrets() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The store only tells the secrets where they live (files, as SQLite keeps them); both openers share it.
        let database = try await Database.open(path: directory.appendingPathComponent("fapi.sqlite").path,
                                               logger: Logger(label: "test"))
        let secrets = try await withThrowingTaskGroup(of: InstanceSecrets.self) { group in
            for _ in 0..<2 {
                group.addTask { try await InstanceSecrets.loadOrCreate(in: directory, database: database, now: 0) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await database.close()
        let kids = try secrets.map { try $0.signingKeys.signer(at: 0).keyID }
        #expect(kids[0] == kids[1])
        #expect(secrets[0].instanceID == secrets[1].instanceID)
        #expect(secrets[0].digest("code") == secrets[1].digest("code"), "one pepper")
        #expect(try secrets[1].dataKey.open(try secrets[0].dataKey.seal("x", context: "t"), context: "t") == "x")
        let stored = try SigningKeyRing.load(in: directory, dataKey: secrets[0].dataKey, tokenLifetime: 60)
        #expect(try stored.signer(at: 0).keyID == kids[0], "the key both use is the one on disk")
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
