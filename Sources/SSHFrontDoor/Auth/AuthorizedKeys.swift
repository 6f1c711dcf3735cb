import Foundation
import NIOSSH

/// The keys of an OpenSSH `authorized_keys` file (swift-nio-ssh has no parser: apple/swift-nio-ssh#30).
/// Options before the key type (`from=…`, `command=…`) are skipped, not enforced; lines with key types
/// swift-nio-ssh cannot verify (RSA, `sk-…`) are counted as unsupported.
public struct AuthorizedKeys: Sendable {
    public let keys: Set<NIOSSHPublicKey>
    /// Lines that held a key this server cannot check.
    public let unsupportedLines: Int

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuthorizedKeysError.unreadable(path)
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    public init(text: String) {
        var keys = Set<NIOSSHPublicKey>()
        var unsupported = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true)
            // The key type is the first field that looks like one; anything before it is options.
            guard let typeIndex = fields.firstIndex(where: Self.looksLikeKeyType), typeIndex + 1 < fields.count,
                  let key = try? NIOSSHPublicKey(openSSHPublicKey: "\(fields[typeIndex]) \(fields[typeIndex + 1])")
            else {
                unsupported += 1
                continue
            }
            keys.insert(key)
        }
        self.keys = keys
        self.unsupportedLines = unsupported
    }

    private static func looksLikeKeyType(_ field: Substring) -> Bool {
        field.hasPrefix("ssh-") || field.hasPrefix("ecdsa-") || field.hasPrefix("sk-")
    }

    public func allows(_ key: NIOSSHPublicKey) -> Bool {
        keys.contains(key)
    }
}

public enum AuthorizedKeysError: Error, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read authorized keys file \(path)"
        }
    }
}
