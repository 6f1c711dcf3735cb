import FrontendAPI
import Portal
import TerminalUI

/// The session-task cards: reset password and two-step verification setup. Pure.
enum TaskView {
    static func card(_ machine: SessionTaskMachine) -> Card {
        var card: Card
        switch machine.step {
        case .resetPassword:
            card = Card(title: Copy.Tasks.resetPasswordTitle, subtitle: Copy.Tasks.resetPasswordSubtitle)
            card.controls = NewPasswordControls.controls(
                form: machine.newPassword, feedback: machine.newPasswordFeedback, errors: machine.errors,
                toggle: .task(.newPassword(.toggleSignOutOfOtherSessions)))
            card.controls.append(.button(Copy.Tasks.resetPasswordButton, action: .task(.submit), enabled: !machine.isBusy))
        case .chooseMethod:
            card = Card(title: Copy.Tasks.setupMFATitle, subtitle: Copy.Tasks.setupMFASubtitle)
            if machine.methods.totp {
                card.controls.append(.option(Copy.Tasks.authenticatorApplication, detail: nil, action: .task(.chooseAuthenticatorApp)))
            }
            if machine.methods.sms { card.controls.append(.option(Copy.Tasks.smsCode, detail: nil, action: .task(.chooseSMSCode))) }
        case .verifyAuthenticator:
            card = Card(title: Copy.Tasks.addAuthenticatorTitle, subtitle: Copy.Tasks.verifyAuthenticatorSubtitle)
            card.controls = [
                .code(.code, label: Copy.Field.verificationCode, error: machine.errors["code"]),
                .button(Copy.continueButton, action: .task(.submit), enabled: !machine.isBusy),
                .link(
                    machine.showsKey ? Copy.Tasks.scanInstead : Copy.Tasks.cantScan, prefix: nil,
                    action: .task(.toggleKey), enabled: true),
                .link(Copy.Tasks.cancel, prefix: nil, action: .task(.back), enabled: true),
            ]
            card.authenticatorKey(machine.totp, showsKey: machine.showsKey)
        case .addPhone, .verifyPhone:
            card = smsCard(machine)
        case .backupCodes:
            let sms = machine.phone != nil
            card = Card(title: sms ? Copy.Tasks.smsEnabledTitle : Copy.Tasks.authenticatorEnabledTitle, subtitle: nil)
            card.lines = [sms ? Copy.Tasks.smsEnabledMessage : Copy.Tasks.authenticatorEnabledMessage]
            if !machine.backupCodes.isEmpty { card.lines += [Copy.Tasks.backupCodesMessage] + machine.backupCodes }
            card.controls = machine.backupCodes.isEmpty ? [] : [.copy(Copy.copyAll, text: machine.backupCodes.joined(separator: "\n"))]
            card.controls.append(.button(Copy.continueButton, action: .task(.submit), enabled: true))
        case .unsupported:
            card = Card(title: machine.task.rawValue, subtitle: nil, notice: Banner(.warning, Copy.Tasks.unsupported))
        }
        if card.notice == nil { card.notice = machine.notice.map { Banner(.danger, $0) } }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .task(.retry), enabled: true), at: 0)
        }
        card.controls.append(
            .link(Copy.Tasks.signOut, prefix: Copy.Tasks.signedInAs(machine.identifier), action: .task(.signOut), enabled: true))
        return card
    }

    /// "Add SMS code verification" (the phone number), then "Verify your phone number" (the code sent to it).
    private static func smsCard(_ machine: SessionTaskMachine) -> Card {
        let cancel = Control.link(Copy.Tasks.cancel, prefix: nil, action: .task(.back), enabled: true)
        let continueButton = Control.button(Copy.continueButton, action: .task(.submit), enabled: !machine.isBusy)
        guard machine.step == .verifyPhone else {
            var card = Card(title: Copy.Tasks.addSMSTitle, subtitle: Copy.Tasks.addPhoneInfo)
            card.controls = [
                .text(.identifier, label: Copy.Field.phoneNumber, placeholder: Copy.Field.phoneNumberPlaceholder, value: machine.phoneNumber,
                      error: machine.errors["phone_number"], hint: nil),
                continueButton, cancel,
            ]
            return card
        }
        var card = Card(
            title: Copy.Tasks.verifyPhoneTitle, subtitle: Copy.Tasks.verifyPhoneSubtitle(machine.phone?.phoneNumber ?? ""))
        card.controls = [.code(.code, label: Copy.Field.verificationCode, error: machine.errors["code"]), continueButton, cancel]
        return card
    }
}
