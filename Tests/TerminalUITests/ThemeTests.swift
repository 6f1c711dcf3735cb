import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    private var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes")
    }

    @Test func builtinThemesAreTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ThemeCatalog.builtinNames))
        for file in files {
            let onDisk = try String(contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
            let embedded = try #require(BuiltinThemes.sources[String(file.dropLast(5))])
            #expect(embedded + "\n" == onDisk, "Themes/\(file) changed: run Themes/embed.sh")
        }
    }

    @Test(arguments: ThemeCatalog.builtinNames) func everyBuiltinThemeParsesWithAllRoles(name: String) throws {
        let theme = try ThemeCatalog(searchDirectories: []).load(name)
        #expect(theme.name == name)
        #expect(Set(theme.colors.keys) == Set(ColorRole.allCases))
    }

    @Test func resolvesEachLevelWithoutTouchingThePalette() throws {
        let theme = try Theme(toml: BuiltinThemes.sources["default"]!)
        let primary = Style.fg(.primary)
        #expect(theme.resolve(primary, level: .truecolor).foreground == .rgb(RGB(0x6C, 0x47, 0xFF)))
        #expect(theme.resolve(primary, level: .ansi256).foreground == .palette(63))
        #expect(theme.resolve(primary, level: .ansi16).foreground == .palette(5))   // the theme's ANSI choice
        #expect(theme.resolve(.plain, level: .ansi8).background == .palette(7))     // bright-white folded to 8
        #expect(theme.resolve(primary, level: .mono) == ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: .bold))
    }

    @Test func twoRolesOnOnePaletteEntryDoNotHideText() throws {
        let theme = try Theme(toml: """
            name = "clash"
            [colors]
            primary = "#FFFFFE"
            text = "#000000"
            muted = "#777777"
            danger = "#FF0000"
            success = "#00FF00"
            warning = "#FFFF00"
            background = "#FFFFFF"
            input = "#EEEEEE"
            border = "#888888"
            focus = "#0000FF"
            """)
        #expect(theme.resolve(.fg(.primary), level: .ansi256).foreground == .palette(16))
    }

    @Test func darkThemesKnowTheyAreDark() throws {
        let catalog = ThemeCatalog(searchDirectories: [])
        #expect(try !catalog.load("default").isDark)
        #expect(try catalog.load("dark").isDark)
        #expect(try catalog.load("shades-of-purple").isDark)
        #expect(try !catalog.load("neobrutalism").isDark)
    }

    @Test func nearestPaletteEntries() {
        #expect(Palette.nearest256(to: RGB(255, 255, 255)) == 231)
        #expect(Palette.nearest256(to: RGB(0, 0, 0)) == 16)
        #expect(Palette.nearest256(to: RGB(128, 128, 128)) == 244)
        #expect(Palette.nearestANSI(to: RGB(200, 10, 10), count: 8) == 1)
    }

    @Test func badThemesSayWhatIsWrong() {
        #expect(throws: ThemeError.missingRole("text")) {
            try Theme(toml: "name = \"x\"\n[colors]\nprimary = \"#FFFFFF\"")
        }
        #expect(throws: ThemeError.unknownRole("primry")) {
            try Theme(toml: "name = \"x\"\n[colors]\nprimry = \"#FFFFFF\"")
        }
        #expect(throws: ThemeError.badColor(role: "primary", value: "purple")) {
            try Theme(toml: "name = \"x\"\n[colors]\nprimary = \"purple\"")
        }
        #expect(throws: ThemeError.self) { try Theme(toml: "name = ") }
    }

    @Test func catalogPrefersUserThemesAndReadsPaths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let custom = BuiltinThemes.sources["dark"]!.replacingOccurrences(of: "name = \"dark\"", with: "name = \"my-dark\"")
        try custom.write(to: directory.appendingPathComponent("dark.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(searchDirectories: [directory.path])
        #expect(try catalog.load("dark").name == "my-dark")
        #expect(try catalog.load("neobrutalism").name == "neobrutalism")
        #expect(try catalog.load(directory.appendingPathComponent("dark.toml").path).name == "my-dark")
        #expect(try catalog.load(nil).name == "default")
        #expect(try catalog.load(option: nil, variable: "APP_THEME", environment: ["APP_THEME": "high-contrast"]).name == "high-contrast")
        #expect(try catalog.load(option: "dark", variable: "APP_THEME", environment: ["APP_THEME": "high-contrast"]).name == "my-dark")
        #expect(try catalog.load(option: nil, variable: "APP_THEME", environment: ["OTHER_THEME": "high-contrast"]).name == "default")
        #expect(throws: ThemeError.notFound("nope", searched: [directory.path])) { try catalog.load("nope") }
    }

    @Test func xdgDataHomeComesFirst() {
        let catalog = ThemeCatalog(application: "some-app", environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"], executablePath: nil)
        #expect(catalog.searchDirectories == ["/data/some-app/themes"])
        #expect(ThemeCatalog(application: "some-app", environment: ["HOME": "/home/u"], executablePath: nil).searchDirectories
                == ["/home/u/.local/share/some-app/themes"])
        #expect(ThemeCatalog(application: "some-app", environment: [:], executablePath: nil).searchDirectories.isEmpty)
    }

    @Test func colorLevelDetection() {
        let detect = { (env: [String: String], term: String, has: Bool, colors: Int) in
            ColorLevel.detect(environment: env, terminalName: term, hasColors: has, colors: colors)
        }
        #expect(detect([:], "xterm-256color", true, 256) == .ansi256)
        #expect(detect(["NO_COLOR": "1"], "xterm-256color", true, 256) == .mono)
        #expect(detect(["NO_COLOR": "yes"], "xterm-256color", true, 256) == .mono)
        #expect(detect(["NO_COLOR": ""], "xterm-256color", true, 256) == .ansi256)
        #expect(detect([:], "xterm", true, 8) == .ansi8)
        #expect(detect([:], "xterm-16color", true, 16) == .ansi16)
        #expect(detect([:], "vt100", false, 0) == .mono)
        #expect(detect([:], "xterm-direct", true, 16_777_216) == .truecolor)
        #expect(detect(["COLORTERM": "truecolor"], "xterm-256color", true, 256) == .ansi256)
        #expect(ColorLevel(name: "never") == .mono && ColorLevel(name: "256") == .ansi256 && ColorLevel(name: "lots") == nil)
    }
}
