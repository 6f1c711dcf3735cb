import Testing
@testable import TerminalUI

@Suite struct WidgetBehaviourTests {
    @Test func secretFieldNeverDescribesItsValue() {
        var field = SecretField()
        _ = field.update(.paste("hunter2"))
        #expect(field.value == "hunter2")
        for text in [field.description, field.debugDescription, String(describing: field), String(reflecting: field),
                     "\(Mirror(reflecting: field).children.map { "\($0.value)" })"] {
            #expect(!text.contains("hunter2"))
        }
        var buffer = Buffer(size: Size(width: 20, height: 1))
        field.render(into: &buffer, area: buffer.area, focused: true)
        #expect(buffer.lines() == ["› •••••••           "])
    }

    @Test func secretFieldRevealsOnCtrlRAndHidesAgain() {
        var field = SecretField()
        _ = field.update(.paste("abc"))
        _ = field.update(.key(.ctrl("r")))
        var buffer = Buffer(size: Size(width: 10, height: 1))
        field.render(into: &buffer, area: buffer.area, focused: true)
        #expect(field.isRevealed && buffer.lines()[0].contains("abc"))
        field.clear()
        #expect(!field.isRevealed && field.isEmpty)
    }

    @Test func codeFieldTakesDigitsFromAPasteAndSubmitsItself() {
        var code = CodeField()
        let result1 = code.update(.paste("Your code: 123-45"))
        #expect(result1 == .edited)
        #expect(code.digits == "12345")
        let result2 = code.update(.key(.character("a")))
        #expect(result2 == nil)
        let result3 = code.update(.key(.character("6")))
        #expect(result3 == .completed("123456"))
        let result4 = code.update(.key(.character("7")))
        #expect(result4 == nil)
        let result5 = code.update(.key(.backspace))
        #expect(result5 == .edited)
        let result6 = code.update(.paste("999"))
        #expect(result6 == .completed("123459"))
        #expect(!code.description.contains("123"))
    }

    @Test func selectListFiltersMovesAndSelects() {
        var list = SelectList(options: ["Apple", "Banana", "Cherry", "Blueberry 🫐"].map { SelectOption(id: $0, label: $0) })
        let result7 = list.update(.key(.down))
        #expect(result7 == .moved)
        #expect(list.highlightedOption?.id == "Banana")
        let result8 = list.update(.key(.character("b")))
        #expect(result8 == .filtered)
        #expect(list.visibleOptions.map(\.id) == ["Banana", "Blueberry 🫐"])
        _ = list.update(.key(.end))
        let result9 = list.update(.key(.enter))
        #expect(result9 == .selected(SelectOption(id: "Blueberry 🫐", label: "Blueberry 🫐")))
        let result10 = list.update(.key(.escape))
        #expect(result10 == .filtered)
        let result11 = list.update(.key(.escape))
        #expect(result11 == nil)
        #expect(list.visibleOptions.count == 4)
    }

    @Test func confirmDialogChoosesWithKeys() {
        var dialog = ConfirmDialog(title: "Sign out", message: "Sure?", confirmLabel: "Sign out")
        #expect(dialog.focus == .cancel)
        let result12 = dialog.update(.key(.right))
        #expect(result12 == nil)
        let result13 = dialog.update(.key(.enter))
        #expect(result13 == .confirmed)
        let result14 = dialog.update(.key(.escape))
        #expect(result14 == .cancelled)
    }

    @Test func typeToConfirmNeedsTheExactPhrase() {
        var dialog = ConfirmDialog(title: "Delete", message: "Sure?", confirmLabel: "Delete", isDestructive: true, confirmationPhrase: "delete me")
        _ = dialog.update(.paste("delete m"))
        let result15 = dialog.update(.key(.enter))
        #expect(result15 == nil)
        #expect(!dialog.confirmButton.isEnabled)
        _ = dialog.update(.key(.tab))
        _ = dialog.update(.key(.tab))
        #expect(dialog.focus == .confirm)
        let result16 = dialog.update(.key(.enter))
        #expect(result16 == nil)  // still disabled
        _ = dialog.update(.key(.backTab))
        _ = dialog.update(.key(.backTab))
        _ = dialog.update(.key(.character("e")))
        #expect(dialog.confirmButton.isEnabled)
        let result17 = dialog.update(.key(.enter))
        #expect(result17 == .confirmed)
    }

