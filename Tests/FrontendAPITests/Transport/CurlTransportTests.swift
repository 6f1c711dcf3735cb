import Foundation
import Testing
@testable import FrontendAPI

@Suite("CurlTransport against a real loopback peer")
struct CurlTransportTests {
    @Test func sendsMethodHeadersAndBodyAndReadsTheResponse() async throws {
        let peer = try ScriptedPeer { _ in .json(201, #"{"ok":true}"#, headers: [("X-Reply", "yes")]) }
        defer { peer.stop() }
        let transport = CurlTransport()
        let request = HTTPRequest(
            method: .patch, url: peer.baseURL.appending(path: "/v1/me"),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Authorization": "raw-token"],
            body: Data("first_name=Ada".utf8))

        let response = try await transport.send(request)

        #expect(response.status == 201)
        #expect(response.headers["x-reply"] == "yes")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
        let received = try #require(peer.requests.first)
        #expect(received.method == "PATCH")
        #expect(received.target == "/v1/me")
        #expect(received.header("Authorization") == "raw-token")
        #expect(received.header("Expect") == nil)
        #expect(String(decoding: received.body, as: UTF8.self) == "first_name=Ada")
    }

    @Test(arguments: [HTTPMethod.get, .post, .put, .delete])
    func sendsEveryMethodWithoutABody(method: HTTPMethod) async throws {
        let peer = try ScriptedPeer { _ in .json(200, "{}") }
        defer { peer.stop() }
        let response = try await CurlTransport().send(HTTPRequest(method: method, url: peer.baseURL.appending(path: "/x")))
        #expect(response.status == 200)
        #expect(peer.requests.first?.method == method.rawValue)
        #expect(peer.requests.first?.body.isEmpty == true)
    }

    @Test func reusesOneConnectionForSequentialRequests() async throws {
        let peer = try ScriptedPeer { _ in .json(200, "{}") }
        defer { peer.stop() }
        let transport = CurlTransport()
        for _ in 0..<5 {
            _ = try await transport.send(HTTPRequest(method: .get, url: peer.baseURL.appending(path: "/ping")))
        }
        #expect(peer.requests.count == 5)
        #expect(peer.connectionCount == 1)
    }

    @Test func runsManyConcurrentRequests() async throws {
        let peer = try ScriptedPeer { request in .json(200, #"{"path":"\#(request.target)"}"#) }
        defer { peer.stop() }
        let transport = CurlTransport()
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let response = try await transport.send(
                        HTTPRequest(method: .get, url: peer.baseURL.appending(path: "/n/\(index)")))
                    return String(decoding: response.body, as: UTF8.self)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(bodies.count == 40)
        #expect(bodies.contains(#"{"path":"/n/39"}"#))
    }

    @Test func reportsAPeerThatClosesMidRequestAsConnectionLost() async throws {
        let peer = try ScriptedPeer { _ in .close }
        defer { peer.stop() }
        let error = await #expect(throws: TransportError.self) {
            try await CurlTransport().send(HTTPRequest(method: .get, url: peer.baseURL.appending(path: "/x")))
        }
        #expect(error?.kind == .connectionLost)
    }

    @Test func reportsARefusedConnectionAsCannotConnect() async throws {
        let peer = try ScriptedPeer { _ in .close }
        let url = peer.baseURL.appending(path: "/x")
        peer.stop()
        let error = await #expect(throws: TransportError.self) {
            try await CurlTransport().send(HTTPRequest(method: .get, url: url))
        }
        #expect(error?.kind == .cannotConnect)
    }

    @Test func totalTimeoutEndsAStalledRequest() async throws {
        let peer = try ScriptedPeer { _ in .stall }
        defer { peer.stop() }
        let transport = CurlTransport(options: TransportOptions(totalTimeout: .milliseconds(300)))
        let error = await #expect(throws: TransportError.self) {
            try await transport.send(HTTPRequest(method: .get, url: peer.baseURL.appending(path: "/x")))
        }
        #expect(error?.kind == .timedOut)
    }

    @Test func cancellingTheTaskAbortsTheTransferAndClosesTheConnection() async throws {
        let peer = try ScriptedPeer { _ in .stall }
        defer { peer.stop() }
        let transport = CurlTransport()
        let task = Task {
            try await transport.send(HTTPRequest(method: .get, url: peer.baseURL.appending(path: "/stall")))
        }
        while peer.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // The transport keeps working after a cancellation.
        let second = try ScriptedPeer { _ in .json(200, "{}") }
        defer { second.stop() }
        let response = try await transport.send(HTTPRequest(method: .get, url: second.baseURL.appending(path: "/y")))
        #expect(response.status == 200)
    }

    @Test func anAlreadyCancelledTaskNeverReachesThePeer() async throws {
        let peer = try ScriptedPeer { _ in .json(200, "{}") }
        defer { peer.stop() }
        let transport = CurlTransport()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(HTTPRequest(method: .get, url: peer.baseURL.appending(path: "/x")))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(peer.requests.isEmpty)
    }

    @Test func refusesPlainHTTPToRemoteHostsUnlessAllowed() async throws {
        let url = URL(string: "http://example.com/v1/client")!
        #expect(throws: TransportError(.insecureURL, "Refusing plain http to example.com; use https or --insecure-http.")) {
            try TransportOptions().validate(url)
        }
        try TransportOptions(allowsInsecureHTTP: true).validate(url)
        try TransportOptions().validate(URL(string: "http://localhost:8080/v1")!)
        try TransportOptions().validate(URL(string: "http://127.0.0.2/v1")!)
        try TransportOptions().validate(URL(string: "http://[::1]:9/v1")!)
        try TransportOptions().validate(URL(string: "https://clerk.example.com/v1")!)
        #expect(throws: TransportError.self) { try TransportOptions().validate(URL(string: "ftp://x.example/")!) }
        #expect(throws: TransportError.self) { try TransportOptions().validate(URL(string: "http://127.0.0.1.evil.com/")!) }
    }

    @Test func honoursTheProxyEnvironmentForRemoteHostsButNotLoopback() async throws {
        let proxy = try ScriptedPeer { _ in .json(200, #"{"via":"proxy"}"#) }
        defer { proxy.stop() }
        setenv("http_proxy", "http://127.0.0.1:\(proxy.port)", 1)
        defer { unsetenv("http_proxy") }
        let transport = CurlTransport(options: TransportOptions(allowsInsecureHTTP: true))
        let response = try await transport.send(HTTPRequest(method: .get, url: URL(string: "http://fapi.example.invalid/v1/client")!))
        #expect(response.status == 200)
        #expect(proxy.requests.first?.target == "http://fapi.example.invalid/v1/client")
        // Loopback goes direct even with a proxy configured.
        let direct = try ScriptedPeer { _ in .json(200, "{}") }
        defer { direct.stop() }
        _ = try await transport.send(HTTPRequest(method: .get, url: direct.baseURL.appending(path: "/x")))
        #expect(direct.requests.count == 1)
        #expect(proxy.requests.count == 1)
    }
}
