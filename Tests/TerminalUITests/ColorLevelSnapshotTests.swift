import Testing
@testable import TerminalUI

/// What the roles become at each colour level and in each built-in theme.
@Suite struct ColorLevelSnapshotTests {
    private func gallery(size: Size) -> TestTerminal<ScreenStack> {
        var terminal = TestTerminal(ScreenStack(root: GalleryScreen()), size: size)
        terminal.type("Zoë 山田 🎉")
        terminal.send(.key(.tab), .key(.tab), .key(.tab), .key(.enter))
        return terminal
    }

    @Test(arguments: ColorLevel.allCases) func defaultThemeAtEachLevel(level: ColorLevel) throws {
        let theme = try ThemeCatalog(searchDirectories: []).load("default")
        for size in snapshotSizes {
            assertSnapshot(gallery(size: size).snapshot(theme: theme, level: level), named: "level-\(level)-\(size)")
        }
    }

    @Test(arguments: ThemeCatalog.builtinNames) func builtinThemesAt256(name: String) throws {
        let theme = try ThemeCatalog(searchDirectories: []).load(name)
        assertSnapshot(gallery(size: Size(width: 80, height: 24)).snapshot(theme: theme, level: .ansi256), named: "theme-\(name)")
    }
}
