import FrontendAPI

/// The user's identifiers in Clerk's order, and how the pages name the user.
extension ProfileMachine {
    public var emailAddresses: [EmailAddress] { user?.sortedEmailAddresses ?? [] }

    public var phoneNumbers: [PhoneNumber] { user?.sortedPhoneNumbers ?? [] }

    /// Badges of an identifier: Primary, Unverified.
    public func badges(id: String, verified: Bool) -> [String] {
        var badges: [String] = []
        if id == user?.primaryEmailAddressID || id == user?.primaryPhoneNumberID { badges.append(Copy.Profile.primary) }
        if !verified { badges.append(Copy.Profile.unverified) }
        return badges
    }

    /// "AL" for Ada Lovelace; the identifier's first letter without a name.
    public var initials: String {
        let names = [user?.firstName, user?.lastName].compactMap { $0?.first.map(String.init) }
        if !names.isEmpty { return names.joined().uppercased() }
        let fallback = user?.username ?? emailAddresses.first?.emailAddress ?? phoneNumbers.first?.phoneNumber ?? "?"
        return String(fallback.prefix(1)).uppercased()
    }

    /// The user's full name, or their primary identifier.
    public var displayName: String {
        let name = [user?.firstName, user?.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !name.isEmpty { return name }
        return user?.username ?? emailAddresses.first?.emailAddress ?? phoneNumbers.first?.phoneNumber ?? ""
    }
}

extension User {
    /// Primary first, then verified, then unverified (Clerk's `sortIdentificationBasedOnVerification`).
    var sortedEmailAddresses: [EmailAddress] {
        Self.sorted(emailAddresses, primaryID: primaryEmailAddressID) { $0.verification?.status == .verified }
    }

    var sortedPhoneNumbers: [PhoneNumber] {
        Self.sorted(phoneNumbers, primaryID: primaryPhoneNumberID) { $0.verification?.status == .verified }
    }

    private static func sorted<T: Identifiable>(_ items: [T], primaryID: String?, verified: (T) -> Bool) -> [T]
    where T.ID == String {
        let primary = items.filter { $0.id == primaryID }
        let rest = items.filter { $0.id != primaryID }
        return primary + rest.filter(verified) + rest.filter { !verified($0) }
    }
}
