import FrontendAPI

extension OrganizationCall {
    /// Performs the call with `client`, acting for `sessionID`: the call's one mapping to a client method.
    func perform(with client: FrontendClient, sessionID id: String) async throws -> BackendResult {
        let limit = Self.pageSize
        switch self {
        case .memberships(let offset):
            return .memberships(try await client.organizationMemberships(offset: offset, limit: limit, sessionID: id))
        case .invitations(let offset):
            return .invitations(try await client.organizationInvitations(offset: offset, limit: limit, sessionID: id))
        case .acceptInvitation(let invitationID):
            return .invitation(try await client.acceptOrganizationInvitation(invitationID, sessionID: id))
        case .suggestions(let offset, let includeAccepted):
            let status = includeAccepted ? ["pending", "accepted"] : ["pending"]
            return .suggestions(
                try await client.organizationSuggestions(status: status, offset: offset, limit: limit, sessionID: id))
        case .acceptSuggestion(let suggestionID):
            return .suggestion(try await client.acceptOrganizationSuggestion(suggestionID, sessionID: id))
        case .create(let name, let slug):
            return .organization(try await client.createOrganization(name: name, slug: slug, sessionID: id))
        case .setLogo(let organizationID, let path):
            let image = try ImageFile.read(path)
            return .organization(
                try await client.updateOrganizationLogo(
                    organizationID, image: image.data, contentType: image.contentType, sessionID: id))
        }
    }
}
