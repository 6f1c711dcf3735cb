import Foundation
import Logging
@testable import FrontendServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real server on a free loopback port with its own data directory, plus a small HTTP client for it.
final class TestServer: Sendable {
    let server: LocalServer
    let directory: URL
    let clock: ManualClock

    /// Settings tests start from: cheap hashing and no per-IP limits (every test comes from 127.0.0.1).
    static func testSettings() -> InstanceSettings {
        var settings = InstanceSettings()
        settings.password.hashCost = 10
        settings.rateLimits.enabled = false
        return settings
    }

    /// Only `withRunningServer` starts one, so every server is stopped by the end of its test.
    fileprivate init(settings: InstanceSettings, directory: URL, clock: ManualClock, logger: Logger) async throws {
        self.directory = directory
        self.clock = clock
        server = try await LocalServer.start(LocalServerConfiguration(dataDirectory: directory, settings: settings, clock: clock,
                                                                     logger: logger))
    }
}

/// Starts a server, runs `body` with it, then stops the server and waits until it has stopped, whether `body`
/// returned or threw, so no server outlives its test. A data directory made here is removed afterwards; one the
/// caller passes (to restart a server on the same data) is the caller's to remove.
@discardableResult
func withRunningServer<T>(
    settings: InstanceSettings = TestServer.testSettings(), directory: URL? = nil, clock: ManualClock = ManualClock(),
    logger: Logger = Logger(label: "clerk-tui.fapi.test"), _ body: (TestServer) async throws -> T
) async throws -> T {
    let ownDirectory = directory == nil
    let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
    defer { if ownDirectory { try? FileManager.default.removeItem(at: directory) } }
    let server = try await TestServer(settings: settings, directory: directory, clock: clock, logger: logger)
    let outcome: Result<T, any Error>
    do {
        outcome = .success(try await body(server))
    } catch {
        outcome = .failure(error)
    }
    await server.server.stop()
    return try outcome.get()
}

/// One HTTP response, with the body parsed as JSON when it is.
struct HTTPReply: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    let data: Data
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
    var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? [] }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    var response: [String: Any] { json["response"] as? [String: Any] ?? [:] }
    var client: [String: Any] { json["client"] as? [String: Any] ?? [:] }
    var errorCode: String? { ((json["errors"] as? [[String: Any]])?.first)?["code"] as? String }
    var errorMeta: [String: Any] { ((json["errors"] as? [[String: Any]])?.first)?["meta"] as? [String: Any] ?? [:] }
}

/// A native client (`_is_native=1`) that keeps the token the server hands it, as clerk-ios does.
final class NativeClient: @unchecked Sendable {
    let baseURL: String
    var token: String?
    private let session: URLSession

    init(_ server: TestServer) {
        baseURL = server.server.baseURL
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration)
    }

    @discardableResult
    func send(_ method: String, _ path: String, form: [(String, String)] = [], query: String = "",
              headers: [String: String] = [:], native: Bool = true, rawBody: Data? = nil) async throws -> HTTPReply {
        var queryItems = native ? "_is_native=1" : ""
        if !query.isEmpty { queryItems += (queryItems.isEmpty ? "" : "&") + query }
        var request = URLRequest(url: URL(string: baseURL + path + (queryItems.isEmpty ? "" : "?" + queryItems))!)
        request.httpMethod = method
        if native, let token { request.setValue(token, forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let rawBody {
            request.httpBody = rawBody
        } else if !form.isEmpty {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        let reply = HTTPReply(status: http.statusCode, headers: headers, data: data)
        if native, let issued = reply.header("Authorization") { token = issued }
        return reply
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
