import CFido2
import Foundation

/// libfido2 set up once per process (`fido_init`), and its result codes as errors.
public enum Fido2 {
    /// Call before any other libfido2 function; repeated calls do nothing.
    public static func initialize() { _ = initialized }

    private static let initialized: Bool = {
        fido_init(0)
        return true
    }()

    /// A libfido2 result other than `FIDO_OK`.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let code: Int32
        public init(_ code: Int32) { self.code = code }
        public var description: String { String(cString: fido_strerr(code)) }
        public var isInvalidSignature: Bool { code == FIDO_ERR_INVALID_SIG }
    }

    /// Throws unless `code` is `FIDO_OK`.
    public static func check(_ code: Int32) throws {
        guard code == FIDO_OK else { throw Failure(code) }
    }

    /// Runs `body` with `data`'s bytes as libfido2 takes them (pointer and length).
    static func with<T>(_ data: Data, _ body: (UnsafePointer<UInt8>?, Int) throws -> T) rethrows -> T {
        try data.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
    }
}
