import Foundation
import Logging
import Synchronization

/// The Frontend API client: speaks the native protocol as clerk-ios does (its `Networking/Middleware/`:
/// `_is_native=true`, the client token in the `Authorization` header both ways, `clerk-api-version`, form bodies)
/// over a ``Transport``, keeps the client token, applies every piggy-backed client to ``state`` and
/// caches session tokens.
///
/// One instance per FAPI instance; safe to share between tasks.
public final class FrontendClient: Sendable {
    /// The API version sent as `clerk-api-version` (clerk-ios `Clerk.apiVersion`).
    public static let apiVersion = "2026-05-12"

    public let instance: Instance
    /// The current client; watch ``ClientState/updates()``.
    public let state: ClientState
    let tokenCache = SessionTokenCache()
    private let transport: any Transport
    private let tokenStore: any ClientTokenStore
    private let viewCache: (any InstanceViewCache)?
    /// Whether the cached client is this process's: the first client applied is saved even when it equals the
    /// (empty) starting state.
    private let viewCacheCurrent = Mutex(false)
    private let deviceToken: Mutex<String?>
    private let refresher = Mutex<Task<Void, Never>?>(nil)
    private let logger: Logger

    /// - Parameters:
    ///   - tokenStore: where the client token is kept; its current value is read once, here.
    ///   - viewCache: where the last environment and client are kept for the next start (``cachedView()``).
    public init(
        instance: Instance, transport: any Transport = CurlTransport(), tokenStore: any ClientTokenStore,
        viewCache: (any InstanceViewCache)? = nil, logger: Logger = Logger(label: "clerk-tui.frontend-api")
    ) {
        self.instance = instance
        self.transport = transport
        self.tokenStore = tokenStore
        self.viewCache = viewCache
        self.logger = logger
        state = ClientState()
        var stored: String?
        do {
            stored = try tokenStore.load()
        } catch {
            logger.warning("Could not read the stored client token: \(error)")
        }
        deviceToken = Mutex(stored)
    }

    deinit {
        refresher.withLock { $0?.cancel() }
    }

    /// Whether a client token is held (the device has a client on the instance).
    public var hasClientToken: Bool { deviceToken.withLock { $0 != nil } }

    /// Sends `endpoint`, retrying once where ``RetryPolicy`` allows, and returns its decoded output.
    func send<Output: Codable & Sendable & Equatable>(_ endpoint: Endpoint<Output>) async throws -> Output {
        var attempt = 1
        while true {
            let request = try await makeRequest(endpoint)
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch let error as TransportError {
                logger.debug("\(endpoint.method.rawValue) \(endpoint.path) failed: \(error.kind)")
                if attempt < RetryPolicy.maximumAttempts,
                   let delay = RetryPolicy.delay(after: error, idempotent: endpoint.isIdempotent) {
                    attempt += 1
                    try await Task.sleep(for: delay)
                    continue
                }
                throw error
            }
            logger.debug("\(endpoint.method.rawValue) \(endpoint.path) → \(response.status)")
            receiveDeviceToken(response.headers)
            guard (200..<300).contains(response.status) else {
                if attempt < RetryPolicy.maximumAttempts,
                   let delay = RetryPolicy.delay(after: response, idempotent: endpoint.isIdempotent) {
                    attempt += 1
                    try await Task.sleep(for: delay)
                    continue
                }
                throw await failure(response, for: endpoint)
            }
            return try await decode(response, for: endpoint)
        }
    }

    // MARK: Requests

    func makeRequest<Output>(_ endpoint: Endpoint<Output>) async throws -> HTTPRequest {
        let client = await state.client
        var query = endpoint.query
        switch endpoint.sessionScope {
        case .none: break
        case .active: if let id = client?.lastActiveSessionID { query.append(("_clerk_session_id", id)) }
        case .session(let id): query.append(("_clerk_session_id", id))
        }
        if endpoint.bearer == nil { query.append(("_is_native", "true")) }
        let queryString = query.map { FormURLEncoding.escape($0.name) + "=" + FormURLEncoding.escape($0.value) }
            .joined(separator: "&")
        guard let url = URL(string: instance.baseURL.absoluteString + endpoint.path + "?" + queryString) else {
            throw TransportError(.invalidURL, "Cannot build a URL for \(endpoint.path).")
        }
        var headers: HTTPHeaders = [
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "clerk-api-version": Self.apiVersion,
            "x-mobile": "0",
            "x-device-type": "unspecified",
        ]
        if let bearer = endpoint.bearer {
            headers.add("Authorization", "Bearer " + bearer)
        } else if let token = deviceToken.withLock({ $0 }) {
            headers.add("Authorization", token)
        }
        if let id = client?.id { headers.add("x-clerk-client-id", id) }
        var body = endpoint.body.flatMap { $0.isEmpty ? nil : $0.encodedData }
        if let raw = endpoint.rawBody {
            body = raw.data
            headers.set("Content-Type", raw.contentType)
        }
        return HTTPRequest(method: endpoint.method, url: url, headers: headers, body: body)
    }

    // MARK: Responses

