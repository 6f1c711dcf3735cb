import Crypto
import Foundation
import Testing
@testable import FrontendServer

/// Invitation tickets: issuing and checking them (`TicketSigner`), and their expiry on a running server.
@Suite("Invitation tickets")
struct InvitationTicketTests {
    private let signer = TicketSigner(pepper: SymmetricKey(data: Data(repeating: 7, count: 32)))
    private let claims = TicketSigner.Claims(sid: "orginv_2abcdefghijklmnopqrstuvwxyz", st: "organization_invitation",
                                             iat: 1_800_000_000, exp: 1_802_592_000)

    @Test func aTicketIsACompactHS256JWTThatRoundTrips() throws {
        let ticket = try signer.issue(claims)
        let parts = ticket.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        #expect(parts.count == 3)
        let header = try #require(Data(base64URLEncoded: parts[0]))
        #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"HS256","typ":"JWT"}"#)
        #expect(ticket.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }, "safe in a query as is")
        #expect(try signer.verify(ticket) == claims)
    }

    @Test func theSameInvitationAlwaysGetsTheSameTicket() throws {
        #expect(try signer.issue(claims) == signer.issue(claims))
        var other = claims
        other.sid = "orginv_another0000000000000000"
        #expect(try signer.issue(other) != signer.issue(claims))
    }

    @Test func anotherInstancesTicketIsInvalid() throws {
        let stranger = TicketSigner(pepper: SymmetricKey(data: Data(repeating: 8, count: 32)))
        #expect(throws: TicketSigner.Failure.invalid) { try signer.verify(try stranger.issue(claims)) }
    }

    @Test func anAlteredTicketIsInvalid() throws {
        let parts = try signer.issue(claims).split(separator: ".").map(String.init)
        var forged = claims
        forged.sid = "orginv_someoneelse00000000000000"
        let forgedPayload = try JSONEncoder().encode(forged).base64URLEncodedString()
        let unsigned = #"{"alg":"none","typ":"JWT"}"#
        let rs256 = #"{"alg":"RS256","typ":"JWT"}"#
        let tampered = [
            parts[0] + "." + forgedPayload + "." + parts[2],
            parts[0] + "." + parts[1] + "." + String(parts[2].reversed()),
            Data(unsigned.utf8).base64URLEncodedString() + "." + parts[1] + ".",
            Data(rs256.utf8).base64URLEncodedString() + "." + parts[1] + "." + parts[2],
            parts[0] + "." + parts[1],
            parts.joined(separator: ".") + ".extra",
            "not a ticket", "", "...",
            parts[0] + "." + parts[1] + "." + parts[2] + String(repeating: "A", count: TicketSigner.maxLength),
        ]
        for ticket in tampered {
            #expect(throws: TicketSigner.Failure.invalid, "\(ticket.prefix(60))") { try signer.verify(ticket) }
        }
    }

    @Test func aTicketExpiresAtItsExp() throws {
        let ticket = try signer.issue(claims)
        #expect(try signer.verify(ticket, nowMS: (claims.exp - 1) * 1000) == claims)
        #expect(throws: TicketSigner.Failure.expired) { try signer.verify(ticket, nowMS: claims.exp * 1000) }
        #expect(try signer.verify(ticket).isExpired(atMS: claims.exp * 1000 + 1))
    }

    @Test func theTicketKeyIsDerivedNotThePepperItself() throws {
        let pepper = SymmetricKey(data: Data(repeating: 7, count: 32))
        let ticket = try signer.issue(claims)
        let parts = ticket.split(separator: ".").map(String.init)
        let withPepper = HMAC<SHA256>.authenticationCode(for: Data((parts[0] + "." + parts[1]).utf8), using: pepper)
        #expect(Data(withPepper).base64URLEncodedString() != parts[2])
    }

    // MARK: On a running server

    private static func organizationsSettings() -> InstanceSettings {
        var settings = TestServer.testSettings()
        settings.organizations.enabled = true
        return settings
    }

    @Test func aProductionInstanceKeepsTheLinkOutOfTheInvitation() async throws {
        var settings = Self.organizationsSettings()
        settings.environment = .production
        try await withRunningServer(settings: settings) { server in
            let admin = NativeClient(server)
            try await Flows.signUp(admin, server: server, email: "admin@example.com")
            let organization = try await admin.send("POST", "/v1/organizations", form: [("name", "Acme")])
            let id = try #require(organization.response["id"] as? String)
            let invited = try await admin.send("POST", "/v1/organizations/\(id)/invitations",
                                               form: [("email_address", "new@example.com"), ("role", "org:member")])
            #expect(invited.status == 200 && invited.response["url"] is NSNull, "an admin never holds the invitee's ticket")
            let link = try await Flows.lastCode(server, to: "new@example.com")
            #expect(link.contains("__clerk_ticket=") && link.hasSuffix("&__clerk_status=sign_up"), "the invitee's mail has it")
        }
    }

    @Test func anExpiredInvitationsTicketIsRefused() async throws {
        let clock = ManualClock()
        try await withRunningServer(settings: Self.organizationsSettings(), clock: clock) { server in
            let admin = NativeClient(server)
            try await Flows.signUp(admin, server: server, email: "admin+clerk_test@example.com")
            let organization = try await admin.send("POST", "/v1/organizations", form: [("name", "Acme")])
            let id = try #require(organization.response["id"] as? String)
            let invited = try await admin.send("POST", "/v1/organizations/\(id)/invitations",
                                               form: [("email_address", "new@example.com"), ("role", "org:member")])
            let url = try #require(invited.response["url"] as? String)
            let ticket = try #require(URLComponents(string: url)?.queryItems?.first { $0.name == "__clerk_ticket" }?.value)
            #expect(url.hasPrefix(server.server.baseURL + "/v1/dev_invitation?__clerk_ticket="))
            #expect(url.hasSuffix("&__clerk_status=sign_up"))
            #expect(try await Flows.lastCode(server, to: "new@example.com") == url, "the outbox carries the same link")
            clock.advance(by: 30 * 24 * 3600)
            let invitee = NativeClient(server)
            let signUp = try await invitee.send("POST", "/v1/client/sign_ups", form: [("strategy", "ticket"), ("ticket", ticket)])
            #expect(signUp.status == 400 && signUp.errorCode == "ticket_expired_code")
            let accept = try await invitee.send("GET", "/v1/tickets/accept", query: "ticket=" + ticket, native: false)
            #expect(accept.status == 400 && accept.errorCode == "ticket_expired_code")
        }
    }
}
