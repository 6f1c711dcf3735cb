import FrontendAPI

/// How the portal passes runtime events and the user's events to the flow on screen.
extension PortalMachine {
    /// A child's own event, handed to the child on screen; its effects pass through, its outcome is handled here.
    mutating func forward(_ event: Event) -> [Effect] {
        switch event {
        case .signIn(let event):
            guard case .signIn(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .signIn(machine)
            return absorb(effects) { $0.signInFinished($1) }
        case .signUp(let event):
            guard case .signUp(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .signUp(machine)
            return absorb(effects) { $0.signUpFinished($1) }
        case .account(let event):
            guard case .home(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .home(machine)
            return absorb(effects) { $0.accountFinished($1) }
        case .task(let event):
            guard case .task(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .task(machine)
            return absorb(effects) { $0.taskFinished($1) }
        case .profile(let event):
            guard case .profile(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .profile(machine)
            return absorb(effects) { $0.profileFinished($1) }
        case .organizations(let event):
            guard case .organizations(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .organizations(machine)
            return absorb(effects) { $0.organizationsFinished($1) }
        case .organizationProfile(let event):
            guard case .organizationProfile(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .organizationProfile(machine)
            return absorb(effects) { $0.organizationProfileFinished($1) }
        case .pricingTable(let event):
            guard case .pricingTable(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .pricingTable(machine)
            return absorb(effects) { $0.pricingTableFinished($1, origin: machine.origin) }
        case .checkout(let event):
            guard case .checkout(var machine) = route else { return [] }
            let effects = machine.update(event)
            route = .checkout(machine)
            return absorb(effects) { $0.checkoutFinished($1, request: machine.request, returnTo: machine.returnTo) }
        default:
            return []
        }
    }

    /// The client changed under the flow on screen: the home and tasks follow it, the profiles check their session.
    mutating func clientChanged(_ client: Client?) -> [Effect] {
        switch route {
        case .home, .task: settle()
        case .organizations(let list) where list.mode == .task: settle()
        case .profile: forward(.profile(.clientChanged(client)))
        case .organizationProfile: forward(.organizationProfile(.clientChanged(client)))
        default: []
        }
    }

    /// A timer belongs to the flow on screen.
    mutating func forwardTimer(_ timer: TimerID) -> [Effect] {
        switch route {
        case .signIn: forward(.signIn(.timerFired(timer)))
        case .signUp: forward(.signUp(.timerFired(timer)))
        case .profile: forward(.profile(.timerFired(timer)))
        case .organizationProfile: forward(.organizationProfile(.timerFired(timer)))
        case .checkout: forward(.checkout(.timerFired(timer)))
        default: []
        }
    }

    /// "Try again" on the flow on screen.
    mutating func forwardRetry() -> [Effect] {
        switch route {
        case .signIn: update(.signIn(.retry))
        case .signUp: update(.signUp(.retry))
        case .home: update(.account(.retry))
        case .task: update(.task(.retry))
        case .profile: update(.profile(.retry))
        case .organizations: update(.organizations(.retry))
        case .organizationProfile: update(.organizationProfile(.retry))
        case .pricingTable: update(.pricingTable(.retry))
        case .checkout: update(.checkout(.retry))
        case .loading, .unavailable: []
        }
    }

    /// An answer to a call of the flow on screen.
    mutating func forwardToChild(response id: RequestID, _ outcome: BackendOutcome) -> [Effect] {
        switch route {
        case .signIn: update(.signIn(.response(id, outcome)))
        case .signUp: update(.signUp(.response(id, outcome)))
        case .home: update(.account(.response(id, outcome)))
        case .task: update(.task(.response(id, outcome)))
        case .profile: update(.profile(.response(id, outcome)))
        case .organizations: update(.organizations(.response(id, outcome)))
        case .organizationProfile: update(.organizationProfile(.response(id, outcome)))
        case .pricingTable: update(.pricingTable(.response(id, outcome)))
        case .checkout: update(.checkout(.response(id, outcome)))
        case .loading, .unavailable: []
        }
    }
}
