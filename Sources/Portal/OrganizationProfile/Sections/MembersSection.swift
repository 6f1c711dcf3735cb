import FrontendAPI

/// Members › the active members, a page at a time and searchable; a member who manages others can change a role or
/// remove a member (not themselves).
public struct MembersSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Search": the query.
        case search
        /// A member's role and removal.
        case member(userID: String)
        case remove(userID: String)
    }

    public enum Action: Equatable, Sendable {
        case setRole(userID: String, role: String)
        case nextPage
        case previousPage
    }

    enum Purpose: Equatable, Sendable {
        case load(offset: Int)
        case setRole
        case remove
    }

    public static let page = OrganizationProfileMachine.Page.members
    public internal(set) var step: Step?
    /// The members on this page of the list.
    public internal(set) var members: [OrganizationMembership] = []
    public internal(set) var total = 0
    public internal(set) var offset = 0
    /// What the list is searched by.
    public internal(set) var query = ""

    public init() {}

    static var fieldNames: Set<String> { [SectionField.memberQuery.rawValue] }

    mutating func pageShown(_ context: inout Context) {
        guard context.can(OrganizationPermission.readMembers) else { return }
        context.load(.members(query: query, offset: offset), .load(offset: offset))
    }

    mutating func opened(_ context: inout Context) {
        if step == .search { context.form[.memberQuery] = query }
    }

    mutating func act(_ action: Action, _ context: inout Context) {
        let pageSize = OrganizationCall.pageSize
        switch action {
        case .setRole(let userID, let role):
            guard context.can(OrganizationPermission.manageMembers), context.startAction() else { return }
            context.send(.updateMember(userID: userID, role: role), .setRole)
        case .nextPage where offset + pageSize < total:
            context.load(.members(query: query, offset: offset + pageSize), .load(offset: offset + pageSize))
        case .previousPage where offset > 0:
            let previous = max(offset - pageSize, 0)
            context.load(.members(query: query, offset: previous), .load(offset: previous))
        default:
            break
        }
    }

    mutating func submit(_ context: inout Context) {
        switch step {
        case .search?:
            query = context.form.trimmed(.memberQuery)
            offset = 0
            context.close()
            context.reloadPage()
        case .remove(let userID)?:
            guard context.can(OrganizationPermission.manageMembers), userID != context.subject.userID else { return }
            context.send(.removeMember(userID: userID), .remove)
        default:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch purpose {
        case .load(let offset):
            guard case .memberships(let page) = result else { return }
            members = page.data
            total = page.totalCount
            self.offset = offset
        case .setRole, .remove:
            context.close()
            context.reloadPage()
        }
    }

    /// The list stays as it is when its card closes.
    mutating func closed(_ context: inout Context) { step = nil }
}

extension SectionField {
    public static let memberQuery = SectionField(rawValue: "query")
}
