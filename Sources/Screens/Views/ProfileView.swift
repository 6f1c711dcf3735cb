import Foundation
import FrontendAPI
import Portal
import TerminalUI

/// The UserProfile pages (Account, Security): one row per item, each opening its inline action card. Pure.
enum ProfileView {
    static func card(_ machine: ProfileMachine) -> Card {
        guard machine.step == .overview else { return ProfileActionView.card(machine) }
        var card: Card
        switch machine.page {
        case .account:
            card = Card(title: Copy.Profile.accountPage, subtitle: Copy.Profile.accountSubtitle)
            card.controls = [navigation(to: .security)] + account(machine)
        case .security:
            card = Card(title: Copy.Profile.securityPage, subtitle: Copy.Profile.securitySubtitle)
            card.controls = [navigation(to: .account)] + security(machine)
        }
        card.controls.append(.option(Copy.Profile.backToHome, detail: nil, action: .profile(.back)))
        card.notice = notice(machine)
        if machine.serverUnavailable { card.controls.insert(.button(Copy.retry, action: .profile(.retry), enabled: true), at: 0) }
        return card
    }

    /// An error, or what the last action did.
    static func notice(_ machine: ProfileMachine) -> Banner? {
        if let notice = machine.notice { return Banner(.danger, notice) }
        return machine.success.map { Banner(.success, $0) }
    }

    /// The navbar: the other page, with what it holds.
    private static func navigation(to page: ProfileMachine.Page) -> Control {
        page == .security
            ? .option(Copy.Profile.securityPage + " ›", detail: Copy.Profile.securitySubtitle, action: .profile(.showPage(page)))
            : .option(Copy.Profile.accountPage + " ›", detail: Copy.Profile.accountSubtitle, action: .profile(.showPage(page)))
    }

    private static func open(_ step: ProfileMachine.Step) -> PortalMachine.Event { .profile(.open(step)) }

    // MARK: Account

    private static func account(_ machine: ProfileMachine) -> [Control] {
        let config = machine.config
        var controls: [Control] = [.section(Copy.Profile.profileSection)]
        let avatar = Copy.Profile.initials(machine.initials)
        let editable = config.names || config.localFiles || machine.user?.hasImage == true
        controls.append(
            editable
                ? .option("\(avatar) \(machine.displayName)", detail: Copy.Profile.updateProfile, action: open(.editProfile))
                : .row("\(avatar) \(machine.displayName)", detail: nil))
        if config.username {
            let username = machine.user?.username
            controls += [
                .section(Copy.Profile.usernameSection),
                .option(
                    username ?? "—", detail: username == nil ? Copy.Profile.setUsername : Copy.Profile.updateUsername,
                    action: open(.editUsername)),
            ]
        }
        if config.emailAddresses {
            controls.append(.section(Copy.Profile.emailSection))
            for email in machine.emailAddresses {
                let badges = machine.badges(id: email.id, verified: email.verification?.status == .verified)
                controls.append(.option(email.emailAddress, detail: badgeText(badges), action: open(.emailMenu(id: email.id))))
            }
            controls.append(.option("+ " + Copy.Profile.addEmail, detail: nil, action: open(.addEmail)))
        }
        if config.phoneNumbers {
            controls.append(.section(Copy.Profile.phoneSection))
            for phone in machine.phoneNumbers {
                let badges = machine.badges(id: phone.id, verified: phone.verification?.status == .verified)
                controls.append(.option(phone.phoneNumber, detail: badgeText(badges), action: open(.phoneMenu(id: phone.id))))
            }
            controls.append(.option("+ " + Copy.Profile.addPhone, detail: nil, action: open(.addPhone)))
        }
        let accounts = machine.user?.externalAccounts ?? []
        if config.connectedAccounts || !accounts.isEmpty {
            controls.append(.section(Copy.Profile.connectedAccountsSection))
            for account in accounts {
                let verified = account.verification?.status == .verified
                let detail = verified ? account.emailAddress : "\(account.emailAddress)  \(Copy.Profile.requiresAction)"
                controls.append(
                    .option(
                        ProfileMachine.providerName(account), detail: detail,
                        action: open(.externalAccountMenu(id: account.id))))
            }
            if !machine.connectableProviders.isEmpty {
                controls.append(.option("+ " + Copy.Profile.connectAccount, detail: nil, action: open(.connectAccount)))
            }
        }
        return controls
    }

