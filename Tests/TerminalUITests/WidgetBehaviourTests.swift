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
        let afterPaste = code.update(.paste("Your code: 123-45"))
        #expect(afterPaste == .edited)
        #expect(code.digits == "12345")
        let afterLetter = code.update(.key(.character("a")))
        #expect(afterLetter == nil)
        let afterSixthDigit = code.update(.key(.character("6")))
        #expect(afterSixthDigit == .completed("123456"))
        let afterSeventhDigit = code.update(.key(.character("7")))
        #expect(afterSeventhDigit == nil)
        let afterBackspace = code.update(.key(.backspace))
        #expect(afterBackspace == .edited)
        let afterRefill = code.update(.paste("999"))
        #expect(afterRefill == .completed("123459"))
        #expect(!code.description.contains("123"))
    }

    @Test func selectListFiltersMovesAndSelects() {
        var list = SelectList(options: ["Apple", "Banana", "Cherry", "Blueberry 🫐"].map { SelectOption(id: $0, label: $0) })
        let moved = list.update(.key(.down))
        #expect(moved == .moved)
        #expect(list.highlightedOption?.id == "Banana")
        let filtered = list.update(.key(.character("b")))
        #expect(filtered == .filtered)
        #expect(list.visibleOptions.map(\.id) == ["Banana", "Blueberry 🫐"])
        _ = list.update(.key(.end))
        let picked = list.update(.key(.enter))
        #expect(picked == .selected(SelectOption(id: "Blueberry 🫐", label: "Blueberry 🫐")))
        let filterCleared = list.update(.key(.escape))
        #expect(filterCleared == .filtered)
        let escapeWithoutFilter = list.update(.key(.escape))
        #expect(escapeWithoutFilter == nil)
        #expect(list.visibleOptions.count == 4)
    }

    @Test func confirmDialogChoosesWithKeys() {
        var dialog = ConfirmDialog(title: "Sign out", message: "Sure?", confirmLabel: "Sign out")
        #expect(dialog.focus == .cancel)
        let movedRight = dialog.update(.key(.right))
        #expect(movedRight == nil)
        let confirmed = dialog.update(.key(.enter))
        #expect(confirmed == .confirmed)
        let cancelled = dialog.update(.key(.escape))
        #expect(cancelled == .cancelled)
    }

    @Test func typeToConfirmNeedsTheExactPhrase() {
        var dialog = ConfirmDialog(title: "Delete", message: "Sure?", confirmLabel: "Delete", isDestructive: true, confirmationPhrase: "delete me")
        _ = dialog.update(.paste("delete m"))
        let enterInField = dialog.update(.key(.enter))
        #expect(enterInField == nil)
        #expect(!dialog.confirmButton.isEnabled)
        _ = dialog.update(.key(.tab))
        _ = dialog.update(.key(.tab))
        #expect(dialog.focus == .confirm)
        let enterOnDisabled = dialog.update(.key(.enter))
        #expect(enterOnDisabled == nil)  // still disabled
        _ = dialog.update(.key(.backTab))
        _ = dialog.update(.key(.backTab))
        _ = dialog.update(.key(.character("e")))
        #expect(dialog.confirmButton.isEnabled)
        let enterWhenTyped = dialog.update(.key(.enter))
        #expect(enterWhenTyped == .confirmed)
    }

    @Test func spinnerAndCountdownOnlyFollowTheirOwnTicks() {
        var spinner = Spinner(id: "a")
        let otherTick = spinner.update(.tick(Tick("b")))
        #expect(otherTick == nil)
        #expect(spinner.frame == 0)
        let ownTick = spinner.update(.tick(Tick("a")))
        #expect(ownTick != nil)
        #expect(spinner.frame == 1)

        var countdown = Countdown(id: "resend", label: "Resend code", seconds: 2)
        #expect(countdown.text == "Resend code (2)")
        let otherCountdownTick = countdown.update(.tick(Tick("other")))
        #expect(otherCountdownTick.isEmpty)
        let firstTick = countdown.update(.tick(Tick("resend")))
        #expect(firstTick.count == 1)
        #expect(countdown.text == "Resend code (1)")
        _ = countdown.update(.tick(Tick("resend")))
        #expect(countdown.isFinished && countdown.text == "Resend code")
        let lastTick = countdown.update(.tick(Tick("resend")))
        #expect(lastTick.isEmpty)
        let restarted = countdown.restart(seconds: 30)
        #expect(restarted.count == 1 && countdown.remaining == 30)
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
        let wentBack = ring.handle(.key(.backTab))
        #expect(wentBack)
        #expect(ring.current == "c")
        let wentForward = ring.handle(.key(.tab))
        #expect(wentForward)
        #expect(ring.current == "a")
        let enterMoved = ring.handle(.key(.enter))
        #expect(!enterMoved)
    }

    @Test func tabsTableCheckboxButton() {
        var tabs = Tabs(["A", "B"])
        let switched = tabs.update(.key(.right))
        #expect(switched == 1)
        let pastEnd = tabs.update(.key(.right))
        #expect(pastEnd == nil)
        var table = Table(columns: [TableColumn("Name")], rows: [["x"], ["y"], ["z"]])
        let jumped = table.update(.key(.end))
        #expect(jumped == .moved && table.selected == 2)
        let activated = table.update(.key(.enter))
        #expect(activated == .activated(2))
        var box = Checkbox("Remember")
        let toggled = box.update(.key(.character(" ")))
        #expect(toggled && box.isChecked)
        let otherKey = box.update(.key(.character("y")))
        #expect(!otherKey)
        #expect(Button("Go").activates(.key(.enter)))
        #expect(!Button("Go", isEnabled: false).activates(.key(.enter)))
        #expect(!Link("More").activates(.key(.character(" "))))
    }

    @Test func qrCodeSizeAndFallback() throws {
        let uri = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30"
        let code = try #require(QRCode(uri, fallback: "JBSW Y3DP EHPK 3PXP"))
        #expect(code.requiredSize == Size(width: 45, height: 23))  // version 6 at EC level L: 41 modules + 2×2 quiet zone, two module rows per cell row
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
