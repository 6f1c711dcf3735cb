import FrontendAPI
import Testing

@testable import Portal

/// "SMS code" on the setup-MFA task.
@Suite struct SessionTaskSMSTests {
    typealias T = SessionTaskMachineTests

    static func machine() -> SessionTaskMachine {
        SessionTaskMachine(
            task: .setupMFA, sessionID: "sess_p", identifier: "ada@acme.test", passwordPolicy: PasswordPolicy(.init()),
            methods: SecondFactorMethods(totp: true, sms: true), scope: 5)
    }

    static let phone = PhoneNumber(id: "idn_p", phoneNumber: "+15555550100", createdAt: Fixtures.date, updatedAt: Fixtures.date)

    static func call(_ call: ProfileCall) -> BackendCall { .profile(sessionID: "sess_p", call) }

    @Test func aPhoneNumberIsAddedVerifiedReservedThenItsBackupCodesShown() {
        var machine = Self.machine()
        _ = machine.update(.chooseSMSCode)
        #expect(machine.step == .addPhone)
        _ = machine.update(.phoneNumberChanged(" +15555550100 "))
        let add = machine.update(.submit)
        #expect(add.calls() == [Self.call(.createPhoneNumber("+15555550100"))])
        let prepare = T.answer(&machine, add, .success(.phoneNumber(Self.phone)))
        #expect(prepare.calls() == [Self.call(.preparePhoneVerification(id: "idn_p"))])
        _ = T.answer(&machine, prepare, .success(.phoneNumber(Self.phone)))
        #expect(machine.step == .verifyPhone)
        let attempt = machine.update(.codeChanged("424242"))
        #expect(attempt.calls() == [Self.call(.attemptPhoneVerification(id: "idn_p", code: "424242"))])
        let reserve = T.answer(&machine, attempt, .success(.phoneNumber(Self.phone)))
        #expect(reserve.calls() == [Self.call(.updatePhoneNumber(id: "idn_p", reservedForSecondFactor: true, defaultSecondFactor: nil))])
        var reserved = Self.phone
        reserved.backupCodes = ["a1b2c3d4"]
        #expect(T.answer(&machine, reserve, .success(.phoneNumber(reserved))).calls().isEmpty)
        #expect(machine.step == .backupCodes && machine.backupCodes == ["a1b2c3d4"])
        #expect(machine.update(.submit).outcomes() == [.completed])
    }

    @Test func aRefusedNumberLandsUnderTheFieldAndCancelGoesBack() {
        var machine = Self.machine()
        _ = machine.update(.chooseSMSCode)
        _ = machine.update(.phoneNumberChanged("12"))
        _ = T.answer(&machine, machine.update(.submit), .failure(Fixtures.failure("form_param_format_invalid", param: "phone_number")))
        #expect(machine.errors["phone_number"] == "message for form_param_format_invalid")
        _ = machine.update(.back)
        #expect(machine.step == .chooseMethod)
    }

    @Test func smsIsOfferedOnlyWhereTheInstanceHasIt() {
        var machine = T.machine(.setupMFA)
        #expect(machine.update(.chooseSMSCode).isEmpty && machine.step == .chooseMethod)
    }
}
