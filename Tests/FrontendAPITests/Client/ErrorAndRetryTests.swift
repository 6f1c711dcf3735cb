import Foundation
import Synchronization
import Testing
@testable import FrontendAPI

@Suite("Errors and retries")
struct ErrorAndRetryTests {
    static let errorBody = #"""
    {"errors":[{"code":"form_password_incorrect","message":"is incorrect","long_message":"Password is incorrect. Try again.",
     "meta":{"param_name":"password"}}],"meta":{},"clerk_trace_id":"trace_1"}
    """#

    @Test func anErrorBodyBecomesATypedAPIError() async throws {
        let peer = try ScriptedPeer { _ in .json(422, Self.errorBody) }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore())
        let error = await #expect(throws: APIError.self) {
            try await client.attemptFirstFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .password, password: "x"))
        }
        #expect(error?.status == 422)
        #expect(error?.code == "form_password_incorrect")
        #expect(error?.longMessage == "Password is incorrect. Try again.")
        #expect(error?.paramName == "password")
        #expect(error?.traceID == "trace_1")
        #expect(peer.requests.count == 1)
    }

    @Test func a429IsRetriedOnceAfterRetryAfterThenSucceeds() async throws {
        let calls = Atomic<Int>(0)
        let peer = try ScriptedPeer { _ in
            calls.add(1, ordering: .relaxed).newValue == 1
                ? .json(429, #"{"errors":[{"code":"too_many_requests","message":"m","long_message":"m"}]}"#,
                        headers: [("Retry-After", "0")])
                : .json(200, RequestBuildingTests.signInJSON())
        }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore())
        // POST: retried because a 429 means the server did not act on it.
        let signIn = try await client.createSignIn(SignInParameters(identifier: "a@b.co"))
        #expect(signIn.id == "sia_1")
        #expect(peer.requests.count == 2)
    }

    @Test func aSecond429IsThrownWithItsRetryAfter() async throws {
        let peer = try ScriptedPeer { _ in
            .json(429, #"{"errors":[{"code":"too_many_requests","message":"m","long_message":"m"}]}"#, headers: [("Retry-After", "0")])
        }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore())
        let error = await #expect(throws: APIError.self) { try await client.refreshClient() }
        #expect(error?.isRateLimited == true)
        #expect(error?.retryAfter == .zero)
        #expect(peer.requests.count == 2)
    }

    @Test func a500IsRetriedForGETButNotForPOST() async throws {
        let peer = try ScriptedPeer { _ in .json(500, "oops") }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore())
        await #expect(throws: APIError.self) { try await client.refreshClient() }
        #expect(peer.requests.count == 2)
        await #expect(throws: APIError.self) { try await client.createSignIn(SignInParameters(identifier: "a@b.co")) }
        #expect(peer.requests.count == 3)
    }

    @Test func aServerThatDropsTheConnectionMidRequest() async throws {
        let peer = try ScriptedPeer { _ in .close }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore())
        let error = await #expect(throws: TransportError.self) { try await client.refreshClient() }
        #expect(error?.kind == .connectionLost)
        #expect(peer.requests.count == 2)  // idempotent: one retry
        await #expect(throws: TransportError.self) {
            try await client.createSignUp(SignUpParameters(emailAddress: "a@b.co"))
        }
        #expect(peer.requests.count == 3)  // POST: the server may have acted, so no retry
    }

    @Test func authenticationInvalidRefreshesTheClient() async throws {
        let peer = try ScriptedPeer { request in
            request.target.hasPrefix("/v1/client?")
                ? .json(200, #"{"response":null,"client":null}"#)
                : .json(401, #"{"errors":[{"code":"authentication_invalid","message":"m","long_message":"m"}]}"#)
        }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore(token: "stale"))
        let error = await #expect(throws: APIError.self) { try await client.user() }
        #expect(error?.code == "authentication_invalid")
        #expect(peer.requests.map { $0.target.split(separator: "?")[0] } == ["/v1/me", "/v1/client"])
    }

    @Test func cancellingACallAbortsItsTransfer() async throws {
        let peer = try ScriptedPeer { _ in .stall }
        defer { peer.stop() }
        let client = FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore())
        let call = Task { try await client.environment() }
        while peer.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(peer.requests.count == 1)
    }

    @Test func retryDelaysFollowTheServerWithinBounds() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        func response(_ status: Int, _ headers: HTTPHeaders = [:]) -> HTTPResponse {
            HTTPResponse(status: status, headers: headers)
        }
        #expect(RetryPolicy.delay(after: response(429, ["Retry-After": "2"]), idempotent: false, now: now) == .seconds(2))
        #expect(RetryPolicy.delay(after: response(429, ["Retry-After": "5"]), idempotent: false, now: now) == .seconds(5))
        // Longer than the cap: a retry would be refused again, so the caller gets the answer (and the wait) now.
        #expect(RetryPolicy.delay(after: response(429, ["Retry-After": "60"]), idempotent: false, now: now) == nil)
        #expect(RetryPolicy.delay(after: response(429, ["Retry-After": "0"]), idempotent: false, now: now) == .milliseconds(100))
        #expect(RetryPolicy.delay(after: response(503), idempotent: true, now: now) == .milliseconds(500))
        #expect(RetryPolicy.delay(after: response(503), idempotent: false, now: now) == nil)
        #expect(RetryPolicy.delay(after: response(422), idempotent: true, now: now) == nil)
        #expect(RetryPolicy.delay(
            after: response(429, ["Retry-After": "Mon, 12 Jan 1970 13:46:43 GMT"]), idempotent: true, now: now) == .seconds(3))
        #expect(RetryPolicy.delay(after: response(429, ["X-RateLimit-Reset": "1000004"]), idempotent: true, now: now) == .seconds(4))
        #expect(RetryPolicy.delay(after: TransportError(.cannotConnect, ""), idempotent: false) == .milliseconds(500))
        #expect(RetryPolicy.delay(after: TransportError(.connectionLost, ""), idempotent: false) == nil)
        #expect(RetryPolicy.delay(after: TransportError(.tls, ""), idempotent: true) == nil)
    }
}
