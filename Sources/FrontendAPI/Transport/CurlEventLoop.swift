import CCurl
import Foundation
import Synchronization

/// The thread that owns a libcurl multi handle and drives every transfer on it.
///
/// Other threads only enqueue work (``submit(_:)``, ``cancel(_:)``, ``stop()``) and wake the loop with
/// `curl_multi_wakeup`; the loop attaches and detaches easy handles, runs `curl_multi_perform`, and
/// resumes each caller's continuation from this thread when its transfer ends.
final class CurlEventLoop: @unchecked Sendable {
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var stopping = false
    }

    private static let globalInit: Void = {
        _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    private let options: TransportOptions
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    // Loop-thread state.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [CurlEasyHandle] = []

    init(options: TransportOptions) {
        _ = Self.globalInit
        self.options = options
        multi = curl_multi_init()
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, 64)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let thread = Thread { [self] in run() }
        thread.name = "curl-event-loop"
        thread.start()
    }

    func submit(_ transfer: CurlTransfer) {
        inbox.withLock { $0.submitted.append(transfer) }
        curl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        inbox.withLock { $0.cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Ends the loop once in-flight transfers have been failed; the thread then frees the multi handle.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let work = inbox.withLock { inbox in
                defer { inbox.submitted.removeAll(); inbox.cancelled.removeAll() }
                return inbox
            }
            for transfer in work.submitted { attach(transfer) }
            for transfer in work.cancelled { detach(transfer, with: .failure(CancellationError())) }
            if work.stopping {
                for transfer in active.values {
                    detach(transfer, with: .failure(TransportError(.other, "The transport was shut down.")))
                }
                break
            }
            curl_multi_perform(multi, &running)
            collectFinished()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
    }

    private func attach(_ transfer: CurlTransfer) {
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
        curl_multi_add_handle(multi, handle.raw)
    }

    /// Removes `transfer` from libcurl (if still attached) and resumes its caller with `result`.
    private func detach(_ transfer: CurlTransfer, with result: Result<HTTPResponse, any Error>) {
        guard let handle = transfer.handle, active.removeValue(forKey: handle.raw) != nil else { return }
        curl_multi_remove_handle(multi, handle.raw)
        transfer.handle = nil
        idleHandles.append(handle)
        transfer.finish(result)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = active[easy], let handle = transfer.handle
            else { continue }
            let code = message.pointee.data.result
            if code == CURLE_OK {
                let response = HTTPResponse(
                    status: handle.responseCode, headers: transfer.headers, body: transfer.body)
                detach(transfer, with: .success(response))
            } else {
                detach(transfer, with: .failure(TransportError(code, message: handle.errorMessage(code))))
            }
        }
    }
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
