import FrontendAPI
import Testing

@testable import Portal

/// The portal drawn from the previous run's environment and client, then from what the refresh answers.
@Suite struct PortalCachedViewTests {
    static let ada = Fixtures.session("sess_a", identifier: "ada@acme.test")
    static let signedIn = Fixtures.client([ada], active: "sess_a")
    static let signedOut = Fixtures.client([], active: nil)

    /// Started and restored from `cached`: the loads are under way, the cached card is on screen.
    static func restored(_ cached: CachedView) -> (PortalMachine, [PortalMachine.Effect]) {
        var machine = PortalMachine()
        let start = machine.update(.start)
        #expect(start.calls() == [.loadEnvironment, .loadClient])
        _ = machine.update(.restore(cached))
        return (machine, start)
    }

    static func isSignIn(_ route: PortalMachine.Route) -> Bool { if case .signIn = route { true } else { false } }
    static func isHome(_ route: PortalMachine.Route) -> Bool { if case .home = route { true } else { false } }

    @Test func theCachedCardShowsBeforeAnyAnswer() {
        let (home, _) = Self.restored(CachedView(environment: Fixtures.environment(), client: Self.signedIn))
        #expect(Self.isHome(home.route))
        let (signIn, _) = Self.restored(CachedView(environment: Fixtures.environment(), client: nil))
        #expect(Self.isSignIn(signIn.route))
        #expect(signIn.applicationName == "Acme")
    }

    @Test func aSignedOutRefreshReplacesTheCachedHome() {
        var (machine, start) = Self.restored(CachedView(environment: Fixtures.environment(), client: Self.signedIn))
        // The environment's answer carries the backend's client, still empty: the cached one stays until its refresh.
        _ = machine.update(.clientChanged(nil))
        _ = PortalMachineTests.answer(&machine, start, [.loadEnvironment: .success(.environment(Fixtures.environment()))])
        #expect(Self.isHome(machine.route))
        _ = machine.update(.clientChanged(Self.signedOut))
        _ = PortalMachineTests.answer(&machine, start, [.loadClient: .success(.client(Self.signedOut))])
        #expect(Self.isSignIn(machine.route))
        #expect(machine.client == Self.signedOut)
    }

    @Test func aSignedInRefreshReplacesTheCachedSignIn() {
        var (machine, start) = Self.restored(CachedView(environment: Fixtures.environment(), client: nil))
        _ = PortalMachineTests.answer(
            &machine, start,
            [.loadEnvironment: .success(.environment(Fixtures.environment())), .loadClient: .success(.client(Self.signedIn))])
        guard case .home(let account) = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
        #expect(account.activeSession == Self.ada)
    }

    @Test func changedSettingsRebuildTheCard() {
        let cached = Fixtures.environment(preferred: "otp")
        var (machine, start) = Self.restored(CachedView(environment: cached, client: nil))
        let current = Fixtures.environment(preferred: "password")
        _ = PortalMachineTests.answer(&machine, start, [.loadEnvironment: .success(.environment(current))])
        #expect(machine.environment == current)
        guard case .signIn(let signIn) = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
        #expect(signIn.config.preferredStrategy == "password")
    }

    @Test func aFailedRefreshDoesNotLeaveTheCachedViewAsCurrent() {
        var (machine, start) = Self.restored(CachedView(environment: Fixtures.environment(), client: Self.signedIn))
        _ = PortalMachineTests.answer(&machine, start, [.loadClient: .failure(.unavailable(reason: "refused"))])
        #expect(machine.route == .unavailable(.unavailable(reason: "refused")))
        #expect(machine.update(.retry).calls() == [.loadEnvironment, .loadClient])
    }

    @Test func aLateRefreshKeepsTheSignUpCardOpenedFromTheCachedSignIn() {
        var (machine, start) = Self.restored(CachedView(environment: Fixtures.environment(), client: nil))
        _ = machine.update(.signIn(.goToSignUp))
        guard case .signUp = machine.route else {
            Issue.record("expected sign-up, got \(machine.route)")
            return
        }
        _ = PortalMachineTests.answer(
            &machine, start,
            [.loadEnvironment: .success(.environment(Fixtures.environment())), .loadClient: .success(.client(Self.signedOut))])
        guard case .signUp = machine.route else {
            Issue.record("the refresh replaced the sign-up card with \(machine.route)")
            return
        }
    }

    @Test func aTicketIsRedeemedOnTheRefreshedSettingsNotTheCachedCard() {
        var machine = PortalMachine(ticket: "inv_ticket")
        let start = machine.update(.start)
        #expect(machine.update(.restore(CachedView(environment: Fixtures.environment(), client: nil))).isEmpty)
        #expect(machine.route == .loading)
        let redeem = PortalMachineTests.answer(
            &machine, start,
            [.loadEnvironment: .success(.environment(Fixtures.environment())), .loadClient: .success(.client(Self.signedOut))])
        #expect(redeem.calls() == [.createSignIn(SignInParameters(strategy: .ticket, ticket: "inv_ticket", locale: "en-US"))])
    }

    @Test func aRestoreAfterTheAnswersIsIgnored() {
        var machine = PortalMachineTests.booted(client: Self.signedOut)
        let before = machine
        #expect(machine.update(.restore(CachedView(environment: Fixtures.environment(), client: Self.signedIn))).isEmpty)
        #expect(machine == before)
    }
}
