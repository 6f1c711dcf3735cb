import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// A signed-in Ada with a verified primary email, an unverified second one, a TOTP authenticator and two devices.
@Sendable func profileScript(_ call: BackendCall, _ client: Client?) -> (BackendOutcome, Client?) {
    var ada = Fixtures.session("sess_a", "ada@acme.test", first: "Ada")
    ada.user = ProfileFixtures.user
    let signedIn = Fixtures.client([ada], active: "sess_a")
    switch call {
    case .loadEnvironment: return (.success(.environment(Fixtures.environment())), signedIn)
    case .loadClient: return (.success(.client(signedIn)), signedIn)
    case .profile(_, .loadUser): return (.success(.user(ProfileFixtures.user)), signedIn)
    case .profile(_, .activeSessions): return (.success(.sessions(ProfileFixtures.devices)), signedIn)
    case .profile(_, .createTOTP): return (.success(.totp(ProfileFixtures.totp)), signedIn)
    case .profile(_, .createBackupCodes):
        return (.success(.backupCodes(BackupCode(
            id: "bc_1", codes: ProfileFixtures.backupCodes, createdAt: Fixtures.date, updatedAt: Fixtures.date))), signedIn)
    default: return (.failure(.unavailable(reason: "unscripted")), signedIn)
    }
}

enum ProfileFixtures {
    static let user: User = {
        var user = User(
            id: "user_1", firstName: "Ada", lastName: "Lovelace", imageURL: "", primaryEmailAddressID: "idn_1",
            passwordEnabled: true, twoFactorEnabled: true, totpEnabled: true, backupCodeEnabled: true,
            deleteSelfEnabled: true, createOrganizationEnabled: false, createdAt: Fixtures.date, updatedAt: Fixtures.date)
        user.emailAddresses = [
            EmailAddress(id: "idn_2", emailAddress: "ada@work.test", verification: Verification(status: .unverified, strategy: .emailCode),
                         createdAt: Fixtures.date, updatedAt: Fixtures.date),
            EmailAddress(id: "idn_1", emailAddress: "ada@acme.test", verification: Verification(status: .verified, strategy: .emailCode),
                         createdAt: Fixtures.date, updatedAt: Fixtures.date),
        ]
        return user
    }()

    static let devices: [Session] = {
        var this = Fixtures.session("sess_a", "ada@acme.test")
        this.latestActivity = SessionActivity(
            id: "sess_activity_1", browserName: "clerk-tui", browserVersion: "0.5.0", deviceType: "Linux",
            ipAddress: "127.0.0.1")
        var other = Fixtures.session("sess_b", "ada@acme.test")
        other.latestActivity = SessionActivity(
            id: "sess_activity_2", browserName: "Chrome", browserVersion: "131.0.0.0", deviceType: "Macintosh",
            ipAddress: "203.0.113.7", city: "Athens", country: "Greece")
        return [this, other]
    }()

    static let backupCodes = ["a1b2c3d4", "e5f6g7h8", "i9j0k1l2", "m3n4o5p6", "q7r8s9t0"]

    static let totp = TOTP(
        id: "totp_1", secret: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/Acme:ada%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=Acme",
        verified: false, createdAt: Fixtures.date, updatedAt: Fixtures.date)
}

@Suite struct ProfileScreenTests {
    /// Home → account menu → "Manage account".
    static func profile(size: Size = Size(width: 72, height: 30)) async -> ScreenDriver {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: profileScript), size: size)
        await driver.press(.enter, .enter)
        return driver
    }

    @Test func accountPage() async {
        let driver = await Self.profile()
        driver.expectSnapshot("profile-account")
    }

    @Test func securityPageListsFactorsAndDevices() async {
        var driver = await Self.profile()
        await driver.press(.enter)
        driver.expectSnapshot("profile-security")
    }

    @Test func emailMenuOffersVerifyAndRemoveForAnUnverifiedAddress() async {
        var driver = await Self.profile()
        await driver.press(.down, .down, .enter)
        driver.expectSnapshot("profile-email-menu")
    }

    @Test func deleteAccountWaitsForTheExactWords() async {
        var driver = await Self.profile()
        await driver.press(.enter)
        await driver.press(.up, .up, .enter)
        driver.expectSnapshot("profile-delete")
    }

    /// New backup codes, shown once: "Copy all" copies them, one per line (no file to save them to here: the driver's
    /// portal has no local files, as over SSH).
    @Test func regeneratedBackupCodesCanBeCopied() async {
        var driver = await Self.profile(size: Size(width: 72, height: 30))
        await driver.press(.enter)
        for _ in 0..<8 where !driver.frame.contains("› Backup codes") { await driver.press(.down) }
        await driver.press(.enter, .enter)
        driver.expectSnapshot("profile-backup-codes")
        await driver.press(.enter)
        #expect(driver.copied == [ProfileFixtures.backupCodes.joined(separator: "\n")])
        #expect(driver.frame.contains("Copied!"))
    }

    @Test func tallCardsScrollToTheFocusedControl() async {
        var driver = await Self.profile(size: Size(width: 72, height: 18))
        await driver.press(.enter)
        await driver.press(.up)
        driver.expectSnapshot("profile-security-scrolled")
    }
}
