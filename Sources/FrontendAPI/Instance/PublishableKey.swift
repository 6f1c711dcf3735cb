import Foundation

/// A Clerk publishable key, `pk_test_<base64>` or `pk_live_<base64>`, where the base64 part encodes
/// `"<frontend api host>$"` (clerk-js `packages/shared/src/keys.ts` `parsePublishableKey`; clerk-ios
/// `Sources/ClerkKit/Configuration/ConfigurationManager.swift`).
public struct PublishableKey: Sendable, Equatable {
    /// The Frontend API host, e.g. `happy-cat-12.clerk.accounts.dev`.
    public let frontendAPIHost: String
    /// `pk_live_` keys belong to production instances; everything else is development.
    public let isProduction: Bool

    /// Parses `key`, accepting base64 with or without padding and the base64url alphabet.
    public init(_ key: String) throws(InstanceError) {
        let key = key.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = key.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "pk", parts[1] == "test" || parts[1] == "live" else {
            throw .invalidPublishableKey
        }
        var encoded = parts[2].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        encoded = encoded.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        encoded += String(repeating: "=", count: (4 - encoded.count % 4) % 4)
        guard let data = Data(base64Encoded: encoded), let decoded = String(data: data, encoding: .utf8),
              decoded.hasSuffix("$"), decoded.filter({ $0 == "$" }).count == 1
        else { throw .invalidPublishableKey }
        let host = String(decoded.dropLast())
        guard host.contains("."), !host.contains("/"), !host.contains(where: \.isWhitespace) else {
            throw .invalidPublishableKey
        }
        frontendAPIHost = host
        isProduction = parts[1] == "live"
    }

    /// `https://<host>`, the Frontend API base URL.
    public var frontendAPIURL: URL {
        URL(string: "https://\(frontendAPIHost)")!
    }
}
