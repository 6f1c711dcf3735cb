import Foundation
import Synchronization
@testable import FrontendAPI

/// The real ``CurlTransport`` with a log of what went over it, so tests can count attempts and read
/// the headers the server sent. It does not alter any request or response.
final class RecordingTransport: Transport {
    let inner = CurlTransport()
    private let log = Mutex<[(request: HTTPRequest, response: HTTPResponse?)]>([])

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await inner.send(request)
            log.withLock { $0.append((request, response)) }
            return response
        } catch {
            log.withLock { $0.append((request, nil)) }
            throw error
        }
    }

    var exchanges: [(request: HTTPRequest, response: HTTPResponse?)] { log.withLock { $0 } }

    func requests(path: String) -> [HTTPRequest] {
        exchanges.map(\.request).filter { $0.url.path == path }
    }
}
