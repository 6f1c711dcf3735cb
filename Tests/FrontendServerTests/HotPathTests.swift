import Foundation
import Synchronization
import Testing
@testable import FrontendServer

/// The fast paths of token requests and `GET /v1/client` (reused lookups, bodies and tokens) must never hand out
/// anything a fresh read would not.
@Suite("Hot paths: reuse never outlives a write or an expiry")
struct HotPathTests {
    private func sessionToken(_ client: NativeClient, _ sessionID: String) async throws -> HTTPReply {
        try await client.send("POST", "/v1/client/sessions/\(sessionID)/tokens", form: [("organization_id", "")])
    }

    private func lastActiveToken(_ reply: HTTPReply) -> String? {
        ((reply.response["sessions"] as? [[String: Any]])?.first?["last_active_token"] as? [String: Any])?["jwt"] as? String
    }

    @Test func signingOutIsSeenByTheVeryNextTokenRequestAndClient() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "hot@example.com")
            for _ in 0..<3 { #expect(try await sessionToken(client, sessionID).status == 200) }
            for _ in 0..<3 {
                #expect((try await client.send("GET", "/v1/client").response["sessions"] as? [Any])?.count == 1)
            }

            #expect(try await client.send("POST", "/v1/client/sessions/\(sessionID)/end").status == 200)
            #expect(try await sessionToken(client, sessionID).errorCode == "authentication_invalid")
            let after = try await client.send("GET", "/v1/client")
            #expect((after.response["sessions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func unknownClientAndForeignSessionAreStillRejected() async throws {
        try await withRunningServer { server in
            let owner = NativeClient(server), stranger = NativeClient(server)
            let sessionID = try await Flows.signUp(owner, server: server, email: "owner@example.com")
            _ = try await Flows.signUp(stranger, server: server, email: "stranger@example.com")
            #expect(try await sessionToken(stranger, sessionID).status == 404)
            let anonymous = NativeClient(server)
            #expect(try await sessionToken(anonymous, sessionID).errorCode == "authentication_invalid")
            #expect(try await sessionToken(owner, "sess_unknown").status == 404)
        }
    }

    @Test func aClientBodyIsNotServedPastItsSessionsExpiry() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            _ = try await Flows.signUp(client, server: server, email: "expiring@example.com")
            let session = try #require((try await client.send("GET", "/v1/client").response["sessions"] as? [[String: Any]])?.first)
            let endsAt = min(try #require(session["expire_at"] as? Int), try #require(session["abandon_at"] as? Int))
            server.clock.set(Date(timeIntervalSince1970: Double(endsAt - 400) / 1000))
            #expect((try await client.send("GET", "/v1/client").response["sessions"] as? [Any])?.count == 1)
            server.clock.advance(by: 0.5)
            #expect((try await client.send("GET", "/v1/client").response["sessions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func clientPayloadsReuseARecentTokenButTheTokenEndpointAlwaysSigns() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "reuse@example.com")
            let minted = try #require(try await sessionToken(client, sessionID).json["jwt"] as? String)
            let again = try #require(try await sessionToken(client, sessionID).json["jwt"] as? String)
            #expect(minted != again, "every token request signs a new token")
            let inPayload = try #require(lastActiveToken(try await client.send("GET", "/v1/client")))
            #expect(inPayload == again, "the client payload reuses the token minted moments ago")

            server.clock.advance(by: 5)
            let later = try #require(lastActiveToken(try await client.send("GET", "/v1/client")))
            #expect(later != again, "a token older than the reuse window is not handed out again")
            let jwks = try await client.send("GET", "/.well-known/jwks.json").json
            let claims = try #require(JWKSVerifier.verify(later, jwks: jwks)?.claims)
            #expect(claims["iat"] as? Int == Int(server.clock.now().timeIntervalSince1970))
        }
    }

    @Test func recentRowsNeedTheSameGenerationAndAFreshRead() async throws {
        let rows = RecentRows<String, Int>(maxAge: 1000, capacity: 2)
        let reads = Counter()
        func value(_ key: String = "a", generation: UInt64 = 3, now: Int64, keep: Bool = true) async throws -> Int {
            try await rows.value(for: key, generation: generation, now: now) {
                (reads.next(), keep)
            }
        }
        #expect(try await value(now: 10_000) == 1)
        #expect(try await value(now: 10_999) == 1, "recent, nothing written since")
        #expect(try await value(generation: 4, now: 10_500) == 2, "a write since the read")
        #expect(try await value(generation: 4, now: 11_000) == 2)
        #expect(try await value(generation: 4, now: 11_500) == 3, "older than maxAge")
        #expect(try await value(generation: 4, now: 11_499) == 4, "a clock that went back")
        #expect(try await value("b", now: 0, keep: false) == 5)
        #expect(try await value("b", now: 0) == 6, "a read that said not to keep it")
        #expect(try await value("c", now: 0) == 7)
        #expect(try await value("b", now: 0) == 8, "storing past capacity starts afresh")
        let shared = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await rows.value(for: "d", generation: 9, now: 0) {
                        try await Task.sleep(for: .milliseconds(200))
                        return (reads.next(), true)
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(shared == [9], "eight callers that miss together cost one read")
    }

    @Test func sessionTokenCacheMatchesEveryClaimAndTheWindow() {
        let cache = SessionTokenCache(tokenLifetime: 60)
        #expect(cache.window == 5)
        let key = SessionTokenCache.Key(keyID: "k", issuer: "http://x", sessionID: "sess_1", userID: "user_1",
                                        authorizedParty: nil, organization: nil, factorAges: [0, -1], status: "active")
        cache.store("t", for: key, issuedAt: 100)
        #expect(cache.token(for: key, now: 104) == "t")
        #expect(cache.token(for: key, now: 105) == nil)
        #expect(cache.token(for: key, now: 99) == nil)
        let otherOrigin = SessionTokenCache.Key(keyID: "k", issuer: "http://x", sessionID: "sess_1", userID: "user_1",
                                                authorizedParty: "https://a", organization: nil, factorAges: [0, -1],
                                                status: "active")
        #expect(cache.token(for: otherOrigin, now: 101) == nil)
        let olderFactor = SessionTokenCache.Key(keyID: "k", issuer: "http://x", sessionID: "sess_1", userID: "user_1",
                                                authorizedParty: nil, organization: nil, factorAges: [1, -1],
                                                status: "active")
        #expect(cache.token(for: olderFactor, now: 101) == nil)
        let admin = OrganizationClaim(id: "org_1", slug: "acme", role: "org:admin", permissions: ["org:sys_profile:manage"])
        let inOrganization = SessionTokenCache.Key(keyID: "k", issuer: "http://x", sessionID: "sess_1", userID: "user_1",
                                                   authorizedParty: nil, organization: admin, factorAges: [0, -1],
                                                   status: "active")
        cache.store("as-admin", for: inOrganization, issuedAt: 100)
        let demoted = SessionTokenCache.Key(keyID: "k", issuer: "http://x", sessionID: "sess_1", userID: "user_1",
                                            authorizedParty: nil,
                                            organization: OrganizationClaim(id: "org_1", slug: "acme", role: "org:member", permissions: []),
                                            factorAges: [0, -1], status: "active")
        #expect(cache.token(for: inOrganization, now: 101) == "as-admin")
        #expect(cache.token(for: demoted, now: 101) == nil, "a role change is a different token")
        #expect(SessionTokenCache(tokenLifetime: 10).window == 0, "short-lived tokens are never reused")
    }

    @Test func byteWiseEncodings() {
        #expect(Columns.snakeCase("lastActiveOrganizationId") == "last_active_organization_id")
        #expect(Columns.snakeCase("id") == "id")
        #expect(([0x00, 0x0f, 0xa5, 0xff] as [UInt8]).hexString == "000fa5ff")
        #expect(Data([0xfb, 0xff, 0xfe]).base64URLEncodedString() == "-__-")
        #expect(Data([0x01]).base64URLEncodedString() == "AQ")
        let token = RandomToken.base62(4000)
        #expect(token.count == 4000 && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) })
        #expect(Set(token).count == 62, "every base62 character occurs in a long draw")
    }
}

/// Counts reads made by `RecentRows` callers.
private final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
