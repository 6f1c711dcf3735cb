import ArgumentParser
import Foundation
import TerminalUI

/// `clerk-tui ui-gallery`: a hidden form with one of each input widget, driven by the tmux tests
/// and the frame benchmark.
struct UIGalleryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-gallery",
        abstract: "Show the terminal UI widget gallery.",
        discussion: """
            Examples:
              clerk-tui ui-gallery --theme dark
            """,
        shouldDisplay: false
    )

    @OptionGroup var display: PortalOptions

    @Option(help: ArgumentHelp("Write frame timings to this file on exit.", visibility: .hidden))
    var frameStats: String?

    @Flag(help: ArgumentHelp("Make F12 trap (crash), to test that the terminal is restored.", visibility: .hidden))
    var trapOnF12 = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let options = try display.terminalOptions(environment: environment)
        guard display.interfaceMode(environment: environment) == .fullScreen else {
            try runPlain()
            return
        }
        do {
            let outcome = try await Program.run(ScreenStack(root: GalleryScreen(trapKey: trapOnF12 ? .function(12) : nil)), options: options)
            if let frameStats {
                try outcome.frameStats.description.write(toFile: frameStats, atomically: true, encoding: .utf8)
            }
        } catch TerminalError.noTerminfo(let tried) {
            FileHandle.standardError.write(Data("clerk-tui: no terminal description for \(tried.joined(separator: ", ")); using plain prompts\n".utf8))
            try runPlain()
        } catch TerminalError.terminated(let signal) {
            throw ExitCode(128 + signal)
        }
    }

    private func runPlain() throws {
        var prompter = PlainPrompter()
        var form = GalleryForm()
        do {
            for field in GalleryForm.Field.allCases {
                form.apply(try prompter.ask(form.question(for: field)))
            }
        } catch {
            throw ExitCode.failure
        }
        prompter.say(form.status)
    }
}
