import Foundation

/// The software authenticator's credentials: a JSON file readable only by its owner (0600), written atomically.
public struct CredentialFile: Sendable {
    public let path: String

    public struct Credential: Codable, Equatable, Sendable {
        /// base64url credential id.
        var id: String
        var rpID: String
        /// base64url user handle, returned with each assertion.
        var userHandle: String
        var userName: String
        var algorithm: Int
        /// base64url raw private key (P-256 scalar or Ed25519 seed).
        var privateKey: String
        var signCount: UInt32
    }

    private struct Document: Codable { var credentials: [Credential] }

    public init(path: String) { self.path = path }

    /// The stored credentials; none when the file does not exist yet.
    func load() throws(AuthenticatorFailure) -> [Credential] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path),
              let document = try? JSONDecoder().decode(Document.self, from: data) else {
            throw .failed("\(path) is not a clerk-tui credential file")
        }
        return document.credentials
    }

    func save(_ credentials: [Credential]) throws(AuthenticatorFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(Document(credentials: credentials)) else { throw .failed("cannot encode credentials") }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw .failed("cannot write \(path): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == data.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .failed("cannot write \(path)")
        }
    }
}
