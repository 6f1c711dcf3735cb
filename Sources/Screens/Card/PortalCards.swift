import FrontendAPI
import Portal
import TerminalUI

/// How the portal's state reads as cards, and how card fields map back to machine events. Shared by
/// the full-screen `PortalScreen` and the line-mode `PlainPortal`.
extension PortalMachine {
    /// The card for the machine's state.
    var card: Card {
        switch route {
        case .loading:
            return Card(title: Copy.loading, subtitle: nil)
        case .unavailable:
            return Card(
                title: Copy.loading, subtitle: nil, notice: Banner(.danger, Copy.serverUnavailable),
                controls: [.button(Copy.retry, action: .retry, enabled: true)])
        case .signIn(let signIn): return SignInView.card(signIn)
        case .signUp(let signUp): return SignUpView.card(signUp)
        case .home(let account):
            return HomeView.card(account, applicationName: applicationName, keepSignedIn: keepSignedIn)
        case .task(let task): return TaskView.card(task)
        case .profile(let profile): return ProfileView.card(profile)
        case .organizations(let list): return OrganizationListView.card(list)
        case .organizationProfile(let profile): return OrganizationProfileView.card(profile)
        case .pricingTable(let table): return PricingTableView.card(table)
        case .checkout(let checkout): return CheckoutView.card(checkout)
        }
    }

    /// The machine event for typing `text` into field `id`.
    func editEvent(_ id: FieldID, _ text: String) -> Event? {
        switch (route, id) {
        case (.signIn, .identifier): .signIn(.identifierChanged(text))
        case (.signIn, .password): .signIn(.passwordChanged(SecretText(text)))
        case (.signIn, .newPassword): .signIn(.newPassword(.password(SecretText(text))))
        case (.signIn, .confirmPassword): .signIn(.newPassword(.confirmation(SecretText(text))))
        case (.signIn, .code): .signIn(.codeChanged(SecretText(text)))
        case (.signUp, .signUp(let name)): .signUp(.fieldChanged(SignUpField(rawValue: name), text))
        case (.signUp, .password): .signUp(.passwordChanged(SecretText(text)))
        case (.signUp, .code): .signUp(.codeChanged(SecretText(text)))
        case (.task, .newPassword): .task(.newPassword(.password(SecretText(text))))
        case (.task, .confirmPassword): .task(.newPassword(.confirmation(SecretText(text))))
        case (.task, .code): .task(.codeChanged(SecretText(text)))
        case (.task, .identifier): .task(.phoneNumberChanged(text))
        case (.profile, .section(let field)): .profile(.textChanged(field, text))
        case (.profile, .currentPassword): .profile(.currentPasswordChanged(SecretText(text)))
        case (.profile, .newPassword): .profile(.newPassword(.password(SecretText(text))))
        case (.profile, .confirmPassword): .profile(.newPassword(.confirmation(SecretText(text))))
        case (.profile, .code), (.profile, .backupCode): .profile(.codeChanged(SecretText(text)))
        case (.organizations, .organization(let field)): .organizations(.fieldChanged(field, text))
        case (.organizationProfile, .section(let field)): .organizationProfile(.textChanged(field, text))
        case (.organizationProfile, .code): .organizationProfile(.codeChanged(SecretText(text)))
        case (.profile, _): CardFields.edit(id, text).map { .profile(.card($0)) }
        case (.organizationProfile, _): CardFields.edit(id, text).map { .organizationProfile(.card($0)) }
        case (.checkout, _): CardFields.edit(id, text).map { .checkout(.card($0)) }
        default: nil
        }
    }

    /// Enter in a field submits the card.
    var submitEvent: Event? {
        switch route {
        case .signIn: .signIn(.submit)
        case .signUp: .signUp(.submit)
        case .task: .task(.submit)
        case .profile: .profile(.submit)
        case .organizations: .organizations(.submit)
        case .organizationProfile: .organizationProfile(.submit)
        case .checkout: .checkout(.submit)
        default: nil
        }
    }

    var backEvent: Event? {
        switch route {
        case .signIn: .signIn(.back)
        case .signUp: .signUp(.back)
        case .home(let account) where account.step == .menu: .account(.closeMenu)
        case .task(let task) where [.verifyAuthenticator, .addPhone, .verifyPhone].contains(task.step): .task(.back)
        case .profile: .profile(.back)
        case .organizations: .organizations(.back)
        case .organizationProfile: .organizationProfile(.back)
        case .pricingTable: .pricingTable(.back)
        case .checkout: .checkout(.back)
        default: nil
        }
    }

    /// What the machine holds for a secret or code field, to clear widgets the machine emptied.
    func heldValue(_ id: FieldID) -> String? {
        switch (route, id) {
        case (.signIn(let m), .password): m.password.value
        case (.signIn(let m), .newPassword): m.newPassword.password.value
        case (.signIn(let m), .confirmPassword): m.newPassword.confirmation.value
        case (.signIn(let m), .code): m.code.value
        case (.signUp(let m), .password): m.password.value
        case (.signUp(let m), .code): m.code.value
        case (.task(let m), .newPassword): m.newPassword.password.value
        case (.task(let m), .confirmPassword): m.newPassword.confirmation.value
        case (.task(let m), .code): m.code.value
        case (.profile(let m), .currentPassword): m.form.currentPassword.value
        case (.profile(let m), .newPassword): m.form.newPassword.password.value
        case (.profile(let m), .confirmPassword): m.form.newPassword.confirmation.value
        case (.profile(let m), .code), (.profile(let m), .backupCode): m.form.code.value
        case (.organizationProfile(let m), .code): m.form.code.value
        case (.profile(let m), _): CardFields.held(id, m.form.card)
        case (.organizationProfile(let m), _): CardFields.held(id, m.form.card)
        case (.checkout(let m), _): CardFields.held(id, m.card)
        default: nil
        }
    }
}
