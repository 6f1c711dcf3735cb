import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 whose behaviour each test scripts per request, including
/// misbehaviour a well-written server never shows (closing mid-request, stalling). It speaks over real
/// sockets, so the transport under test runs unmodified.
final class ScriptedPeer: @unchecked Sendable {
    /// What the peer does with one parsed request.
    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: Data)
        /// Reads the request, then closes the connection without a byte of response.
        case close
        /// Holds the connection open without answering until it is closed by the client or `stop()`.
        case stall
    }

    struct Received: Sendable {
        var method: String
        var target: String
        var headers: [(String, String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Received) -> Reply
    private let state = Mutex<(requests: [Received], connections: Int, stopped: Bool)>(([], 0, false))

    init(handler: @escaping @Sendable (Received) -> Reply) throws {
        self.handler = handler
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in acceptLoop() }.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var requests: [Received] { state.withLock { $0.requests } }
    var connectionCount: Int { state.withLock { $0.connections } }

    /// Wakes the accept loop, which then closes the listener itself: closed here, its number could be reused by
    /// another test's socket while the loop still accepts on it.
    func stop() {
        state.withLock { $0.stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 && errno == EINTR { continue }
            if connection < 0 { return }
            state.withLock { $0.connections += 1 }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer = [UInt8]()
        while let request = readRequest(connection, buffer: &buffer) {
            state.withLock { $0.requests.append(request) }
            switch handler(request) {
            case .close:
                return
            case .stall:
                var byte: UInt8 = 0
                while !state.withLock({ $0.stopped }) {
                    var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                    if poll(&descriptor, 1, 50) > 0, recv(connection, &byte, 1, 0) <= 0 { return }
                }
                return
            case .respond(let status, let headers, let body):
                var head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(body.count)\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                head += "\r\n"
                var bytes = Array(head.utf8)
                bytes.append(contentsOf: body)
                guard writeAll(connection, bytes) else { return }
            }
        }
    }

    private func readRequest(_ connection: Int32, buffer: inout [UInt8]) -> Received? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil, !receive(connection, into: &buffer) { return nil }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let requestLine = lines.removeFirst().split(separator: " ")
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        while buffer.count < headEnd! + length {
            if !receive(connection, into: &buffer) { return nil }
        }
        let body = Data(buffer[headEnd!..<(headEnd! + length)])
        buffer.removeFirst(headEnd! + length)
        return Received(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        // Other suites share this process; a signal whose handler lacks SA_RESTART must not read as a closed peer.
        var count: Int
        repeat { count = recv(connection, &chunk, chunk.count, 0) } while count < 0 && errno == EINTR
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private func writeAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}

extension ScriptedPeer.Reply {
    static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Self {
        .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }
}
