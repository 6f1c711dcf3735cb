import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Events posted from other threads (async results) to the UI thread. Posting writes a byte to a
/// pipe that the UI thread polls alongside the terminal, so it wakes at once.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Event] = []
    let wakeFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        for fd in fds where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(wakeFD)
        close(writeFD)
    }

    func post(_ event: Event) {
        lock.withLock { pending.append(event) }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Everything posted so far, oldest first.
    func drain() -> [Event] {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &scratch, scratch.count) > 0 {}
        return lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }
}
