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
            card.controls = [.option(Copy.Tasks.authenticatorApplication, detail: nil, action: .task(.chooseAuthenticatorApp))]
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
        case .backupCodes:
            card = Card(title: Copy.Tasks.authenticatorEnabledTitle, subtitle: nil)
            card.lines = [Copy.Tasks.authenticatorEnabledMessage, Copy.Tasks.backupCodesMessage]
            card.lines += machine.totp?.backupCodes ?? []
            card.controls = [
                .copy(Copy.copyAll, text: (machine.totp?.backupCodes ?? []).joined(separator: "\n")),
                .button(Copy.continueButton, action: .task(.submit), enabled: true),
            ]
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
}