    /// Applies the response's `Authorization` header: absent keeps the token, empty or `Bearer` clears it,
    /// anything else replaces it (and is persisted).
    private func receiveDeviceToken(_ headers: HTTPHeaders) {
        guard let value = headers["Authorization"] else { return }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let newToken: String? = trimmed.isEmpty || trimmed == "Bearer" ? nil : value
        let changed = deviceToken.withLock { token in
            defer { token = newToken }
            return token != newToken
        }
        guard changed else { return }
        do {
            try tokenStore.save(newToken)
        } catch {
            logger.warning("Could not store the client token: \(error)")
        }
    }

    private func decode<Output: Codable & Sendable & Equatable>(
        _ response: HTTPResponse, for endpoint: Endpoint<Output>
    ) async throws -> Output {
        do {
            switch endpoint.envelope {
            case .bare:
                return try FAPIJSON.decode(Output.self, from: response.body)
            case .bareOrWrapped:
                if let envelope = try? FAPIJSON.decode(ClientResponse<Output>.self, from: response.body) {
                    if let client = envelope.client { await apply(client) }
                    return envelope.response
                }
                return try FAPIJSON.decode(Output.self, from: response.body)
            case .wrapped:
                let envelope = try FAPIJSON.decode(ClientResponse<Output>.self, from: response.body)
                if let client = envelope.client { await apply(client) }
                return envelope.response
            case .client:
                let envelope = try FAPIJSON.decode(ClientResponse<Client?>.self, from: response.body)
                await apply(envelope.response)
                guard let output = envelope.response as? Output else {
                    throw ResponseError(status: response.status, reason: "client endpoint with a non-client output")
                }
                return output
            }
        } catch let error as DecodingError {
            throw ResponseError(status: response.status, reason: Self.describe(error))
        }
    }

    private func failure<Output>(_ response: HTTPResponse, for endpoint: Endpoint<Output>) async -> any Error {
        let retryAfter = RetryPolicy.serverDelay(response.headers).map { Duration.milliseconds(Int(max(0, $0) * 1000)) }
        guard let body = try? FAPIJSON.decode(ClerkErrorResponse.self, from: response.body) else {
            return APIError(status: response.status, errors: [], retryAfter: retryAfter)
        }
        if let client = body.meta?.client { await apply(client) }
        let error = APIError(
            status: response.status, errors: body.errors, traceID: body.clerkTraceID, retryAfter: retryAfter)
        if error.code == "authentication_invalid", !(endpoint.method == .get && endpoint.path == "/v1/client") {
            // The token no longer names a valid client: re-read what the server thinks we have.
            _ = try? await refreshClient()
        }
        return error
    }

    /// Makes `client` the current one, seeds the session-token cache from it and keeps it for the next start.
    func apply(_ client: Client?) async {
        let changed = await state.apply(client)
        await tokenCache.seed(from: client)
        let first = viewCacheCurrent.withLock { current in
            defer { current = true }
            return !current
        }
        guard let viewCache, changed || first else { return }
        do {
            try viewCache.save(client: client)
        } catch {
            logger.warning("Could not cache the client: \(error)")
        }
    }

    /// The environment and client kept by an earlier run, to draw before the first answer; nil without a cache or
    /// when none was kept. Without a client token the device holds no client, whatever was kept.
    public func cachedView() -> CachedView? {
        cachedView(viewCache?.load())
    }

    /// `view`, read from this client's cache ahead of time, as ``cachedView()`` would answer.
    public func cachedView(_ view: CachedView?) -> CachedView? {
        guard var view else { return nil }
        if !hasClientToken { view.client = nil }
        return view
    }

    /// Keeps `environment` for the next start.
    func cache(_ environment: Environment) {
        do {
            try viewCache?.save(environment: environment)
        } catch {
            logger.warning("Could not cache the environment: \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "missing \(Self.path(context.codingPath + [key]))"
        case .valueNotFound(_, let context):
            "null at \(Self.path(context.codingPath))"
        case .typeMismatch(let type, let context):
            "expected \(type) at \(Self.path(context.codingPath))"
        case .dataCorrupted(let context):
            "invalid data at \(Self.path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            "undecodable body"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    // MARK: Background token refresh

    /// Keeps the active session's token fresh, as clerk-ios's session poller does: every 5 s it asks
    /// for the token, which only hits the network within 10 s of expiry; failures back off ×2 up to 60 s.
    public func startTokenRefresh() {
        refresher.withLock { task in
            guard task == nil else { return }
            task = Task { [weak self] in
                var failures = 0
                while !Task.isCancelled {
                    guard let outcome = await self?.refreshTick() else { return }
                    failures = outcome ? 0 : failures + 1
                    let seconds = failures == 0 ? 5.0 : min(5 * pow(2, Double(failures)), 60) * .random(in: 0.8...1.2)
                    try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                }
            }
        }
    }

    /// One poll of the refresher; false when the token could not be obtained.
    private func refreshTick() async -> Bool {
        do {
            _ = try await getToken()
            return true
        } catch {
            logger.debug("Background session token refresh failed: \(type(of: error))")
            return false
        }
    }

    public func stopTokenRefresh() {
        refresher.withLock { task in
            task?.cancel()
            task = nil
        }
    }
}
