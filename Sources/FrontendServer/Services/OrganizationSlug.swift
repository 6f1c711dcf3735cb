import Foundation

/// Organization slugs: derived from the name the way Clerk's components suggest one (`createSlug` in clerk-js's
/// `packages/ui/src/utils/createSlug.ts`: trimmed, lowercased, every run of characters other than `a-z0-9` turned
/// into one `-`), with the leading and trailing dashes dropped; and the format a slug the client sends must have.
enum OrganizationSlug {
    /// The longest slug kept; a derived one is cut to it.
    static let maxLength = 128

    /// `Acme, Inc.` → `acme-inc`; a name with no letter or digit at all gives `organization`.
    static func derive(from name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        slug = String(slug.prefix(maxLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "organization" : slug
    }

    /// The `attempt`-th candidate for a derived slug that may be taken: `acme`, then `acme-2`, `acme-3`, …
    static func candidate(_ base: String, attempt: Int) -> String {
        attempt <= 1 ? base : base + "-" + String(attempt)
    }

    /// Whether a client-sent slug is acceptable: lowercase letters, digits, `-` and `_` only (what clerk-js's
    /// `createSlug` and Clerk's own derivation produce), at most `maxLength` characters.
    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= maxLength
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
