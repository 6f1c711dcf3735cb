import ArgumentParser
import Dispatch
import Foundation
import FrontendAPI
import FrontendServer
import SSHFrontDoor
#if canImport(Glibc)
import Glibc
#endif

/// `clerk-tui ssh`: serves the portal over SSH, one child `clerk-tui` per session on its own pty.
struct SSHCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh",
        abstract: "Serve the account portal over SSH.",
        discussion: """
            Each SSH session with a terminal gets its own portal. Anyone may connect unless \
            --authorized-keys is given; people sign in to Clerk inside the portal. Prints \
            'SSH portal listening on HOST:PORT' when ready; SIGTERM or SIGINT tells sessions and stops.

            Examples:
              clerk-tui ssh --port 2222
              clerk-tui ssh --host 0.0.0.0 --authorized-keys ~/.ssh/authorized_keys --max-sessions 50
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 2222
    @Option(name: .customLong("host-key"),
            help: "ed25519 host key in OpenSSH format; created (0600) if missing (default $XDG_DATA_HOME/clerk-tui/ssh_host_ed25519_key).")
    var hostKey: String?
    @Option(name: .customLong("max-sessions"), help: "Concurrent sessions; more are told the server is busy.")
    var maxSessions = 200
    @Option(name: .customLong("idle-timeout"), help: "Close sessions after this many seconds without input (0: never).")
    var idleTimeout = 1800
    @Option(name: .customLong("authorized-keys"), help: "Only let in the keys listed in this authorized_keys file.")
    var authorizedKeys: String?
    @Option(name: .customLong("auth-timeout"), help: "Seconds a connection may take to authenticate.")
    var authenticationTimeout = 30
    @Option(name: .customLong("connections-per-minute"), help: "New connections allowed per minute from one IP.")
    var connectionsPerMinute = 60
    @Option(name: .customLong("child-argument"), parsing: .singleValue,
            help: ArgumentHelp("Arguments of each session's child clerk-tui (default: none, the portal).",
                               visibility: .hidden))
    var childArguments: [String] = []

    @OptionGroup var instance: InstanceOptions
    @OptionGroup var oauth: OAuthRedirectOptions
    @OptionGroup var operatorOptions: OperatorOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxSessions > 0 else { throw ValidationError("--max-sessions must be at least 1") }
        guard idleTimeout >= 0, authenticationTimeout > 0, connectionsPerMinute > 0 else {
            throw ValidationError("timeouts and limits must be positive")
        }
    }

    func run() async throws {
        let logger = operatorOptions.logger(label: "clerk-tui.ssh")
        // Metrics first: the session gauge is made when the server starts and must find the registry.
        let metrics = try await operatorOptions.startMetrics(logger: logger)
        let environment = ProcessInfo.processInfo.environment
        let keyPath = hostKey ?? LocalServerConfiguration.defaultDataDirectory.deletingLastPathComponent()
            .appending(path: "ssh_host_ed25519_key").path
        let key: HostKeyFile
        do { key = try HostKeyFile.loadOrCreate(path: keyPath) } catch {
            throw ValidationError("host key \(keyPath): \(error)")
        }
        let allowlist: AuthorizedKeys?
        do { allowlist = try authorizedKeys.map(AuthorizedKeys.init(contentsOf:)) } catch {
            throw ValidationError("\(error)")
        }
        if let allowlist, allowlist.unsupportedLines > 0 {
            printError("\(allowlist.unsupportedLines) authorized key line(s) skipped: only ed25519 and ECDSA keys are supported.")
        }

        // One instance for every session: the embedded local server starts here, once.
        let connection = try await instance.connect(environment: environment)
        // The children file their tokens under the same key as this process (`local` for the embedded server).
        let clientInstance = connection.client.instance
        let oauthRedirectURL = oauth.explicitURL(environment: environment)
        if let embedded = connection.server?.baseURL, oauthRedirectURL != nil {
            printError(
                "Social sign-in is on, but the embedded instance's provider pages are at \(embedded), which only "
                    + "this machine can reach: remote browsers need a tunnel to it.")
        }
        let childEnvironment = Self.childEnvironment(
            environment, frontendAPI: connection.server?.baseURL, oauthRedirectURL: oauthRedirectURL)
        let insecureHTTP = instance.insecureHTTP
        let configuration = FrontDoorConfiguration(
            host: host, port: port, hostKey: key, maxSessions: maxSessions,
            idleTimeout: idleTimeout == 0 ? nil : idleTimeout, authenticationTimeout: authenticationTimeout,
            connectionsPerMinute: connectionsPerMinute, authorizedKeys: allowlist,
            child: ChildCommand(executable: try Self.ownExecutable(),
                                arguments: childArguments,
                                environment: childEnvironment),
            sessionState: SessionStateStore(
                keysRoot: XDGDirectories.state(environment: environment).appending(path: "ssh-keys")),
            sessionDiscarded: { directory in
                await Self.signOut(stateDirectory: directory, instance: clientInstance, insecureHTTP: insecureHTTP)
            })

        let server: FrontDoorServer
        do { server = try await FrontDoorServer.start(configuration) } catch {
            await connection.close()
            throw ValidationError("cannot listen on \(host):\(port): \(error)")
        }
        let verb = key.generated ? "generated" : "loaded"
        FileHandle.standardOutput.write(Data("""
            SSH host key \(key.fingerprint) (ED25519, \(verb) \(key.path))
            SSH portal listening on \(host):\(server.port)

            """.utf8))

        await Self.waitForTerminationSignal()
        printError("Shutting down: telling \(server.sessionCount) session(s).")
        await server.shutDown()
        await connection.close()
        await metrics?.stop()
    }

    /// What every child starts from: enough to find terminfo, themes and the instance; nothing secret.
    static func childEnvironment(
        _ environment: [String: String], frontendAPI: String?, oauthRedirectURL: String?
    ) -> [String: String] {
        let passed = ["PATH", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TERMINFO", "TERMINFO_DIRS",
                      PortalOptions.themeVariable, "CLERK_FRONTEND_API", "CLERK_PUBLISHABLE_KEY", "LOG_LEVEL"]
        var child = environment.filter { passed.contains($0.key) }
        // Sessions are remote: they offer social sign-in only with a URL given here (see OAuthRedirectOptions).
        if let oauthRedirectURL { child["CLERK_TUI_OAUTH_REDIRECT_URL"] = oauthRedirectURL }
        if let frontendAPI { child.merge(EmbeddedInstance.childEnvironment(baseURL: frontendAPI)) { $1 } }
        return child
    }

    /// This binary's absolute path, so children run the same build.
    static func ownExecutable() throws -> String {
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return path
    }

    /// Signs out the client whose token a finished session left in `stateDirectory`.
    static func signOut(stateDirectory: URL, instance: Instance, insecureHTTP: Bool) async {
        let store = FileTokenStore(instance: instance, environment: ["XDG_STATE_HOME": stateDirectory.path])
        guard (try? store.load()) != nil else { return }
        let client = FrontendClient(
            instance: instance, transport: CurlTransport(options: .clerkTUI(allowsInsecureHTTP: insecureHTTP)),
            tokenStore: store)
        _ = try? await client.signOutAll()
    }

    /// Returns on the first SIGTERM or SIGINT.
    static func waitForTerminationSignal() async {
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "clerk-tui.ssh.signals")
            let resumed = ResumeOnce(continuation)
            for number in [SIGTERM, SIGINT] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { resumed.resume() }
                source.resume()
                resumed.keep(source)
            }
        }
    }
}

/// Resumes a continuation once and keeps the signal sources alive meanwhile.
private final class ResumeOnce: @unchecked Sendable {
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func keep(_ source: DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    func resume() {
        lock.withLock {
            continuation?.resume()
            continuation = nil
        }
    }
}
