import FrontendAPI

/// The rows of the pages, in Clerk's order, and what each offers.
extension ProfileMachine {
    /// Primary first, then verified, then unverified (Clerk's `sortIdentificationBasedOnVerification`).
    public var emailAddresses: [EmailAddress] {
        guard let user else { return [] }
        return Self.sorted(user.emailAddresses, primaryID: user.primaryEmailAddressID) { $0.verification?.status == .verified }
    }

    public var phoneNumbers: [PhoneNumber] {
        guard let user else { return [] }
        return Self.sorted(user.phoneNumbers, primaryID: user.primaryPhoneNumberID) { $0.verification?.status == .verified }
    }

    /// Phone numbers that receive SMS codes as a second factor.
    public var secondFactorPhones: [PhoneNumber] { phoneNumbers.filter(\.reservedForSecondFactor) }

    /// Verified numbers that could be registered for SMS codes.
    public var phonesAvailableForSecondFactor: [PhoneNumber] {
        phoneNumbers.filter { !$0.reservedForSecondFactor && $0.verification?.status == .verified }
    }

    /// "Add two-step verification" lists these.
    public var secondFactorsToAdd: [Step] {
        var steps: [Step] = []
        if config.totp, user?.totpEnabled == false { steps.append(.addTOTP) }
        if config.smsCode { steps.append(.chooseSMSPhone) }
        return steps
    }

    /// Providers offered under "Connect account": enabled, not connected yet, and only with somewhere for the
    /// browser to come back to.
    public var connectableProviders: [SocialProvider] {
        guard config.oauthRedirectURL != nil else { return [] }
        let connected = Set(user?.externalAccounts.map(\.provider) ?? [])
        return config.socialProviders.filter { provider in
            let id = provider.strategy.rawValue
            return !connected.contains(id) && !connected.contains(String(id.dropFirst("oauth_".count)))
        }
    }

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

    private static func sorted<T: Identifiable>(_ items: [T], primaryID: String?, verified: (T) -> Bool) -> [T]
    where T.ID == String {
        let primary = items.filter { $0.id == primaryID }
        let rest = items.filter { $0.id != primaryID }
        return primary + rest.filter(verified) + rest.filter { !verified($0) }
    }
}
