import FrontendAPI

extension OrganizationAdminCall {
    /// Performs the call with `client` on organization `org`, acting for `sessionID`: the call's one mapping to a
    /// client method.
    func perform(with client: FrontendClient, sessionID id: String, organizationID org: String) async throws -> BackendResult {
        let limit = OrganizationCall.pageSize
        switch self {
        case .load: return .organization(try await client.organization(org, sessionID: id))
        case .update(let name, let slug):
            return .organization(try await client.updateOrganization(org, name: name, slug: slug, sessionID: id))
        case .setLogo(let path):
            let image = try ImageFile.read(path)
            return .organization(
                try await client.updateOrganizationLogo(org, image: image.data, contentType: image.contentType, sessionID: id))
        case .removeLogo: try await client.deleteOrganizationLogo(org, sessionID: id)
        case .delete: try await client.deleteOrganization(org, sessionID: id)
        case .leave: try await client.leaveOrganization(org, sessionID: id)
        case .roles: return .roles(try await client.organizationRoles(org, limit: 50, sessionID: id))
        case .members(let query, let offset):
            return .memberships(
                try await client.organizationMembers(org, query: query, offset: offset, limit: limit, sessionID: id))
        case .updateMember(let userID, let role):
            return .membership(try await client.updateOrganizationMember(org, userID: userID, role: role, sessionID: id))
        case .removeMember(let userID): try await client.removeOrganizationMember(org, userID: userID, sessionID: id)
        case .invitations(let offset):
            return .invitations(try await client.organizationInvitationList(org, offset: offset, limit: limit, sessionID: id))
        case .invite(let addresses, let role):
            let sent = try await client.inviteOrganizationMembers(org, emailAddresses: addresses, role: role, sessionID: id)
            return .invitations(PaginatedList(data: sent, totalCount: sent.count))
        case .revokeInvitation(let invitationID):
            return .invitation(try await client.revokeOrganizationInvitation(org, invitationID: invitationID, sessionID: id))
        case .membershipRequests(let offset):
            return .membershipRequests(
                try await client.organizationMembershipRequests(org, offset: offset, limit: limit, sessionID: id))
        case .answerRequest(let requestID, let accept):
            try await client.answerOrganizationMembershipRequest(org, requestID: requestID, accept: accept, sessionID: id)
        case .domains: return .domains(try await client.organizationDomains(org, limit: 50, sessionID: id))
        case .addDomain(let name): return .domain(try await client.createOrganizationDomain(org, name: name, sessionID: id))
        case .prepareDomain(let domainID, let address):
            return .domain(try await client.prepareDomainAffiliation(org, domainID: domainID, emailAddress: address, sessionID: id))
        case .attemptDomain(let domainID, let code):
            return .domain(try await client.attemptDomainAffiliation(org, domainID: domainID, code: code, sessionID: id))
        case .enrollDomain(let domainID, let mode, let deletePending):
            return .domain(
                try await client.updateDomainEnrollmentMode(
                    org, domainID: domainID, mode: mode, deletePending: deletePending, sessionID: id))
        case .removeDomain(let domainID): try await client.deleteOrganizationDomain(org, domainID: domainID, sessionID: id)
        }
        return .done
    }
}
