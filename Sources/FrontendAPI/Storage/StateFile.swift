import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files under the state directory: the directory mode 0700, each file 0600, replaced atomically (a temporary file
/// in the same directory, then `rename`), so a crash never leaves a partial file behind.
enum StateFile {
    /// Replaces `name` in `directory` with `bytes`; `durable` also syncs it to disk first (a token is worth it, a
    /// cache is not).
    static func replace(_ bytes: [UInt8], named name: String, in directory: URL, durable: Bool) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let target = directory.appending(path: name)
        let temporary = directory.appending(path: ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(errno) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = durable ? fsync(descriptor) : 0
        close(descriptor)
        guard written == bytes.count, synced == 0, rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw POSIXError(code)
        }
    }

    /// Removes `name` from `directory`; one already gone counts as removed.
    static func remove(named name: String, in directory: URL) throws {
        if unlink(directory.appending(path: name).path) != 0 && errno != ENOENT { throw POSIXError(errno) }
    }
}

extension POSIXError {
    init(_ code: Int32) {
        self.init(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
