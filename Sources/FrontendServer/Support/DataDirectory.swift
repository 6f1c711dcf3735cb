import Foundation
import Logging

/// The data directory's modes: the directory 0700, every file in it (the store, its `-wal` and `-shm`, keys,
/// images) 0600.
///
/// A directory that already exists with a wider mode is tightened to 0700, and wider files in it to 0600, with one
/// log line each: the directory is the server's own, and other users had no business reading it. A directory that
/// belongs to another user, or whose mode cannot be changed, is refused.
enum DataDirectory {
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func prepare(_ directory: URL, logger: Logger) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try tighten(directory, to: 0o700, logger: logger)
        for child in ["", "images"] {
            let folder = child.isEmpty ? directory : directory.appendingPathComponent(child)
            if !child.isEmpty, manager.fileExists(atPath: folder.path) { try tighten(folder, to: 0o700, logger: logger) }
            for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let url = folder.appendingPathComponent(name)
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                try tighten(url, to: 0o600, logger: logger)
            }
        }
    }

    /// Creates the SQLite file 0600 before SQLite does: SQLite creates files 0644 under the umask, and gives the
    /// `-wal` and `-shm` files the database file's mode. (A node on PostgreSQL has no such file.)
    static func createDatabaseFile(at url: URL) throws {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Refused(description: "cannot create \(url.path): \(String(cString: strerror(errno)))") }
        close(fd)
    }

    private static func tighten(_ url: URL, to mode: mode_t, logger: Logger) throws {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return }
        guard info.st_uid == geteuid() else {
            throw Refused(description: "\(url.path) belongs to another user (uid \(info.st_uid)); the data directory and "
                          + "its files must be the server's own")
        }
        let current = info.st_mode & 0o777
        guard current & ~mode != 0 else { return }
        guard chmod(url.path, mode) == 0 else {
            throw Refused(description: "\(url.path) is mode \(String(current, radix: 8)) and cannot be made "
                          + "\(String(mode, radix: 8)): \(String(cString: strerror(errno)))")
        }
        logger.notice("tightened file mode", metadata: [
            "path": "\(url.path)", "from": "\(String(current, radix: 8))", "to": "\(String(mode, radix: 8))"])
    }
}
