import Crypto
import Foundation

/// The key-encryption key that seals secrets at rest (the JWT signing key, TOTP secrets) with AES-256-GCM.
///
/// Kept as a 0600 file in the data directory, or given by the settings (`CLERK_TUI_DATA_KEY`, base64) so that a
/// copied data directory alone does not reveal the secrets.
struct DataKey: Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }
    /// Sealed values start with this tag, so plaintext written by older versions can still be read and upgraded.
    static let tag = "gcm1:"

    let key: SymmetricKey

    static func loadOrCreate(in directory: URL, configured: String?) throws -> DataKey {
        if let configured {
            guard let bytes = Data(base64Encoded: configured.trimmingCharacters(in: .whitespacesAndNewlines)),
                  bytes.count == 32 else { throw Failure(description: "the configured data key is not 32 base64 bytes") }
            return DataKey(key: SymmetricKey(data: bytes))
        }
        guard let bytes = try SecretFile.randomSecret(at: directory.appendingPathComponent("data-key")), bytes.count == 32 else {
            throw Failure(description: "the data key file is damaged")
        }
        return DataKey(key: SymmetricKey(data: bytes))
    }

    /// `gcm1:` + base64(nonce ‖ ciphertext ‖ tag); `context` is bound as associated data so a sealed value cannot be
    /// moved to another row or purpose.
    func seal(_ plaintext: String, context: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key, authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw Failure(description: "AES-GCM sealing failed") }
        return Self.tag + combined.base64EncodedString()
    }

    func open(_ sealed: String, context: String) throws -> String {
        guard sealed.hasPrefix(Self.tag), let combined = Data(base64Encoded: String(sealed.dropFirst(Self.tag.count))) else {
            throw Failure(description: "not a sealed value")
        }
        let plaintext = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key, authenticating: Data(context.utf8))
        return String(decoding: plaintext, as: UTF8.self)
    }
}

/// Owner-only secret files.
enum SecretFile {
    /// Writes `data` readable by the owner only, replacing nothing that exists.
    private static func write(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Creates `url` holding `data`, owner-only, unless it exists already; returns false when another process (a
    /// second server, `clerk-tui admin`) created it first. The file appears whole or not at all: it is written aside,
    /// then hard-linked into place, which fails rather than replaces.
    static func createOnce(_ data: Data, at url: URL) throws -> Bool {
        let temporary = url.appendingPathExtension("new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try write(data, to: temporary)
        defer { unlink(temporary.path) }
        if link(temporary.path, url.path) == 0 { return true }
        switch errno {
        case EEXIST: return false
        case EPERM, EOPNOTSUPP:  // a file system without hard links: an exclusive create, readable while written
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd < 0 && errno == EEXIST { return false }
            if fd >= 0 { close(fd) }
            try replace(data, at: url)
            return true
        default: throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// The contents of `url`, after creating it with `fresh()` if it did not exist: of processes creating it at
    /// once, every one reads the first one's.
    static func readOrCreate(_ url: URL, fresh: () throws -> Data) throws -> Data {
        if let existing = FileManager.default.contents(atPath: url.path) { return existing }
        let data = try fresh()
        if try createOnce(data, at: url) { return data }
        guard let existing = FileManager.default.contents(atPath: url.path) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return existing
    }

    /// The random secret kept base64 in `url`: `count` random bytes, written on first use by whichever process
    /// writes first. Nil when the file holds something else.
    static func randomSecret(at url: URL, count: Int = 32) throws -> Data? {
        let text = try readOrCreate(url) { Data(Data(RandomToken.bytes(count)).base64EncodedString().utf8) }
        return Data(base64Encoded: String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Replaces `url` atomically with an owner-only file holding `data`.
    static func replace(_ data: Data, at url: URL) throws {
        let temporary = url.appendingPathExtension("new")
        try? FileManager.default.removeItem(at: temporary)
        try write(data, to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
