import Foundation

/// Where the native client token ("device token") of one instance is kept between runs.
public protocol ClientTokenStore: Sendable {
    func load() throws -> String?
    /// Stores `token`, or deletes the stored one when `nil`.
    func save(_ token: String?) throws
}

/// Keeps the token in memory only (tests, `--ephemeral` runs).
public final class MemoryTokenStore: ClientTokenStore, @unchecked Sendable {
    private let lock = NSLock()
    private var token: String?

    public init(token: String? = nil) {
        self.token = token
    }

    public func load() -> String? {
        lock.withLock { token }
    }

    public func save(_ token: String?) {
        lock.withLock { self.token = token }
    }
}

/// Keeps the token in `<directory>/client_token` (a ``StateFile``: 0600, replaced atomically and synced).
public struct FileTokenStore: ClientTokenStore {
    public let directory: URL

    /// The store for `instance` under `$XDG_STATE_HOME/clerk-tui/<instance>/`.
    public init(instance: Instance, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = Self.directory(stateKey: instance.stateKey, environment: environment)
    }

    public init(directory: URL) {
        self.directory = directory
    }

    /// The state directory of the instance filed under `stateKey`.
    public static func directory(stateKey: String, environment: [String: String]) -> URL {
        XDGDirectories.state(environment: environment).appending(path: stateKey)
    }

    public var fileURL: URL { directory.appending(path: "client_token") }

    public func load() throws -> String? {
        guard let data = FileManager.default.contents(atPath: fileURL.path) else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    public func save(_ token: String?) throws {
        guard let token else { return try StateFile.remove(named: "client_token", in: directory) }
        try StateFile.replace(Array(token.utf8), named: "client_token", in: directory, durable: true)
    }
}
