import Foundation
import FrontendAPI
import SQLKit

/// An application invitation as the operator sees it.
public struct AdminInvitation: Codable, Equatable, Sendable {
    public let id: String
    public let emailAddress: String
    /// `pending`, `accepted`, `revoked` or `expired`.
    public let status: String
    /// The link that signs the invitee up, while the invitation is pending.
    public let url: String?
    public let createdAt: Date
    public let expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case id, status, url
        case emailAddress = "email_address", createdAt = "created_at", expiresAt = "expires_at"
    }
}

/// `clerk-tui admin invitations`: invite someone to the application, list and revoke invitations.
extension LocalAdministration {
    /// Invites `email`: the invitation goes to the outbox with its link.
    public func createInvitation(email: String) async throws -> AdminInvitation {
        try await change { [instance] db in
            let invitation = try await ApplicationInvitations(instance: instance).create(email: email, in: db)
            return try await summary(invitation, in: db)
        }
    }

    /// Every invitation, newest first.
    public func invitations() async throws -> [AdminInvitation] {
        try await read { [instance] db in
            var list: [AdminInvitation] = []
            for invitation in try await ApplicationInvitations(instance: instance).list(in: db) {
                list.append(try await summary(invitation, in: db))
            }
            return list
        }
    }

    /// Revokes the pending invitation `reference` names (its id or address).
    public func revokeInvitation(_ reference: String) async throws -> AdminInvitation {
        try await change { [instance] db in
            let invitation = try await ApplicationInvitations(instance: instance).revoke(reference, in: db)
            return try await summary(invitation, in: db)
        }
    }

    func summary(_ invitation: InvitationRecord, in db: any SQLDatabase) async throws -> AdminInvitation {
        let status = ApplicationInvitations(instance: instance).status(invitation)
        let url = status == .pending ? try await InvitationTickets(instance: instance).link(for: invitation, in: db) : nil
        return AdminInvitation(id: invitation.id, emailAddress: invitation.emailAddress, status: status.rawValue, url: url,
                               createdAt: date(invitation.createdAt) ?? Date(), expiresAt: date(invitation.expiresAt) ?? Date())
    }
}
