import Testing
@testable import TerminalUI

/// Every widget in its main states, at 80x24 and 40x12, with CJK and emoji samples. Styles are
/// recorded as roles; `ColorLevelSnapshotTests` covers what the roles become per level.
@Suite struct WidgetSnapshotTests {
    private func check(_ scene: Scene, _ size: Size, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertSnapshot(TestBackend.render(scene.render(size: size)), named: "\(name)-\(size)", sourceLocation: sourceLocation)
    }

    @Test(arguments: snapshotSizes) func textField(size: Size) {
        var typed = TextField(placeholder: "Email address")
        for character in "alice@example.com" { _ = typed.update(.key(.character(character))) }
        var cjk = TextField()
        _ = cjk.update(.paste("東京都渋谷区神南一丁目 こんにちは世界 ありがとう"))
        var emoji = TextField("Party 🎉 time ✨ ok")
        _ = emoji.update(.key(.home))
        var invalid = TextField("alice@", hint: "We'll send a code")
        invalid.error = "Enter a valid email address."
        let hinted = TextField("bob", hint: "We'll send a code")
        check(Scene("TextField", [
            .init("empty, focused: placeholder") { TextField(placeholder: "Email address").render(into: &$0, area: $1, focused: true) },
            .init("typed, caret at end") { typed.render(into: &$0, area: $1, focused: true) },
            .init("CJK, scrolled to the caret") { cjk.render(into: &$0, area: $1, focused: true) },
            .init("emoji, caret at start, unfocused") { emoji.render(into: &$0, area: $1, focused: false) },
            .init("error", height: 2) { invalid.render(into: &$0, area: $1, focused: false) },
            .init("hint", height: 2) { hinted.render(into: &$0, area: $1, focused: false) },
        ]), size, "textfield")
    }

    @Test(arguments: snapshotSizes) func secretField(size: Size) {
        var secret = SecretField(placeholder: "Password")
        _ = secret.update(.paste("pässwörd-東京-🎉"))
        var wrong = secret
        wrong.error = "Password is incorrect. Try again, or use another method."
        check(Scene("SecretField", [
            .init("empty, focused") { SecretField(placeholder: "Password").render(into: &$0, area: $1, focused: true) },
            .init("typed (masked; CJK and emoji count as one each)") { secret.render(into: &$0, area: $1, focused: true) },
            .init("error", height: 2) { wrong.render(into: &$0, area: $1, focused: false) },
        ]), size, "secretfield")
    }

    @Test(arguments: snapshotSizes) func codeField(size: Size) {
        var partial = CodeField()
        _ = partial.update(.paste("12 3"))
        var full = CodeField()
        _ = full.update(.paste("123-456"))
        var wrong = full
        wrong.error = "Incorrect code"
        check(Scene("CodeField", [
            .init("empty, focused") { CodeField().render(into: &$0, area: $1, focused: true) },
            .init("three digits pasted") { partial.render(into: &$0, area: $1, focused: true) },
            .init("complete") { full.render(into: &$0, area: $1, focused: false) },
            .init("error", height: 2) { wrong.render(into: &$0, area: $1, focused: false) },
        ]), size, "codefield")
    }

    @Test(arguments: snapshotSizes) func buttonsAndLinks(size: Size) {
        check(Scene("Button, Link, Checkbox", [
            .init("primary, focused / secondary / danger / disabled") { buffer, area in
                var x = area.x
                for (button, focused) in [(Button("Continue"), true), (Button("Cancel", kind: .secondary), false),
                                          (Button("Delete 🗑", kind: .danger), false), (Button("続ける", isEnabled: false), false)] {
                    button.render(into: &buffer, area: Rect(x: x, y: area.y, width: area.maxX - x, height: 1), focused: focused)
                    x += button.width + 1
                }
            },
            .init("link / focused link / disabled link") { buffer, area in
                let (first, rest) = area.takingLeft(20)
                Link("Use another method").render(into: &buffer, area: first, focused: false)
                let (second, third) = rest.takingLeft(12)
                Link("サインイン").render(into: &buffer, area: second, focused: true)
                Link("Resend", isEnabled: false).render(into: &buffer, area: third, focused: false)
            },
            .init("checkbox unchecked, focused") { Checkbox("Remember this device").render(into: &$0, area: $1, focused: true) },
            .init("checkbox checked, emoji label") { Checkbox("I agree 👍", isChecked: true).render(into: &$0, area: $1, focused: false) },
        ]), size, "buttons")
    }

    @Test(arguments: snapshotSizes) func selectList(size: Size) {
        let options = ["Personal workspace", "Acme Inc.", "株式会社テスト", "Pizza Party 🍕", "Zeta", "Omega"].enumerated()
            .map { SelectOption(id: "\($0.offset)", label: $0.element, detail: $0.offset == 1 ? "admin" : nil) }
        var moved = SelectList(options: options, selectedID: "1")
        _ = moved.update(.key(.end))
        var filtered = SelectList(options: options)
        _ = filtered.update(.key(.character("t")))
        _ = filtered.update(.key(.character("e")))
        var none = SelectList(options: options)
        _ = none.update(.paste("xyz"))
        check(Scene("SelectList", [
            .init("selected ✓, highlighted at end, scrolled", height: 3) { moved.render(into: &$0, area: $1, focused: true) },
            .init("filter \"te\"", height: 3) { filtered.render(into: &$0, area: $1, focused: true) },
            .init("no matches", height: 2) { none.render(into: &$0, area: $1, focused: false) },
        ]), size, "selectlist")
    }

