import Foundation

/// Where each session's child keeps its state (`XDG_STATE_HOME`): a fresh 0700 temporary directory that is
/// removed at close, unless the session's SSH key opted into "Keep me signed in on this key", in which case
/// the directory is kept 0700 under `<root>/<fingerprint>/` and reused by that key's next connection.
///
/// The child opts in by creating the file named by `keepFile` (and opts out by removing it).
public struct SessionStateStore: Sendable {
    /// `<server state>/ssh-keys`: one directory per SSH key that opted in.
    public let keysRoot: URL
    /// Where temporary session directories are made.
    public let temporaryRoot: URL

    public static let keepFileName = "keep-signed-in"

    public init(keysRoot: URL, temporaryRoot: URL = FileManager.default.temporaryDirectory) {
        self.keysRoot = keysRoot
        self.temporaryRoot = temporaryRoot
    }

    /// One session's directory.
    public struct SessionState: Sendable {
        public let directory: URL
        public let keyFingerprint: String?
        /// True when the directory is a key's kept state rather than a temporary one.
        public let isKept: Bool

        /// The opt-in marker the child creates; nil without a key to tie it to.
        public var keepFile: URL? { keyFingerprint == nil ? nil : directory.appending(path: keepFileName) }
    }

    /// What ``close(_:)`` did.
    public enum Disposition: Sendable, Equatable {
        /// Kept for the key's next connection.
        case kept
        /// To be signed out, then removed with ``remove(_:)``.
        case discard
    }

    /// The kept directory of `fingerprint` if it opted in, else a new temporary one.
    public func open(keyFingerprint: String?) throws -> SessionState {
        if let keyFingerprint {
            let kept = keyDirectory(keyFingerprint)
            if FileManager.default.fileExists(atPath: kept.appending(path: Self.keepFileName).path) {
                return SessionState(directory: kept, keyFingerprint: keyFingerprint, isKept: true)
            }
        }
        let template = temporaryRoot.appending(path: "clerk-tui-ssh.XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return SessionState(directory: URL(filePath: String(cString: made), directoryHint: .isDirectory),
                            keyFingerprint: keyFingerprint, isKept: false)
    }

    /// Keeps the directory when its key opted in, moving a temporary one into place.
    public func close(_ state: SessionState) -> Disposition {
        guard let fingerprint = state.keyFingerprint, let keepFile = state.keepFile,
              FileManager.default.fileExists(atPath: keepFile.path)
        else { return .discard }
        guard !state.isKept else { return .kept }
        let target = keyDirectory(fingerprint)
        do {
            try FileManager.default.createDirectory(
                at: keysRoot, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: state.directory, to: target)
            return .kept
        } catch {
            return .discard
        }
    }

    /// Deletes a discarded session's directory.
    public func remove(_ state: SessionState) {
        try? FileManager.default.removeItem(at: state.directory)
    }

    /// `SHA256:ab+c/d` → `SHA256_ab-c_d`: a file name that cannot escape `keysRoot`.
    func keyDirectory(_ fingerprint: String) -> URL {
        let name = String(fingerprint.map { $0.isLetter || $0.isNumber ? $0 : $0 == "+" ? "-" : "_" })
        return keysRoot.appending(path: name, directoryHint: .isDirectory)
    }
}
