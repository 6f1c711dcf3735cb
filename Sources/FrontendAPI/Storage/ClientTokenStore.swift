import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

/// Keeps the token in `<directory>/client_token`: the directory mode 0700, the file 0600, replaced
/// atomically (write a temporary file in the same directory, then `rename`), so a crash never leaves a
/// partial token behind.
public struct FileTokenStore: ClientTokenStore {
    public let directory: URL

    /// The store for `instance` under `$XDG_STATE_HOME/clerk-tui/<instance>/`.
    public init(instance: Instance, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = XDGDirectories.state(environment: environment).appending(path: instance.stateKey)
    }

    public init(directory: URL) {
        self.directory = directory
    }

    public var fileURL: URL { directory.appending(path: "client_token") }

    public func load() throws -> String? {
        guard let data = FileManager.default.contents(atPath: fileURL.path) else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    public func save(_ token: String?) throws {
        guard let token else {
            if unlink(fileURL.path) != 0 && errno != ENOENT { throw POSIXError(errno) }
            return
        }
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = directory.appending(path: ".client_token.\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(errno) }
        let bytes = Array(token.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0, rename(temporary.path, fileURL.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw POSIXError(code)
        }
    }
}

extension POSIXError {
    init(_ code: Int32) {
        self.init(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
