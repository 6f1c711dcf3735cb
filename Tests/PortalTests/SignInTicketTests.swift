import FrontendAPI
import Testing

@testable import Portal

/// Accepting an organization invitation by its ticket.
@Suite struct SignInTicketTests {
    static let link = "http://127.0.0.1:4000/v1/invitations/accept?__clerk_ticket=tkt_abc&__clerk_status=sign_up"

    @Test func anInvitationLinkCarriesItsTicket() {
        #expect(SignInMachine.ticket(inLink: Self.link) == "tkt_abc")
        #expect(SignInMachine.ticket(inLink: " \(Self.link) ") == "tkt_abc")
        #expect(SignInMachine.ticket(inLink: "ada@acme.test") == nil)
        #expect(SignInMachine.ticket(inLink: "https://acme.test/?__clerk_ticket=") == nil)
    }

    @Test func aPastedLinkSignsInWithItsTicket() {
        var machine = SignInMachine.make()
        _ = machine.update(.identifierChanged(Self.link))
        let effects = machine.update(.submit)
        #expect(effects.calls() == [.createSignIn(SignInParameters(strategy: .ticket, ticket: "tkt_abc", locale: "en-US"))])
        let done = machine.answer(effects, signIn: Fixtures.signIn(.complete, sessionID: "sess_t"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_t")])
    }

    @Test func aTicketWithNoAccountContinuesAsASignUp() {
        var machine = SignInMachine.make()
        let effects = machine.signIn(ticket: "tkt_abc")
        let transfer = machine.answer(effects, .failure(Fixtures.failure("invitation_account_not_exists", status: 404)))
        #expect(transfer.outcomes() == [.transferTicketToSignUp(ticket: "tkt_abc")])

        var refused = SignInMachine.make()
        _ = refused.answer(refused.signIn(ticket: "tkt_old"), .failure(Fixtures.failure("ticket_expired", status: 400)))
        #expect(refused.errors.card == "message for ticket_expired" && refused.step == .start)
    }

    @Test func theSignUpTakesTheTicketOver() {
        let config = SignUpConfig(environment: Fixtures.environment(mode: .restricted), emailLinkRedirectURL: nil)
        let (machine, effects) = SignUpMachine.ticket("tkt_abc", config: config, scope: 2)
        #expect(effects.calls() == [.createSignUp(SignUpParameters(strategy: .ticket, ticket: "tkt_abc", locale: "en-US"))])
        #expect(machine.isBusy)
    }

    @Test func thePortalAcceptsItsTicketOnceTheSignInCardShows() {
        var machine = PortalMachine(ticket: "tkt_abc")
        let start = machine.update(.start)
        let effects = PortalMachineTests.answer(&machine, start, [
            .loadEnvironment: .success(.environment(Fixtures.environment())), .loadClient: .success(.client(nil)),
        ])
        #expect(effects.calls() == [.createSignIn(SignInParameters(strategy: .ticket, ticket: "tkt_abc", locale: "en-US"))])
        #expect(machine.ticket == nil)
    }
}
