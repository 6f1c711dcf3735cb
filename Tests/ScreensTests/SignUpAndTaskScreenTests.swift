import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

@Suite struct SignUpScreenTests {
    static let script: ScriptedBackend.Responder = { call, client in
        switch call {
        case .loadEnvironment: (.success(.environment(Fixtures.environment())), client)
        case .loadClient: (.success(.client(nil)), nil)
        case .createSignUp, .prepareSignUpVerification: (.success(.signUp(Fixtures.signUpNeedsEmail)), client)
        default: (.failure(.unavailable(reason: "unscripted")), client)
        }
    }

    @Test func signUpFormAndEmailVerification() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: Self.script))
        // Focus the "Sign up" footer link: identifier, password, Continue, Use phone, Forgot password?, Sign up.
        await driver.press(.backTab, .enter)
        driver.expectSnapshot("sign-up-start")
        await driver.press(.tab)  // phone number (optional)
        await driver.type("")
        await driver.press(.backTab)
        await driver.type("new@acme.test")
        await driver.press(.tab, .tab)
        await driver.type("abc")
        driver.expectSnapshot("sign-up-password-feedback")
        await driver.type("defgh1")
        await driver.press(.enter)
        driver.expectSnapshot("sign-up-verify-email")
    }

    @Test func restrictedSignUp() async {
        let script: ScriptedBackend.Responder = { call, client in
            switch call {
            case .loadEnvironment: (.success(.environment(Fixtures.environment(mode: .waitlist))), client)
            default: (.success(.client(nil)), nil)
            }
        }
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: script))
        await driver.press(.backTab, .enter)
        driver.expectSnapshot("sign-up-waitlist")
    }
}

@Suite struct TaskScreenTests {
    static func script(_ task: SessionTask.Key) -> ScriptedBackend.Responder {
        { call, client in
            let pending = Fixtures.session("sess_p", "ada@acme.test", status: .pending, tasks: [SessionTask(key: task)])
            let signedIn = Fixtures.client([pending], active: "sess_p")
            switch call {
            case .loadEnvironment: return (.success(.environment(Fixtures.environment())), signedIn)
            case .loadClient: return (.success(.client(signedIn)), signedIn)
            case .profile(_, .createTOTP):
                return (.success(.totp(TOTP(
                    id: "totp_1", secret: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&issuer=Acme",
                    verified: false, createdAt: Fixtures.date, updatedAt: Fixtures.date))), signedIn)
            default: return (.failure(.unavailable(reason: "unscripted")), signedIn)
            }
        }
    }

    @Test func resetPasswordTask() async {
        let driver = await ScreenDriver(backend: ScriptedBackend(respond: Self.script(.resetPassword)))
        driver.expectSnapshot("task-reset-password")
    }

    @Test func setupMFATaskShowsTheAuthenticatorQRCode() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: Self.script(.setupMFA)), size: Size(width: 72, height: 50))
        driver.expectSnapshot("task-setup-mfa")
        await driver.press(.enter)
        driver.expectSnapshot("task-setup-mfa-authenticator")
    }

    /// "SMS code" where the instance offers it: the phone number, then its code.
    @Test func setupMFATaskOffersSMSCodes() async {
        let script = Self.script(.setupMFA)
        let phone = PhoneNumber(id: "idn_p", phoneNumber: "+15555550100", createdAt: Fixtures.date, updatedAt: Fixtures.date)
        let withSMS: ScriptedBackend.Responder = { call, client in
            switch call {
            case .loadEnvironment:
                var environment = Fixtures.environment()
                environment.userSettings.attributes["phone_number"] = .init(
                    enabled: true, required: false, usedForFirstFactor: true, usedForSecondFactor: true)
                environment.userSettings.attributes["authenticator_app"] = .init(
                    enabled: true, required: false, usedForSecondFactor: true)
                return (.success(.environment(environment)), script(call, client).1)
            case .profile(_, .createPhoneNumber), .profile(_, .preparePhoneVerification):
                return (.success(.phoneNumber(phone)), script(call, client).1)
            default: return script(call, client)
            }
        }
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: withSMS))
        await driver.press(.down, .enter)
        await driver.type("+15555550100")
        driver.expectSnapshot("task-setup-mfa-sms")
        await driver.press(.enter)
        driver.expectSnapshot("task-setup-mfa-sms-verify")
    }

    /// "Can't scan QR code?" shows the key and the full URI, each with a copy control, and keeps the focus on the link.
    @Test func theAuthenticatorKeyAndURICanBeCopied() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: Self.script(.setupMFA)), size: Size(width: 72, height: 40))
        await driver.press(.enter)
        await driver.press(.tab, .tab, .enter)  // from the code field past Continue to "Can't scan QR code?"
        driver.expectSnapshot("task-setup-mfa-key")
        await driver.press(.tab, .tab, .enter)  // past Cancel to "Copy key"
        await driver.press(.tab, .enter)
        let uri = "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&issuer=Acme"
        #expect(driver.copied == ["JBSWY3DPEHPK3PXP", uri])
        #expect(driver.frame.components(separatedBy: Copy.copied).count == 3)  // both read "Copied!"
    }
}
