import CCurl
import Foundation
import Synchronization

/// The thread that owns a libcurl multi handle and drives every transfer on it.
///
/// The thread loads libcurl itself (`ccurl_load`), so that the program's first frame never waits for it. Other
/// threads only enqueue work (``submit(_:)``, ``cancel(_:)``, ``stop()``) and wake the loop with
/// `curl_multi_wakeup`; the loop attaches and detaches easy handles, runs `curl_multi_perform`, and
/// resumes each caller's continuation from this thread when its transfer ends.
final class CurlEventLoop: @unchecked Sendable {
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var stopping = false
        /// The loop's multi handle while it runs: nil before libcurl is loaded (the loop reads the inbox once it
        /// is) and after the loop ends.
        var multi: MultiHandle?
        /// Why libcurl could not be loaded: every transfer fails with it.
        var unavailable: TransportError?

        /// Wakes the loop from its poll. Called under the lock, so that the loop cannot free the handle meanwhile.
        func wake() {
            if let multi { ccurl_multi_wakeup(multi.raw) }
        }
    }

    private let options: TransportOptions
    private let inbox = Mutex(Inbox())
    // Loop-thread state.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [CurlEasyHandle] = []

    init(options: TransportOptions) {
        self.options = options
        let thread = Thread { [self] in run() }
        thread.name = "curl-event-loop"
        thread.start()
    }

    func submit(_ transfer: CurlTransfer) {
        let unavailable = inbox.withLock { inbox in
            if inbox.unavailable == nil {
                inbox.submitted.append(transfer)
                inbox.wake()
            }
            return inbox.unavailable
        }
        if let unavailable { transfer.finish(.failure(unavailable)) }
    }

    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        inbox.withLock { inbox in
            inbox.cancelled.append(transfer)
            inbox.wake()
        }
    }

    /// Ends the loop once in-flight transfers have been failed; the thread then frees the multi handle.
    func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
            inbox.wake()
        }
    }

    private func run() {
        let multi: UnsafeMutableRawPointer
        switch Self.makeMulti() {
        case .success(let made):
            multi = made
            let handle = MultiHandle(raw: made)
            inbox.withLock { $0.multi = handle }
        case .failure(let error):
            let waiting = inbox.withLock { inbox in
                inbox.unavailable = error
                defer { inbox.submitted.removeAll() }
                return inbox.submitted
            }
            for transfer in waiting { transfer.finish(.failure(error)) }
            return
        }
        var running: Int32 = 0
        while true {
            let work = inbox.withLock { inbox in
                defer { inbox.submitted.removeAll(); inbox.cancelled.removeAll() }
                return inbox
            }
            for transfer in work.submitted { attach(transfer, to: multi) }
            for transfer in work.cancelled { detach(transfer, from: multi, with: .failure(CancellationError())) }
            if work.stopping {
                let shutDown = TransportError(.other, "The transport was shut down.")
                for transfer in active.values { detach(transfer, from: multi, with: .failure(shutDown)) }
                break
            }
            ccurl_multi_perform(multi, &running)
            collectFinished(on: multi)
            ccurl_multi_poll(multi, nil, 0, 1000, nil)
        }
        inbox.withLock { $0.multi = nil }
        idleHandles.removeAll()
        ccurl_multi_cleanup(multi)
    }

    /// Loads libcurl (once per process) and makes this loop's multi handle.
    private static func makeMulti() -> Result<UnsafeMutableRawPointer, TransportError> {
        var reason = [CChar](repeating: 0, count: 512)
        guard ccurl_load(&reason, reason.count) == 0 else {
            let text = reason.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return .failure(TransportError(.other, "libcurl could not be loaded (\(text)). Install libcurl4."))
        }
        guard let multi = ccurl_multi_init() else {
            return .failure(TransportError(.other, "libcurl could not allocate a multi handle."))
        }
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, 64)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        return .success(multi)
    }

    private func attach(_ transfer: CurlTransfer, to multi: UnsafeMutableRawPointer) {
        if transfer.isCancelled {
            transfer.finish(.failure(CancellationError()))
            return
        }
        guard let handle = idleHandles.popLast() ?? CurlEasyHandle() else {
            transfer.finish(.failure(TransportError(.other, "libcurl could not allocate a handle.")))
            return
        }
        handle.configure(for: transfer, options: options)
        transfer.handle = handle
        active[handle.raw] = transfer
        ccurl_multi_add_handle(multi, handle.raw)
    }

    /// Removes `transfer` from libcurl (if still attached) and resumes its caller with `result`.
    private func detach(_ transfer: CurlTransfer, from multi: UnsafeMutableRawPointer,
                        with result: Result<HTTPResponse, any Error>) {
        guard let handle = transfer.handle, active.removeValue(forKey: handle.raw) != nil else { return }
        ccurl_multi_remove_handle(multi, handle.raw)
        transfer.handle = nil
        idleHandles.append(handle)
        transfer.finish(result)
    }

    private func collectFinished(on multi: UnsafeMutableRawPointer) {
        var remaining: Int32 = 0
        while let message = ccurl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = active[easy], let handle = transfer.handle
            else { continue }
            let code = message.pointee.data.result
            if code == CURLE_OK {
                let response = HTTPResponse(
                    status: handle.responseCode, headers: transfer.headers, body: transfer.body)
                detach(transfer, from: multi, with: .success(response))
            } else {
                detach(transfer, from: multi, with: .failure(TransportError(code, message: handle.errorMessage(code))))
            }
        }
    }
}

/// A libcurl multi handle, which `curl_multi_wakeup` may use from any thread.
private struct MultiHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

extension TransportError {
    /// Classifies a libcurl result code.
    init(_ code: CURLcode, message: String) {
        let kind: Kind
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            kind = .invalidURL
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            kind = .cannotConnect
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timedOut
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2,
             CURLE_HTTP2_STREAM:
            kind = .connectionLost
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM:
            kind = .tls
        default:
            kind = .other
        }
        self.init(kind, message)
    }
}