    // MARK: Security

    private static func security(_ machine: ProfileMachine) -> [Control] {
        let config = machine.config
        let user = machine.user
        var controls: [Control] = []
        if config.password {
            let hasPassword = user?.passwordEnabled == true
            controls += [
                .section(Copy.Profile.passwordSection),
                .option(
                    hasPassword ? "••••••••••" : "—",
                    detail: hasPassword ? Copy.Profile.updatePassword : Copy.Profile.setPassword,
                    action: open(.password)),
            ]
        }
        let passkeys = user?.passkeys ?? []
        if config.passkeys || !passkeys.isEmpty {
            controls.append(.section(Copy.Profile.passkeysSection))
            for passkey in passkeys {
                controls.append(
                    .option(passkey.name, detail: Copy.Profile.created(date(passkey.createdAt)),
                            action: open(.passkeyMenu(id: passkey.id))))
            }
        }
        controls += mfa(machine)
        controls.append(.section(Copy.Profile.devicesSection))
        for device in machine.devices {
            let detail = [device.latestActivity?.ipAddress, date(device.lastActiveAt)].compactMap { $0 }.joined(separator: " · ")
            if device.id == machine.sessionID {
                controls.append(.row(ProfileMachine.deviceName(device), detail: "\(Copy.Profile.thisDevice) · \(detail)"))
            } else {
                controls.append(
                    .option(ProfileMachine.deviceName(device), detail: detail,
                            action: open(.confirmRemoval(.device(id: device.id)))))
            }
        }
        if user?.deleteSelfEnabled == true {
            controls += [
                .section(Copy.Profile.dangerSection),
                .option(Copy.Profile.deleteAccount, detail: nil, action: open(.deleteAccount)),
            ]
        }
        return controls
    }

    private static func mfa(_ machine: ProfileMachine) -> [Control] {
        let config = machine.config
        let user = machine.user
        guard config.totp || config.smsCode || user?.twoFactorEnabled == true else { return [] }
        var controls: [Control] = [.section(Copy.Profile.mfaSection)]
        if user?.totpEnabled == true {
            controls.append(.option(Copy.Profile.authenticatorApp, detail: Copy.Profile.defaultBadge, action: open(.totpMenu)))
        }
        for phone in machine.secondFactorPhones {
            let isDefault = phone.defaultSecondFactor && user?.totpEnabled != true
            controls.append(
                .option(
                    "\(Copy.Profile.smsCode) \(phone.phoneNumber)", detail: isDefault ? Copy.Profile.defaultBadge : nil,
                    action: open(.mfaPhoneMenu(id: phone.id))))
        }
        if user?.backupCodeEnabled == true {
            controls.append(
                .option(Copy.Profile.backupCodes, detail: Copy.Profile.regenerate, action: open(.regenerateBackupCodes)))
        }
        if !machine.secondFactorsToAdd.isEmpty {
            controls.append(.option("+ " + Copy.Profile.addMFA, detail: nil, action: open(.chooseMFA)))
        }
        return controls
    }

    // MARK: Formatting

    static func badgeText(_ badges: [String]) -> String? { badges.isEmpty ? nil : badges.joined(separator: " · ") }

    /// "Nov 26, 2026" in UTC: the same on every machine, so frames are reproducible.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(months[(parts.month ?? 1) - 1]) \(parts.day ?? 1), \(parts.year ?? 1970)"
    }
}
