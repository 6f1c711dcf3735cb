import CCurl
import Foundation
import Synchronization

/// One request in flight: its input, the response being received, and the continuation to resume.
///
/// After ``CurlTransport/send(_:)`` hands it over, only the event-loop thread touches it, except
/// ``markCancelled()``, which any thread may call.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var headers = HTTPHeaders()
    var body = Data()
    /// The easy handle while the transfer is attached to the multi handle.
    var handle: CurlEasyHandle?
    private let cancelled = Atomic<Bool>(false)

    init(request: HTTPRequest) {
        self.request = request
    }

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func markCancelled() {
        cancelled.store(true, ordering: .releasing)
    }

    /// Resumes the caller exactly once.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }

    /// Receives one raw header line; a new status line (after `100 Continue` or a proxy `CONNECT`)
    /// starts the header list afresh.
    func receiveHeaderLine(_ line: Substring) {
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers.add(name, value)
    }
}
