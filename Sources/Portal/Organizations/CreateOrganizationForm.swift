import FrontendAPI

/// CreateOrganization's form: a name, a slug that follows the name until the user edits it, and on a local terminal
/// a logo file.
public struct CreateOrganizationForm: Equatable, Sendable {
    public internal(set) var name = ""
    public internal(set) var slug = ""
    public internal(set) var logoPath = ""
    /// The user typed in the slug, so it no longer follows the name.
    var slugEdited = false

    public init() {}

    mutating func set(_ field: OrganizationField, _ text: String) {
        switch field {
        case .name:
            name = text
            if !slugEdited { slug = Self.slug(from: text) }
        case .slug:
            slug = text
            slugEdited = true
        case .logo:
            logoPath = text
        }
    }

    /// The slug Clerk's CreateOrganization derives from a name: trimmed, lowercased, each run of characters other
    /// than `a-z` and `0-9` turned into one dash (clerk-js `createSlug`).
    static func slug(from name: String) -> String {
        var slug = ""
        var inRun = false
        for character in name.trimmingCharacters(in: .whitespaces).lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
                inRun = false
            } else if !inRun {
                slug.append("-")
                inRun = true
            }
        }
        return slug
    }

    /// Lowercase letters and digits in dash-separated words (clerk-js `isValidSlug`).
    static func isValidSlug(_ slug: String) -> Bool {
        let words = slug.split(separator: "-", omittingEmptySubsequences: false)
        return !slug.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }
}

/// A field of the CreateOrganization form, named as on the wire so a Clerk error lands under it.
public enum OrganizationField: String, Hashable, Sendable, CaseIterable {
    case name
    case slug
    /// The logo's path; named like the upload's form field.
    case logo = "file"
}
