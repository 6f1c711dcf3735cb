import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Events posted from other threads (async results) to the UI thread. Posting writes a byte to a
/// pipe that the UI thread polls alongside the terminal, so it wakes at once. The byte is written only when
/// none is waiting (both under the lock), so an empty inbox costs the UI thread no read.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Event] = []
    /// Whether the wake byte is in the pipe.
    private var woken = false
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
        lock.withLock {
            pending.append(event)
            guard !woken else { return }
            woken = true
            var byte: UInt8 = 1
            _ = write(writeFD, &byte, 1)
        }
    }

    /// Everything posted so far, oldest first.
    func drain() -> [Event] {
        lock.withLock {
            guard woken else { return [] }
            woken = false
            var byte: UInt8 = 0
            _ = read(wakeFD, &byte, 1)
            defer { pending.removeAll() }
            return pending
        }
    }
}
