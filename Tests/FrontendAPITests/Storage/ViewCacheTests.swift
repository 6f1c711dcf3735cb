import Foundation
import Testing
@testable import FrontendAPI

@Suite("The cached environment and client")
struct ViewCacheTests {
    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "view-cache-\(UUID().uuidString)/clerk-tui/local")
    }

    @Test func keepsTheEnvironmentAndClientWithoutSessionTokensOrAttempts() throws {
        let cache = FileViewCache(directory: Self.directory())
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        let environment = try Fixture.decode(Environment.self, "environment.json")
        let client = try Fixture.decode(Client.self, "client.json")
        #expect(client.sessions.contains { $0.lastActiveToken != nil })
        try cache.save(environment: environment)
        try cache.save(client: client)

        let view = try #require(cache.load())
        #expect(view.environment == environment)
        #expect(view.client == FileViewCache.kept(client))
        #expect(view.client?.sessions.map(\.id) == client.sessions.map(\.id))
        #expect(view.client?.sessions.allSatisfy { $0.lastActiveToken == nil } == true)
        #expect(view.client?.signIn == nil && view.client?.signUp == nil)
        let raw = try String(contentsOf: cache.directory.appending(path: "client.json"), encoding: .utf8)
        for session in client.sessions {
            if let jwt = session.lastActiveToken?.jwt { #expect(!raw.contains(jwt)) }
        }
    }

    @Test func filesAreOwnerOnly() throws {
        let cache = FileViewCache(directory: Self.directory())
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        try cache.save(environment: try Fixture.decode(Environment.self, "environment.json"))
        try cache.save(client: nil)
        for name in ["environment.json", "client.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: cache.directory.appending(path: name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
        let directory = try FileManager.default.attributesOfItem(atPath: cache.directory.path)
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        #expect(cache.load()?.client == nil)
        #expect(cache.load() != nil)
    }

    @Test func aMissingOrCorruptHalfIsNoCache() throws {
        let cache = FileViewCache(directory: Self.directory())
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        #expect(cache.load() == nil)
        try cache.save(client: nil)
        #expect(cache.load() == nil)
        try cache.save(environment: try Fixture.decode(Environment.self, "environment.json"))
        #expect(cache.load() != nil)
        try Data("{\"id\":".utf8).write(to: cache.directory.appending(path: "client.json"))
        #expect(cache.load() == nil)
    }

    @Test func withoutAClientTokenTheCachedClientIsNotOffered() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let cache = FileViewCache(directory: directory)
        try cache.save(environment: try Fixture.decode(Environment.self, "environment.json"))
        try cache.save(client: try Fixture.decode(Client.self, "client.json"))
        let instance = Instance.local(baseURL: URL(string: "http://127.0.0.1:1")!)
        let signedOut = FrontendClient(instance: instance, tokenStore: MemoryTokenStore(), viewCache: cache)
        #expect(signedOut.cachedView()?.client == nil)
        let device = FrontendClient(instance: instance, tokenStore: MemoryTokenStore(token: "t"), viewCache: cache)
        #expect(device.cachedView()?.client?.id == cache.load()?.client?.id)
        #expect(FrontendClient(instance: instance, tokenStore: MemoryTokenStore(token: "t")).cachedView() == nil)
    }
}

@Suite("The client keeps its cache current", .serialized)
struct ViewCacheLoopbackTests {
    @Test func everyAnsweredClientAndEnvironmentIsKept() async throws {
        try await LocalInstance.withRunning { local in
            let cache = FileViewCache(directory: local.dataDirectory.appending(path: "state"))
            // A previous run left a signed-in client; this run's first answer (no client) replaces it, though it
            // equals the empty state the process started with.
            try cache.save(client: try Fixture.decode(Client.self, "client.json"))
            let client = FrontendClient(instance: local.client.instance, tokenStore: local.tokenStore, viewCache: cache)
            #expect(try await client.refreshClient() == nil)
            #expect(cache.load() == nil)  // no environment yet
            let environment = try await client.environment()
            #expect(cache.load() == CachedView(environment: environment, client: nil))

            try await local.signUp(client)
            let signedIn = try #require(await client.state.client)
            #expect(cache.load()?.client == FileViewCache.kept(signedIn))
            #expect(client.cachedView()?.client?.lastActiveSessionID == signedIn.lastActiveSessionID)

            _ = try await client.signOutAll()
            #expect(cache.load()?.client?.sessions.contains { $0.status == .active } != true)
        }
    }
}
