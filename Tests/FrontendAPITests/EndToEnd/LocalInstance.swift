import Foundation
import FrontendServer
import Synchronization
@testable import FrontendAPI

/// A fresh local Frontend API in this process, on 127.0.0.1 and a free port, with its own data directory,
/// and a client for it that goes over libcurl.
struct LocalInstance {
    let server: LocalServer
    let dataDirectory: URL
    let transport = RecordingTransport()
    let tokenStore: FileTokenStore
    let client: FrontendClient
    private let stopped = Once()

    /// Starts an instance, runs `body` with it, then stops the server and waits until it has stopped, whether `body`
    /// returned or threw, so no server outlives its test.
    @discardableResult
    static func withRunning<T>(
        clock: any ServerClock = SystemClock(), configure: (inout InstanceSettings) -> Void = { _ in },
        _ body: (LocalInstance) async throws -> T
    ) async throws -> T {
        let local = try await start(clock: clock, configure)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(local))
        } catch {
            outcome = .failure(error)
        }
        await local.stop()
        return try outcome.get()
    }

    private static func start(
        clock: any ServerClock, _ configure: (inout InstanceSettings) -> Void
    ) async throws -> LocalInstance {
        let directory = FileManager.default.temporaryDirectory.appending(path: "fapi-e2e-\(UUID().uuidString)")
        var settings = InstanceSettings()
        settings.password.hashCost = 10
        configure(&settings)
        let server = try await LocalServer.start(LocalServerConfiguration(dataDirectory: directory, settings: settings, clock: clock))
        return LocalInstance(server: server, dataDirectory: directory)
    }

    private init(server: LocalServer, dataDirectory: URL) {
        self.server = server
        self.dataDirectory = dataDirectory
        tokenStore = FileTokenStore(directory: dataDirectory.appending(path: "state"))
        client = FrontendClient(instance: .local(baseURL: URL(string: server.baseURL)!), transport: transport, tokenStore: tokenStore)
    }

    /// Another device's client (its own token) for the same instance.
    func secondClient() -> FrontendClient {
        FrontendClient(instance: client.instance, tokenStore: MemoryTokenStore())
    }

    /// Stops the server and removes its data; a test may stop it early (later calls do nothing).
    func stop() async {
        guard stopped.claim() else { return }
        await server.stop()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    static let password = "correct-horse-battery-staple-42"
    static let testCode = "424242"

    /// Signs a new user up with email, password and the development test code; returns the user's email.
    @discardableResult
    func signUp(_ client: FrontendClient? = nil, email: String = "ada+clerk_test@example.com") async throws -> SignUp {
        let client = client ?? self.client
        let created = try await client.createSignUp(SignUpParameters(password: SecretText(Self.password), emailAddress: email))
        _ = try await client.prepareSignUpVerification(signUpID: created.id, strategy: .emailCode)
        return try await client.attemptSignUpVerification(signUpID: created.id, strategy: .emailCode, code: SecretText(Self.testCode))
    }
}

/// True the first time only.
private final class Once: Sendable {
    private let done = Mutex(false)

    func claim() -> Bool {
        done.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
