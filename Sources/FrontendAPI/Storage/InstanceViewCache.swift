import Foundation

/// The last environment and client an instance answered with, as clerk-ios keeps them: the portal draws from them at
/// once on the next start and replaces them with what the refresh answers.
public struct CachedView: Sendable, Equatable {
    public var environment: Environment
    public var client: Client?

    public init(environment: Environment, client: Client?) {
        self.environment = environment
        self.client = client
    }
}

/// Where an instance's ``CachedView`` is kept between runs.
public protocol InstanceViewCache: Sendable {
    func load() -> CachedView?
    func save(environment: Environment) throws
    func save(client: Client?) throws
}

/// Keeps the view beside the client token (`<directory>/environment.json` and `client.json`, ``StateFile``s: 0600,
/// replaced atomically). The client is kept without what the token file does not already hold: no session JWTs
/// (`last_active_token`), no sign-in or sign-up in progress.
public struct FileViewCache: InstanceViewCache {
    public let directory: URL
    static let environmentFile = "environment.json"
    static let clientFile = "client.json"

    public init(directory: URL) {
        self.directory = directory
    }

    /// The cached view, or nil when either half is missing or unreadable (an older or corrupt cache).
    public func load() -> CachedView? {
        guard let environment = read(Environment.self, Self.environmentFile),
              let client = read(Client?.self, Self.clientFile)
        else { return nil }
        return CachedView(environment: environment, client: client)
    }

    public func save(environment: Environment) throws {
        try StateFile.replace(Array(try FAPIJSON.encode(environment)), named: Self.environmentFile, in: directory,
                              durable: false)
    }

    public func save(client: Client?) throws {
        try StateFile.replace(Array(try FAPIJSON.encode(client.map(Self.kept))), named: Self.clientFile, in: directory,
                              durable: false)
    }

    /// What of `client` may be kept: its sessions and users without their tokens.
    static func kept(_ client: Client) -> Client {
        var kept = client
        kept.signIn = nil
        kept.signUp = nil
        for index in kept.sessions.indices { kept.sessions[index].lastActiveToken = nil }
        return kept
    }

    private func read<Value: Decodable>(_ type: Value.Type, _ name: String) -> Value? {
        guard let data = FileManager.default.contents(atPath: directory.appending(path: name).path) else { return nil }
        return try? FAPIJSON.decode(type, from: data)
    }
}
