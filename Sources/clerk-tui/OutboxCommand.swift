import ArgumentParser
import Foundation
import FrontendServer

/// `clerk-tui outbox`: the codes a development instance "sent", newest last.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Show the verification codes the local instance has sent.",
        discussion: """
            Examples:
              clerk-tui outbox                            # the embedded instance's
              clerk-tui outbox --data-dir ./fapi-data --json | jq -r 'select(.to == "ada@example.com").code'
            """)

    @Option(name: .customLong("data-dir"), help: "Data directory (default $XDG_DATA_HOME/clerk-tui/local).") var dataDirectory: String?
    @Option(name: .customLong("database"), help: "The instance's PostgreSQL URL, as given to serve (default $CLERK_TUI_DATABASE_URL).")
    var databaseURL: String?
    @Flag(help: "Print JSON lines instead of a table.") var json = false
    @Option(help: "How many of the newest messages to show.") var limit = 20

    func run() async throws {
        let directory = dataDirectory.map { URL(fileURLWithPath: $0) } ?? LocalServerConfiguration.defaultDataDirectory
        let url = databaseURL ?? ProcessInfo.processInfo.environment["CLERK_TUI_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let messages = try await Outbox.messages(dataDirectory: directory, databaseURL: url, limit: limit)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for message in messages {
                let line: [String: String] = [
                    "id": message.id, "channel": message.channel, "to": message.recipient, "purpose": message.purpose,
                    "code": message.code, "created_at": String(message.createdAt)]
                print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
            return
        }
        if messages.isEmpty { print("The outbox is empty."); return }
        let formatter = ISO8601DateFormatter()
        for message in messages {
            let sent = formatter.string(from: Date(timeIntervalSince1970: Double(message.createdAt) / 1000))
            print("\(sent)  \(message.channel)  \(message.recipient)  \(message.purpose)  \(message.code)")
        }
    }
}
