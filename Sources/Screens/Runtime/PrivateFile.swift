import Foundation
import FrontendAPI
import Portal

/// Writes secrets the user asked to keep (backup codes) to a file only they can read.
enum PrivateFile {
    /// Creates or replaces the file at `path` (`~` expanded) with mode 0600, never following a symlink.
    static func write(_ contents: SecretText, to path: String) -> BackendOutcome {
        let expanded = (path as NSString).expandingTildeInPath
        let descriptor = open(expanded, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return failure(path, errno) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { return failure(path, errno) }
        let bytes = Array(contents.value.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return failure(path, errno) }
            written += result
        }
        guard fsync(descriptor) == 0 else { return failure(path, errno) }
        return .success(.done)
    }

    /// Removes the file at `path`; one already gone counts as removed.
    static func remove(_ path: String) -> BackendOutcome {
        let expanded = (path as NSString).expandingTildeInPath
        guard unlink(expanded) == 0 || errno == ENOENT else { return failure(path, errno) }
        return .success(.done)
    }

    private static func failure(_ path: String, _ code: Int32) -> BackendOutcome {
        let reason = String(cString: strerror(code))
        let message = "Could not save to \(path): \(reason)."
        return .failure(.api(status: 0, errors: [
            ClerkAPIError(code: "file_not_saved", message: message, longMessage: message,
                          meta: ErrorMeta(paramName: SectionField.backupCodesPath.rawValue))
        ]))
    }
}
