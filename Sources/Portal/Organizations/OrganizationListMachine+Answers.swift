import FrontendAPI

extension OrganizationListMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        switch (pending.purpose, result) {
        case (.load(.memberships), .memberships(let page)):
            memberships = page.data
            membershipCount = page.totalCount
            return listLoaded(.memberships)
        case (.loadMore, .memberships(let page)):
            memberships += page.data.filter { row in !memberships.contains { $0.id == row.id } }
            membershipCount = page.totalCount
            return []
        case (.load(.invitations), .invitations(let page)):
            invitations = page.data
            return listLoaded(.invitations)
        case (.load(.suggestions), .suggestions(let page)):
            suggestions = page.data
            return listLoaded(.suggestions)
        case (.join(let id), _):
            // The invitation is now a membership: it moves to the memberships.
            invitations.removeAll { $0.id == id }
            return [load(.memberships)]
        case (.requestToJoin(let id), .suggestion(let accepted)):
            if let index = suggestions.firstIndex(where: { $0.id == id }) { suggestions[index] = accepted }
            return []
        case (.create, .organization(let organization)):
            created = organization
            return submitCreate()
        case (.logo, .organization(let organization)):
            created = organization
            return submitCreate()
        case (.select, _):
            return [.finish(.selected)]
        default:
            return []
        }
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        switch pending.purpose {
        case .select where failure.has(code: "organization_not_found_or_unauthorized")
            || failure.has(code: "not_a_member_in_organization"):
            errors = FormErrors(
                card: config.createEnabled ? Copy.Organizations.noLongerMember : Copy.Organizations.noLongerMemberCreateDisabled)
            return [load(.memberships)]
        case .create, .logo:
            errors = FormErrors(failure.errors, fieldNames: Set(OrganizationField.allCases.map(\.rawValue)))
        default:
            errors = FormErrors(failure.errors, fieldNames: [])
        }
        if failure.has(code: "organization_membership_quota_exceeded") {
            errors.card = Copy.Organizations.membershipQuotaExceeded
        }
        if let seconds = failure.rateLimitSeconds { errors.card = Copy.rateLimited(seconds: seconds) }
        return []
    }

    /// Once every list has answered, a task with nothing to choose from opens CreateOrganization.
    private mutating func listLoaded(_ list: List) -> [Effect] {
        loaded.insert(list)
        if !isLoading, mode == .task, config.createEnabled, !canLeaveCreate { step = .create }
        return []
    }
}
