import CCurl
import Foundation
import Synchronization

/// The production ``Transport``: libcurl's multi interface driven by one event-loop thread.
///
/// Every request of the process shares that thread, libcurl's connection cache (keep-alive reuse,
/// HTTP/2 multiplexing where the server offers it over TLS) and its DNS cache. TLS verification uses the
/// system CA store; `http_proxy`/`https_proxy`/`no_proxy` are honoured by libcurl itself. Cancelling the
/// calling task removes the transfer from libcurl at once.
public final class CurlTransport: Transport {
    public let options: TransportOptions
    private let loop: CurlEventLoop

    public init(options: TransportOptions = TransportOptions()) {
        self.options = options
        loop = CurlEventLoop(options: options)
    }

    deinit {
        loop.stop()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try options.validate(request.url)
        let transfer = CurlTransfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }
}
