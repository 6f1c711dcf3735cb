import Testing
@testable import FrontendServer

/// `Sources/FrontendServer/Passwords/common-passwords.txt` is compiled in by the EmbedText build plugin.
@Suite("Common-password blocklist")
struct CommonPasswordsTests {
    @Test func everyEntryReachesTheBinaryAndNoCommentLine() {
        let list = PasswordPolicy.blocklist
        #expect(list.count == 8354)
        #expect(list.allSatisfy { $0.count >= 8 && !$0.hasPrefix("# ") && !$0.contains("\n") })
        // The first and last entries, and ones with quotes, a leading `#` or non-ASCII letters.
        for entry in ["123456789", "fallen_angel", "#1stunna", "\"zxcvbnm,./\"", "\"1,00001e+14\"", "пїѕпїѕпїѕпїѕ"] {
            #expect(PasswordPolicy.isCommon(entry), "\(entry)")
        }
        #expect(PasswordPolicy.isCommon("iloveyou1") && !PasswordPolicy.isCommon("correcthorsebattery"))
    }

    @Test func aCommonPasswordIsRefusedInAnyCase() throws {
        let policy = PasswordPolicy(settings: PasswordSettings())
        for password in ["sunshine", "Sunshine", "SUNSHINE"] {
            #expect(throws: APIFailure.self, "\(password)") { try policy.validate(password) }
            do { try policy.validate(password) } catch { #expect(error.error.code == "form_password_pwned") }
        }
        try policy.validate("correcthorsebattery")
    }
}
