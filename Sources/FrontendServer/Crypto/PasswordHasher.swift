import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt over an HMAC-SHA-256 pre-hash, run on its own thread pool (one thread per core) so that a flood of
/// password attempts can neither block the event loops nor starve SQLite, which uses the shared NIO pool.
///
/// The pre-hash (base64 of HMAC-SHA-256 under the instance pepper, 44 ASCII bytes) means bcrypt never sees more
/// than 72 bytes or a NUL byte, so long passwords are not truncated and embedded NULs are safe.
final class PasswordHasher: Sendable {
    private let pepper: SymmetricKey
    private let cost: UInt8
    private let permits: AsyncSemaphore
    private let pool: NIOThreadPool
    private let dummyHash: String

    init(pepper: SymmetricKey, cost: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pepper = pepper
        self.cost = UInt8(cost)
        self.permits = AsyncSemaphore(2 * max(1, threads))
        self.pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        self.dummyHash = Self.dummyHash(cost: UInt8(cost))
    }

    /// A hash to check against when there is no account. bcrypt reads the cost from the hash it checks against, so
    /// a cheap cost-4 hash with its cost field raised takes exactly as long to check as a real one, without making
    /// every start (the embedded server's, before the portal's first frame) pay a full hash.
    static func dummyHash(cost: UInt8) -> String {
        let cheap = Bcrypt.hash(RandomToken.secret(), cost: 4)  // "$2b$04$" + salt and digest
        let field = cost < 10 ? "0\(cost)" : "\(cost)"
        return String(cheap.prefix(4)) + field + String(cheap.dropFirst(6))
    }

    func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    private func prehash(_ password: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: pepper)).base64EncodedString()
    }

    func hash(_ password: String) async throws -> String {
        let input = prehash(password), cost = self.cost
        return try await permits.withPermit {
            try await pool.runIfActive { Bcrypt.hash(input, cost: cost) }
        }
    }

    /// Verifies against `hash`, or against a dummy hash of the same cost when there is no account, so unknown
    /// identifiers take as long as wrong passwords.
    func verify(_ password: String, hash: String?) async throws -> Bool {
        let input = prehash(password), target = hash ?? dummyHash
        let matches = try await permits.withPermit {
            try await pool.runIfActive { Bcrypt.verify(input, hash: target) }
        }
        return matches && hash != nil
    }
}
