import FrontendAPI

/// General › Danger › "Leave organization", confirmed by typing the organization's name.
public struct LeaveOrganizationSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        case confirm
    }

    enum Purpose: Equatable, Sendable {
        case leave
    }

    public static let page = OrganizationProfileMachine.Page.general
    public internal(set) var step: Step?

    public init() {}

    /// The last admin cannot leave: the server answers `organization_minimum_permissions_needed`, shown on the card.
    mutating func submit(_ context: inout Context) {
        guard context.form[.confirmation] == context.organization.name else { return }
        context.send(.leave, .leave)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        context.finish(.subjectEnded)
    }
}

/// General › Danger › "Delete organization", for members allowed to delete it where the organization allows it,
/// confirmed by typing its name.
public struct DeleteOrganizationSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        case confirm
    }

    enum Purpose: Equatable, Sendable {
        case delete
    }

    public static let page = OrganizationProfileMachine.Page.general
    public internal(set) var step: Step?

    public init() {}

    mutating func submit(_ context: inout Context) {
        guard Self.isOffered(context.subject), context.form[.confirmation] == context.organization.name else { return }
        context.send(.delete, .delete)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        context.finish(.subjectEnded)
    }

    /// `org:sys_profile:delete`, and the organization's `admin_delete_enabled`.
    public static func isOffered(_ subject: OrganizationSubject) -> Bool {
        subject.can(OrganizationPermission.deleteOrganization) && subject.organization.adminDeleteEnabled
    }
}

extension SectionField {
    /// The organization's name, typed to confirm leaving or deleting it.
    public static let confirmation = SectionField(rawValue: "confirmation")
}

extension OrganizationProfileMachine {
    /// The typed name matches the organization's.
    public var confirmationMatches: Bool { form[.confirmation] == organization.name }
}
