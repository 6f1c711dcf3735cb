import Foundation
import FrontendAPI
import Hummingbird

/// The browser side of invitation links.
///
/// `GET /v1/tickets/accept?ticket=…` (spec `acceptTicket`) checks the ticket and answers 303 to the invitation's
/// landing page with `__clerk_ticket` and a fresh `__clerk_status`, or Clerk's 400 error body (`ticket_invalid_code`,
/// `ticket_expired_code`, `organization_invitation_revoked_code`, …). Clerk can also answer `__clerk_status=complete`
/// when the browser already holds a session of the invitee; a browser here never does (clients sign in from the
/// terminal), so it is always `sign_in` or `sign_up`.
///
/// `GET /v1/dev_invitation?__clerk_ticket=…&__clerk_status=…` is the development landing page: who is invited where,
/// and how to continue in clerk-tui. It only reads the ticket; accepting is the sign-in or sign-up's job.
struct InvitationLinks: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var tickets: InvitationTickets { InvitationTickets(instance: instance) }

    /// The landing page URL `acceptTicket` redirects to.
    func accept() async throws -> String {
        let ticket = try exchange.call.query.required("ticket")
        return try await instance.database.read { db in
            let (invitation, _) = try await tickets.invitation(ticket: ticket, in: db)
            return tickets.link(ticket: ticket, status: try await tickets.status(of: invitation.emailAddress, in: db))
        }
    }

    func landing() async throws -> Page {
        let ticket = try exchange.call.query.required("__clerk_ticket")
        let (invitation, organization, status) = try await instance.database.read { db in
            let (invitation, organization) = try await tickets.invitation(ticket: ticket, in: db)
            return (invitation, organization, try await tickets.status(of: invitation.emailAddress, in: db))
        }
        let role = instance.settings.organizations.role(invitation.role)?.name ?? invitation.role
        let next = status == .signIn
            ? "clerk-tui signs you in as \(Page.escape(invitation.emailAddress)) and adds you to the organization."
            : "clerk-tui creates your account for \(Page.escape(invitation.emailAddress)) (the address needs no code) and adds "
                + "you to the organization."
        return .html(.ok, title: "Join \(organization.name)", body: """
            <p>\(Page.escape(invitation.emailAddress)) is invited to join <strong>\(Page.escape(organization.name))</strong> \
            as \(Page.escape(role)).</p>
            <p>Return to your terminal to accept: run <code>clerk-tui --ticket '…'</code> with this page's address, or \
            paste the address on clerk-tui's sign-in card. \(next)</p>
            <p>You can close this tab.</p>
            """)
    }
}

extension Gateway {
    /// A browser-facing route whose failures the spec documents as Clerk's error body (`acceptTicket`): a 303 to the
    /// URL `body` returns, or the JSON error.
    func redirect(_ request: Request, _ context: FAPIRequestContext,
                  _ body: @Sendable (Exchange) async throws -> String) async -> Response {
        let traceID = RandomToken.base62(24)
        do {
            let call = try await APICall.decode(request, context: context, traceID: traceID)
            return Page.redirect(try await body(Exchange(instance: instance, call: call))).response
        } catch {
            var logger = instance.logger
            logger[metadataKey: "trace_id"] = "\(traceID)"
            logger[metadataKey: "ip"] = "\(context.remoteIP)"
            return Gateway.errorResponse(error, logger: logger, traceID: traceID, path: request.uri.path)
        }
    }
}
