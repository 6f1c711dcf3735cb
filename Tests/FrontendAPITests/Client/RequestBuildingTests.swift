import Foundation
import Testing
@testable import FrontendAPI

/// What the client puts on the wire, read back by a real loopback peer.
@Suite("Native request building")
struct RequestBuildingTests {
    static let clientJSON = #"""
    {"object":"client","id":"client_1","sessions":[],"sign_in":null,"sign_up":null,
     "last_active_session_id":"sess_1","created_at":1700000000000,"updated_at":1700000000000}
    """#

    static func signInJSON(_ status: String = "needs_first_factor") -> String {
        #"{"response":{"object":"sign_in_attempt","id":"sia_1","status":"\#(status)","supported_identifiers":[],"#
            + #""supported_first_factors":[],"supported_second_factors":[],"first_factor_verification":null,"#
            + #""second_factor_verification":null,"identifier":"a@b.co","user_data":null,"created_session_id":null,"#
            + #""abandon_at":1700000000000},"client":\#(clientJSON)}"#
    }

    func client(_ peer: ScriptedPeer, token: String? = nil) -> FrontendClient {
        FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore(token: token))
    }

    @Test func sendsTheNativeHeadersQueryAndFormBody() async throws {
        let peer = try ScriptedPeer { _ in .json(200, Self.signInJSON(), headers: [("Authorization", "new-token")]) }
        defer { peer.stop() }
        let store = MemoryTokenStore()
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: store)

        let signIn = try await client.createSignIn(SignInParameters(identifier: "a b@c.co", password: "p&ss", transfer: true))

        #expect(signIn.id == "sia_1")
        let request = try #require(peer.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1/client/sign_ins?_is_native=true")
        #expect(request.header("Accept") == "application/json")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("clerk-api-version") == "2026-05-12")
        #expect(request.header("Authorization") == nil)
        #expect(String(decoding: request.body, as: UTF8.self) == "identifier=a%20b%40c.co&password=p%26ss&transfer=1")
        // The piggy-backed client and the new token are taken in.
        #expect(await client.state.client?.id == "client_1")
        #expect(store.load() == "new-token")
    }

    @Test func sendsTheTokenRawAndTheClientIDOnLaterCalls() async throws {
        let peer = try ScriptedPeer { _ in .json(200, #"{"response":\#(Self.clientJSON),"client":null}"#) }
        defer { peer.stop() }
        let client = client(peer, token: "stored-token")
        try await client.refreshClient()
        try await client.refreshClient()
        let requests = peer.requests
        #expect(requests[0].target == "/v1/client?_is_native=true")
        #expect(requests[0].header("Authorization") == "stored-token")
        #expect(requests[0].header("x-clerk-client-id") == nil)
        #expect(requests[1].header("x-clerk-client-id") == "client_1")
    }

    @Test func meCallsCarryTheActiveOrGivenSessionID() async throws {
        let user = #"{"object":"totp","id":"totp_1","secret":"S","uri":"otpauth://x","verified":false,"backup_codes":null,"created_at":1,"updated_at":1}"#
        let peer = try ScriptedPeer { request in
            request.target.hasPrefix("/v1/client") ? .json(200, #"{"response":\#(Self.clientJSON),"client":null}"#)
                : .json(200, #"{"response":\#(user),"client":null}"#)
        }
        defer { peer.stop() }
        let client = client(peer, token: "t")
        try await client.refreshClient()
        _ = try await client.createTOTP()
        _ = try await client.createTOTP(sessionID: "sess_other")
        #expect(peer.requests[1].target == "/v1/me/totp?_clerk_session_id=sess_1&_is_native=true")
        #expect(peer.requests[2].target == "/v1/me/totp?_clerk_session_id=sess_other&_is_native=true")
    }

    @Test func pathSegmentsAreEscaped() async throws {
        let peer = try ScriptedPeer { _ in .json(200, Self.signInJSON()) }
        defer { peer.stop() }
        _ = try await client(peer).signIn("sia_1/../x?y", rotatingTokenNonce: "n o")
        #expect(peer.requests[0].target == "/v1/client/sign_ins/sia_1%2F..%2Fx%3Fy?rotating_token_nonce=n%20o&_is_native=true")
    }

    @Test(arguments: ["", "Bearer", "  Bearer "])
    func anEmptyOrBearerAuthorizationHeaderClearsTheToken(value: String) async throws {
        let peer = try ScriptedPeer { _ in .json(200, #"{"response":null,"client":null}"#, headers: [("Authorization", value)]) }
        defer { peer.stop() }
        let store = MemoryTokenStore(token: "old")
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: store)
        try await client.refreshClient()
        #expect(store.load() == nil)
        #expect(!client.hasClientToken)
        #expect(await client.state.client == nil)
    }

    @Test func anAbsentAuthorizationHeaderKeepsTheToken() async throws {
        let peer = try ScriptedPeer { _ in .json(200, #"{"response":null,"client":null}"#) }
        defer { peer.stop() }
        let store = MemoryTokenStore(token: "kept")
        try await FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: store).refreshClient()
        #expect(store.load() == "kept")
    }

    @Test func tokenRequestsSendTheOrganizationLikeClerkIOS() throws {
        let personal = Endpoint<Token>.sessionToken(sessionID: "sess_1", organizationID: nil, template: nil)
        #expect(personal.path == "/v1/client/sessions/sess_1/tokens")
        #expect(personal.body?.encodedString == "organization_id=")
        let organization = Endpoint<Token>.sessionToken(sessionID: "sess_1", organizationID: "org_9", template: nil)
        #expect(organization.body?.encodedString == "organization_id=org_9")
        let template = Endpoint<Token>.sessionToken(sessionID: "sess_1", organizationID: nil, template: "hasura")
        #expect(template.path == "/v1/client/sessions/sess_1/tokens/hasura")
        #expect(template.body?.isEmpty == true)
        #expect(template.isIdempotent)
    }
}
