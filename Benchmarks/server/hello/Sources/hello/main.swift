import Foundation
import Hummingbird

/// `hello [PORT]`: serves `GET /hello` on 127.0.0.1 and announces itself like `clerk-tui serve` does.
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 0
let router = Router()
router.get("hello") { _, _ in "Hello, world!" }
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port)),
    onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        // FileHandle writes unbuffered, so the line reaches a pipe at once.
        FileHandle.standardOutput.write(Data("Hello listening on http://127.0.0.1:\(bound)\n".utf8))
    }
)
try await app.runService()