    @Test(arguments: snapshotSizes) func tabsAndTable(size: Size) {
        var tabs = Tabs(["Profile", "Security", "請求 Billing", "🔑 Keys"])
        _ = tabs.update(.key(.right))
        var table = Table(columns: [TableColumn("Device", width: .fill(2)), TableColumn("Location", width: .fill(2)), TableColumn("Last active", width: .length(12))],
                          rows: [["Chrome on macOS", "東京, Japan", "Just now"], ["Firefox 🦊 on Linux", "Berlin, Germany", "2 days ago"],
                                 ["Safari on iPhone", "São Paulo, Brazil", "1 week ago"], ["clerk-tui", "Lisbon, Portugal", "1 month ago"]])
        _ = table.update(.key(.down))
        check(Scene("Tabs, Table", [
            .init("tabs, second selected, focused") { tabs.render(into: &$0, area: $1, focused: true) },
            .init("table, second row selected, focused", height: 5) { table.render(into: &$0, area: $1, focused: true) },
            .init("empty table", height: 3) { Table(columns: [TableColumn("Name")], rows: []).render(into: &$0, area: $1, focused: false) },
        ]), size, "tabs-table")
    }

    @Test(arguments: snapshotSizes) func confirmDialogs(size: Size) {
        let plain = ConfirmDialog(title: "Sign out", message: "Sign out of all devices? You will need to sign in again everywhere.",
                                  confirmLabel: "Sign out")
        var typed = ConfirmDialog(title: "Delete account", message: "This will permanently delete your account and all data. 削除は取り消せません。",
                                  confirmLabel: "Delete account", isDestructive: true, confirmationPhrase: "Delete account")
        _ = typed.update(.paste("Delete acc"))
        var buffer = Buffer(size: size)
        buffer.fill(buffer.area, symbol: "░", style: .fg(.muted))
        plain.render(into: &buffer, area: buffer.area.takingTop(size.height / 2).0)
        typed.render(into: &buffer, area: buffer.area.takingTop(size.height / 2).1)
        assertSnapshot(TestBackend.render(buffer), named: "confirmdialog-\(size)")
    }

    @Test(arguments: snapshotSizes) func bannersToastSpinnerCountdown(size: Size) {
        var spinner = Spinner(label: "Verifying… 確認中")
        _ = spinner.update(.tick(Tick("spinner")))
        var countdown = Countdown(label: "Resend code", seconds: 30)
        for _ in 0..<3 { _ = countdown.update(.tick(Tick("countdown"))) }
        let (toast, _) = Toast.show(Banner(.success, "Saved 🎉"))
        let scene = Scene("Banner, Toast, Spinner, Countdown", [
            .init("banners", height: 4) { buffer, area in
                for (index, banner) in [Banner(.info, "Check your email for a code"), Banner(.success, "Password updated ✨"),
                                        Banner(.warning, "Your session expires soon"), Banner(.danger, "メールアドレスが無効です")].enumerated() {
                    banner.render(into: &buffer, area: area.row(index))
                }
            },
            .init("spinner, second frame") { spinner.render(into: &$0, area: $1) },
            .init("countdown at 27, then finished") { buffer, area in
                countdown.render(into: &buffer, area: area, focused: false)
                Countdown(label: "Resend code", seconds: 0).render(into: &buffer, area: area.takingLeft(20).1, focused: true)
            },
        ])
        var buffer = scene.render(size: size)
        toast.render(into: &buffer, area: buffer.area.inset(by: .all(1)))
        assertSnapshot(TestBackend.render(buffer), named: "feedback-\(size)")
    }

    @Test(arguments: snapshotSizes) func qrCode(size: Size) throws {
        let code = try #require(QRCode("https://example.com/verify?code=WDJB-MJHT", fallback: "WDJB MJHT"))
        var buffer = Buffer(size: size)
        code.render(into: &buffer, area: buffer.area)
        assertSnapshot(TestBackend.render(buffer), named: "qrcode-\(size)")
    }

    @Test(arguments: snapshotSizes) func helpBar(size: Size) {
        let keyMap = KeyMap(
            short: [KeyBinding(.tab, help: "next"), KeyBinding(.enter, help: "submit"), KeyBinding(.ctrl("r"), help: "show/hide"),
                    KeyBinding(.character("?"), help: "more"), KeyBinding(.ctrl("c"), help: "quit"), KeyBinding(.escape, help: "back", isEnabled: false)],
            full: [[KeyBinding(.tab, help: "next field"), KeyBinding(.backTab, help: "previous field"), KeyBinding([.up, .down], label: "↑/↓", help: "move")],
                   [KeyBinding(.enter, help: "submit"), KeyBinding(.character("?"), help: "less")], [KeyBinding(.ctrl("c"), help: "quit 終了")]])
        check(Scene("HelpBar", [
            .init("short") { HelpBar(keyMap: keyMap).render(into: &$0, area: $1) },
            .init("full", height: 3) { HelpBar(keyMap: keyMap, showsAll: true).render(into: &$0, area: $1) },
            .init("paragraph, wrapped", height: 4) {
                Paragraph("Clerk sends a six-digit code to 山田太郎@example.com 📬. Enter it below; it expires in ten minutes.").render(into: &$0, area: $1)
            },
        ]), size, "helpbar")
    }

    @Test(arguments: snapshotSizes + [Size(width: 30, height: 8)]) func gallery(size: Size) {
        var terminal = TestTerminal(ScreenStack(root: GalleryScreen()), size: size)
        terminal.type("Zoë 山田 🎉")
        terminal.send(.key(.tab), .paste("hunter2"), .key(.tab), .paste("12 34"))
        assertSnapshot(terminal.snapshot(), named: "gallery-\(size)")
        #expect(!terminal.snapshot().contains("hunter2"))
    }
}
