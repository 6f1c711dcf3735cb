import Foundation
import FrontendAPI
import Hummingbird

/// The browser side of invitation links, to the application or to an organization.
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
            let invitee = try await tickets.invitee(ticket: ticket, in: db)
            return tickets.link(ticket: ticket, status: try await tickets.status(of: invitee.emailAddress, in: db),
                                organization: invitee.isOrganization)
        }
    }

    func landing() async throws -> Page {
        let ticket = try exchange.call.query.required("__clerk_ticket")
        let (invitee, status) = try await instance.database.read { db in
            let invitee = try await tickets.invitee(ticket: ticket, in: db)
            return (invitee, try await tickets.status(of: invitee.emailAddress, in: db))
        }
        let email = Page.escape(invitee.emailAddress)
        let (place, invited): (String, String)
        switch invitee.target {
        case .application:
            place = instance.settings.applicationName
            invited = "\(email) is invited to join <strong>\(Page.escape(place))</strong>."
        case .organization(let organization, let roleKey):
            place = organization.name
            let role = instance.settings.organizations.role(roleKey)?.name ?? roleKey
            invited = "\(email) is invited to join <strong>\(Page.escape(place))</strong> as \(Page.escape(role))."
        }
        let joining = invitee.isOrganization ? " and adds you to the organization" : ""
        let next = status == .signIn
            ? "clerk-tui signs you in as \(email)\(joining)."
            : "clerk-tui creates your account for \(email) (the address needs no code)\(joining)."
        return .html(.ok, title: "Join \(place)", body: """
            <p>\(invited)</p>
            <p>Return to your terminal to accept: run <code>clerk-tui --ticket '…'</code> with this page's address, or \
            paste the address on clerk-tui's sign-in or sign-up card. \(next)</p>
            <p>You can close this tab.</p>
            """)
    }
}

extension Gateway {
    /// A browser-facing route whose failures the spec documents as Clerk's error body (`acceptTicket`): a 303 to the
    /// URL `body` returns, or the JSON error.
    func redirect(_ request: Request, _ context: FAPIRequestContext,
                  _ body: @Sendable (Exchange) async throws -> String) async -> Response {
        await browserPage(request, context) { .redirect(try await body($0)) }
    }

    /// A browser-facing route whose failures the spec documents as Clerk's error body (`acceptTicket`, `verify`): the
    /// page `body` gives, or the JSON error.
    func browserPage(_ request: Request, _ context: FAPIRequestContext,
                     _ body: @Sendable (Exchange) async throws -> Page) async -> Response {
        let trace = TraceID()
        do {
            let call = try await APICall.decode(request, context: context, trace: trace)
            return try await body(Exchange(instance: instance, call: call)).response
        } catch {
            let logger = instance.logger.tagged(ip: context.remoteIP, traceID: trace.value)
            return Gateway.errorResponse(error, logger: logger, traceID: trace.value, path: request.uri.path)
        }
    }
}
