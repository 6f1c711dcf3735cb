import Foundation
import FrontendServer
@testable import FrontendAPI

/// A fresh local Frontend API in this process, on 127.0.0.1 and a free port, with its own data directory,
/// and a client for it that goes over libcurl.
struct LocalInstance {
    let server: LocalServer
    let dataDirectory: URL
    let transport = RecordingTransport()
    let tokenStore: FileTokenStore
    let client: FrontendClient

    static func start(
        clock: any ServerClock = SystemClock(), _ configure: (inout InstanceSettings) -> Void = { _ in }
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

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    static let password = "correct-horse-battery-staple-42"
    static let testCode = "424242"

    /// Signs a new user up with email, password and the development test code; returns the user's email.
    @discardableResult
    func signUp(_ client: FrontendClient? = nil, email: String = "ada+clerk_test@example.com") async throws -> SignUp {
        let client = client ?? self.client
        let created = try await client.createSignUp(SignUpParameters(password: Self.password, emailAddress: email))
        _ = try await client.prepareSignUpVerification(signUpID: created.id, strategy: .emailCode)
        return try await client.attemptSignUpVerification(signUpID: created.id, strategy: .emailCode, code: Self.testCode)
    }
}
