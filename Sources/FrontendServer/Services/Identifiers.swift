import Foundation

/// Normalisation and classification of what users type as identifiers.
enum Identifiers {
    static func normalizedEmail(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.count <= 320, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !value.contains(where: \.isWhitespace)
        else { return nil }
        return value
    }

    /// E.164: `+` and 8-15 digits; spaces, dashes, dots and parentheses are dropped.
    static func normalizedPhone(_ text: String) -> String? {
        let kept = text.filter { !" -.()".contains($0) }
        guard kept.hasPrefix("+") else { return nil }
        let digits = kept.dropFirst()
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return kept
    }

    static func normalizedUsername(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard (4...64).contains(value.count),
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") })
        else { return nil }
        return value
    }

    /// Clerk development test identities: `+clerk_test` emails and +1 XXX 555-0100…0199 phones accept 424242.
    static func isTestIdentity(_ value: String) -> Bool {
        if value.contains("+clerk_test") { return true }
        let digits = Array(value.dropFirst())
        guard value.hasPrefix("+1"), digits.count == 11 else { return false }
        return String(digits[4..<9]) == "55501"
    }

    static let testCode = "424242"

    /// `j***@example.com` / `+1******90`-style masks for `safe_identifier` on second factors.
    static func masked(_ value: String, kind: IdentificationKind) -> String {
        switch kind {
        case .emailAddress: return value
        case .phoneNumber: return String(value.prefix(2)) + String(repeating: "*", count: max(0, value.count - 4)) + String(value.suffix(2))
        }
    }
}
