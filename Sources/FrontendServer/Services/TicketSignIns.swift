import FrontendAPI
import SQLKit

/// `POST /v1/client/sign_ins strategy=ticket&ticket=…`: the invitee of an invitation, to an organization or to the
/// application, signs in with its ticket (clerk-js `SignInStart` with `__clerk_ticket`, clerk-ios `SignIn.create(strategy: .ticket)`).
///
/// The ticket is the first factor (`first_factor_verification`: `verification_ticket`, verified): it proves the invited
/// address, so the user who verified that address signs in without a password or code. Their second factors still
/// apply (`needs_second_factor`), and a locked user stays locked. The invitation is accepted when the sign-in completes
/// (`FirstFactor.finish`): an organization invitation's invitee joins with its role. Nobody has verified the address
/// yet: 400 `invitation_account_not_exists`, which tells the client to sign up with the same ticket.
struct TicketSignIns: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    func create() async throws -> Reply {
        let ticket = try exchange.call.form.required("ticket")
        let (signInID, token): (String, String?) = try await instance.database.write { db in
            let invitee = try await InvitationTickets(instance: instance).invitee(ticket: ticket, in: db)
            guard let identification = try await IdentificationRecord.first(in: db, where: "value", equals: invitee.emailAddress),
                  identification.kind == .emailAddress, identification.verified,
                  let user = try await UserRecord.find(identification.userId, in: db) else {
                throw APIFailure.invitationAccountNotExists
            }
            try instance.lockout.ensureUnlocked(user, now: instance.nowMS)
            try await Sessions(instance: instance).ensureCanSignIn(client: try await exchange.client(in: db), userID: user.id, in: db)
            var (client, issued) = try await exchange.ensureClient(in: db)
            var signIn = try await SignIns.open(on: &client, identifier: identification.value, userID: user.id,
                                                identificationID: identification.id, instance: instance, in: db)
            signIn.ticketInvitationId = invitee.invitationID
            try await signIn.save(in: db)
            try await instance.codes.record(owner: signIn.id, slot: "first_factor", strategy: .ticket, status: .verified, in: db)
            let rotated = try await FirstFactor(exchange: exchange).complete(signInID: signIn.id, strategy: .ticket, in: db)
            return (signIn.id, rotated ?? issued)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }
}
