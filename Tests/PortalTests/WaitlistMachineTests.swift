import FrontendAPI
import Testing

@testable import Portal

/// Clerk's Waitlist component inside the sign-up flow, and the invitation link pasted on a restricted card.
@Suite struct WaitlistMachineTests {
    static let link = "http://127.0.0.1:4000/v1/tickets/accept?__clerk_ticket=tkt_abc&__clerk_status=sign_up"

    @Test func joiningShowsTheThanksCard() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .waitlist))
        _ = machine.update(.joinWaitlist)
        #expect(machine.step == .waitlist)
        #expect(machine.update(.submit).calls().isEmpty)
        _ = machine.update(.fieldChanged(.emailAddress, " ada@acme.test "))
        let effects = machine.update(.submit)
        #expect(effects.calls() == [.joinWaitlist(emailAddress: "ada@acme.test")])
        machine.answer(effects, .success(.done))
        #expect(machine.step == .waitlistJoined)
        #expect(machine.update(.goToSignIn).outcomes() == [.signIn])
    }

    @Test func aRefusedAddressLandsUnderTheField() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .waitlist))
        _ = machine.update(.joinWaitlist)
        _ = machine.update(.fieldChanged(.emailAddress, "not-an-address"))
        let effects = machine.update(.submit)
        machine.answer(effects, .failure(Fixtures.failure("form_param_format_invalid", param: "email_address")))
        #expect(machine.errors["email_address"] == "message for form_param_format_invalid")
        #expect(machine.step == .waitlist)
    }

    @Test func backLeavesTheWaitlistForTheRestrictedCard() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .waitlist))
        _ = machine.update(.joinWaitlist)
        _ = machine.update(.back)
        #expect(machine.step == .restricted)
    }

    @Test func theWaitlistIsOnlyForWaitlistInstances() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .restricted))
        _ = machine.update(.joinWaitlist)
        #expect(machine.step == .restricted)
    }

    @Test func aPastedInvitationLinkSignsUpWithItsTicket() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .restricted))
        _ = machine.update(.fieldChanged(.invitationLink, Self.link))
        let effects = machine.update(.submit)
        #expect(effects.calls() == [.createSignUp(SignUpParameters(strategy: .ticket, ticket: "tkt_abc", locale: "en-US"))])
        #expect(machine.step == .continueMissing)
        machine.answer(effects, .failure(Fixtures.failure("ticket_expired", status: 400)))
        #expect(machine.step == .restricted)
        #expect(machine.errors.card == "message for ticket_expired")
    }

    @Test func anInvitationLinkInTheEmailFieldSignsUpWithItsTicket() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, Self.link))
        let effects = machine.update(.submit)
        #expect(effects.calls() == [.createSignUp(SignUpParameters(strategy: .ticket, ticket: "tkt_abc", locale: "en-US"))])
    }
}
