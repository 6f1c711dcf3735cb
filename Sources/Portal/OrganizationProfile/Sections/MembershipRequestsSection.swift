import FrontendAPI

/// Members › "Requests": people who asked to join through a verified domain's suggestion; approve or reject them.
/// Offered where domains are on, to members who manage others.
public struct MembershipRequestsSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        /// Approve or reject request `id`.
        case request(id: String)
    }

    public enum Action: Equatable, Sendable {
        case answer(id: String, approve: Bool)
    }

    enum Purpose: Equatable, Sendable {
        case load
        case answer
    }

    public static let page = OrganizationProfileMachine.Page.members
    public internal(set) var step: Step?
    public internal(set) var requests: [OrganizationMembershipRequest] = []

    public init() {}

    public static func isOffered(_ subject: OrganizationSubject) -> Bool {
        subject.config.domainsEnabled && subject.can(OrganizationPermission.manageMembers)
    }

    mutating func pageShown(_ context: inout Context) {
        guard Self.isOffered(context.subject) else { return }
        context.load(.membershipRequests(offset: 0), .load)
    }

    mutating func act(_ action: Action, _ context: inout Context) {
        guard case .answer(let id, let approve) = action, Self.isOffered(context.subject), context.startAction() else {
            return
        }
        context.send(.answerRequest(id: id, accept: approve), .answer)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch purpose {
        case .load:
            if case .membershipRequests(let page) = result { requests = page.data }
        case .answer:
            context.close()
            context.reloadPage()
        }
    }

    mutating func closed(_ context: inout Context) { step = nil }
}
