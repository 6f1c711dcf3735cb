import ArgumentParser
import Foundation
import FrontendAPI
import FrontendServer

/// `clerk-tui admin`: the operator's side of a local instance, which Clerk's Dashboard is for a Clerk instance.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administer the local instance: users, invitations and the waitlist.",
        discussion: """
            Works on the instance's data directory whether or not a server runs on it; a running server sees each \
            change at once.

            Examples:
              clerk-tui admin users list
              clerk-tui admin --data-dir ./fapi-data invitations create jane@example.com
              clerk-tui admin waitlist invite jane@example.com
            """,
        subcommands: [UsersCommand.self, InvitationsCommand.self, WaitlistCommand.self])

    /// Given before the subcommand (`clerk-tui admin --data-dir D users list`), read by the subcommand's own group.
    @OptionGroup var options: AdminOptions
}

/// Which local instance `admin` works on.
struct AdminOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (default $XDG_DATA_HOME/clerk-tui/local).")
    var dataDirectory: String?
    @Option(name: .customLong("config"), help: "The instance's settings file (TOML), as given to serve.")
    var configFile: String?
    @Option(name: .customLong("database"), help: ArgumentHelp(
        "The instance's PostgreSQL URL, as given to serve (default $CLERK_TUI_DATABASE_URL, or the settings' [database] url).",
        discussion: "Needs the nodes' $CLERK_TUI_DATA_KEY."))
    var databaseURL: String?
    @Option(name: .customLong("public-url"), help: "The URL the instance is reached at, for invitation links (default: the address a server on the data directory last recorded).")
    var publicURL: String?

    /// Runs `body` on the instance, closing it afterwards; its errors end the command with their message.
    func withAdministration<T>(_ body: (LocalAdministration) async throws -> T) async throws -> T {
        let environment = ProcessInfo.processInfo.environment
        let directory = dataDirectory.map { URL(fileURLWithPath: $0) } ?? LocalServerConfiguration.defaultDataDirectory
        // Without --config on the embedded instance: its own settings file, as the portal reads it.
        let embeddedSettings = XDGDirectories.config(environment: environment).appending(path: "local.toml").path
        let settings = configFile
            ?? (dataDirectory == nil && FileManager.default.fileExists(atPath: embeddedSettings) ? embeddedSettings : nil)
        let administration: LocalAdministration
        let database = databaseURL ?? environment["CLERK_TUI_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            administration = try await LocalAdministration.open(dataDirectory: directory, databaseURL: database,
                                                                publicURL: publicURL, settingsFile: settings)
        } catch {
            printError("clerk-tui admin: \(error)")
            throw ExitCode.failure
        }
        do {
            let result = try await body(administration)
            await administration.close()
            return result
        } catch let error as AdministrationError {
            await administration.close()
            printError("clerk-tui admin: \(error)")
            throw ExitCode.failure
        } catch {
            await administration.close()
            throw error
        }
    }
}

/// How `admin` commands print what they list or changed.
enum AdminOutput {
    /// One JSON object a line, as `clerk-tui outbox --json` prints.
    static func jsonLines<T: Encodable>(_ items: [T]) throws {
        for item in items { print(String(decoding: try FAPIJSON.encode(item), as: UTF8.self)) }
    }

    /// Rows of cells in aligned columns.
    static func table(_ rows: [[String]]) {
        guard let columns = rows.map(\.count).max() else { return }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  "))
        }
    }

    static func date(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? "-"
    }
}
