import FrontendAPI

/// Members › "Invitations": the pending invitations (revocable), and "Invite", for members who manage others.
public struct InvitationsSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Invite new members": addresses and a role.
        case invite
        case revoke(id: String)
    }

    public enum Action: Equatable, Sendable {
        case chooseRole(String)
    }

    enum Purpose: Equatable, Sendable {
        case load
        case invite
        case revoke
    }

    public static let page = OrganizationProfileMachine.Page.members
    public internal(set) var step: Step?
    public internal(set) var invitations: [OrganizationInvitation] = []
    /// How many are pending, counted on the section's heading.
    public internal(set) var total = 0
    /// The role chosen on the invite card.
    public internal(set) var role: String?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.invitationAddresses.rawValue, "role"] }

    mutating func pageShown(_ context: inout Context) {
        guard context.can(OrganizationPermission.manageMembers) else { return }
        context.load(.invitations(offset: 0), .load)
    }

    mutating func act(_ action: Action, _ context: inout Context) {
        guard case .chooseRole(let key) = action else { return }
        role = key
    }

    mutating func submit(_ context: inout Context) {
        guard context.can(OrganizationPermission.manageMembers) else { return }
        switch step {
        case .invite?:
            let addresses = Self.addresses(context.form[.invitationAddresses])
            guard let role, !addresses.isEmpty else { return }
            context.send(.invite(emailAddresses: addresses, role: role), .invite)
        case .revoke(let id)?:
            context.send(.revokeInvitation(id: id), .revoke)
        case nil:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch purpose {
        case .load:
            guard case .invitations(let page) = result else { return }
            invitations = page.data
            total = page.totalCount
        case .invite:
            context.close(notice: Copy.OrganizationProfile.invitationsSent)
            context.reloadPage()
        case .revoke:
            context.close()
            context.reloadPage()
        }
    }

    /// `duplicate_record` names the addresses already invited, as Clerk's invite page says.
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ context: inout Context) {
        context.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
        if let duplicate = failure.error(code: "duplicate_record") {
            let addresses = Self.addresses(duplicate.meta?.other["email_addresses"]) ?? ""
            context.errors = FormErrors(
                card: addresses.isEmpty ? duplicate.longMessage : Copy.OrganizationProfile.duplicateInvitations(addresses))
        }
    }

    /// The list stays as it is when its card closes; the chosen role does not.
    mutating func closed(_ context: inout Context) {
        step = nil
        role = nil
    }

    /// The valid addresses among `text`, separated by commas or spaces; others are dropped, as Clerk's input does.
    public static func addresses(_ text: String) -> [String] {
        let words = text.split { $0 == "," || $0.isWhitespace }.map(String.init)
        var seen = Set<String>()
        return words.filter { isEmailAddress($0) && seen.insert($0.lowercased()).inserted }
    }

    /// `local@domain.tld`: one `@`, something before it, and a dot inside the domain.
    static func isEmailAddress(_ word: String) -> Bool {
        let parts = word.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    private static func addresses(_ value: JSONValue?) -> String? {
        guard case .array(let items)? = value else { return nil }
        return items.compactMap(\.stringValue).joined(separator: ", ")
    }
}

extension SectionField {
    public static let invitationAddresses = SectionField(rawValue: "email_address")
}
