import Foundation
import FrontendAPI
import SQLKit

/// A waitlist entry as the operator sees it.
public struct AdminWaitlistEntry: Codable, Equatable, Sendable {
    public let id: String
    public let emailAddress: String
    /// `pending`, `invited` or `completed`.
    public let status: String
    /// The invitation inviting the entry made, with its link while pending.
    public let invitation: AdminInvitation?
    public let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, status, invitation
        case emailAddress = "email_address", createdAt = "created_at"
    }
}

/// `clerk-tui admin waitlist`: who is waiting, and inviting them.
extension LocalAdministration {
    /// Every entry, in the order people joined.
    public func waitlist() async throws -> [AdminWaitlistEntry] {
        try await read { [instance] db in
            var list: [AdminWaitlistEntry] = []
            for entry in try await Waitlist(instance: instance).list(in: db) {
                let invitation = try await entry.invitationId.asyncMap { try await InvitationRecord.find($0, in: db) } ?? nil
                list.append(try await summary(entry, invitation: invitation, in: db))
            }
            return list
        }
    }

    /// Invites the entry `reference` names (its id or address): an invitation whose link signs them up.
    public func inviteFromWaitlist(_ reference: String) async throws -> AdminWaitlistEntry {
        try await change { [instance] db in
            let (entry, invitation) = try await Waitlist(instance: instance).invite(reference, in: db)
            return try await summary(entry, invitation: invitation, in: db)
        }
    }

    private func summary(_ entry: WaitlistEntryRecord, invitation: InvitationRecord?,
                         in db: any SQLDatabase) async throws -> AdminWaitlistEntry {
        AdminWaitlistEntry(id: entry.id, emailAddress: entry.emailAddress, status: entry.status.rawValue,
                           invitation: try await invitation.asyncMap { try await summary($0, in: db) },
                           createdAt: date(entry.createdAt) ?? Date())
    }
}