    @Test func spinnerAndCountdownOnlyFollowTheirOwnTicks() {
        var spinner = Spinner(id: "a")
        let result18 = spinner.update(.tick(Tick("b")))
        #expect(result18 == nil)
        #expect(spinner.frame == 0)
        let result19 = spinner.update(.tick(Tick("a")))
        #expect(result19 != nil)
        #expect(spinner.frame == 1)

        var countdown = Countdown(id: "resend", label: "Resend code", seconds: 2)
        #expect(countdown.text == "Resend code (2)")
        let result20 = countdown.update(.tick(Tick("other")))
        #expect(result20.isEmpty)
        let result21 = countdown.update(.tick(Tick("resend")))
        #expect(result21.count == 1)
        #expect(countdown.text == "Resend code (1)")
        _ = countdown.update(.tick(Tick("resend")))
        #expect(countdown.isFinished && countdown.text == "Resend code")
        let result22 = countdown.update(.tick(Tick("resend")))
        #expect(result22.isEmpty)
        let result23 = countdown.restart(seconds: 30)
        #expect(result23.count == 1 && countdown.remaining == 30)
    }

    @Test func toastExpiresOnItsTick() {
        let (toast, command) = Toast.show(Banner(.success, "Saved"), id: "t1")
        guard case .tick(let tick, let delay) = command else {
            Issue.record("expected a tick")
            return
        }
        #expect(tick.id == "t1" && delay == .seconds(4))
        #expect(toast.expires(on: .tick(Tick("t1"))))
        #expect(!toast.expires(on: .tick(Tick("t2"))))
    }

    @Test func focusRingWrapsBothWays() {
        var ring = FocusRing(["a", "b", "c"])
        let result24 = ring.handle(.key(.backTab))
        #expect(result24)
        #expect(ring.current == "c")
        let result25 = ring.handle(.key(.tab))
        #expect(result25)
        #expect(ring.current == "a")
        let result26 = ring.handle(.key(.enter))
        #expect(!result26)
    }

    @Test func tabsTableCheckboxButton() {
        var tabs = Tabs(["A", "B"])
        let result27 = tabs.update(.key(.right))
        #expect(result27 == 1)
        let result28 = tabs.update(.key(.right))
        #expect(result28 == nil)
        var table = Table(columns: [TableColumn("Name")], rows: [["x"], ["y"], ["z"]])
        let result29 = table.update(.key(.end))
        #expect(result29 == .moved && table.selected == 2)
        let result30 = table.update(.key(.enter))
        #expect(result30 == .activated(2))
        var box = Checkbox("Remember")
        let result31 = box.update(.key(.character(" ")))
        #expect(result31 && box.isChecked)
        let result32 = box.update(.key(.character("y")))
        #expect(!result32)
        #expect(Button("Go").activates(.key(.enter)))
        #expect(!Button("Go", isEnabled: false).activates(.key(.enter)))
        #expect(!Link("More").activates(.key(.character(" "))))
    }

    @Test func qrCodeSizeAndFallback() throws {
        let uri = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30"
        let code = try #require(QRCode(uri, fallback: "JBSW Y3DP EHPK 3PXP"))
        #expect(code.requiredSize == Size(width: 45, height: 23))  // version 6, as measured in tui.md
        var small = Buffer(size: Size(width: 40, height: 12))
        code.render(into: &small, area: small.area)
        #expect(small.lines().joined().contains("JBSW Y3DP EHPK 3PXP"))
        var large = Buffer(size: Size(width: 80, height: 24))
        code.render(into: &large, area: large.area)
        #expect(large.lines().joined().contains("█"))
    }

    @Test func helpBarCutsWithAnEllipsis() {
        let map = KeyMap(short: [KeyBinding(.tab, help: "next"), KeyBinding(.enter, help: "submit"), KeyBinding(.ctrl("c"), help: "quit")])
        var buffer = Buffer(size: Size(width: 22, height: 1))
        HelpBar(keyMap: map).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines()[0].hasPrefix("tab next") && buffer.lines()[0].contains("…"))
        #expect(!buffer.lines()[0].contains("quit"))
    }
}
