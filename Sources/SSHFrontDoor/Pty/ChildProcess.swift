#if canImport(Glibc)
import Glibc
#endif

/// A child started on a pty slave as the leader of a new session, so the slave is its controlling terminal
/// and its process group id equals its pid.
struct ChildProcess: Sendable {
    let pid: pid_t

    /// glibc's `POSIX_SPAWN_SETSID` (not exported to Swift).
    private static let spawnSetSID: Int16 = 0x80

    /// Spawns `executable` with `arguments` (without argv[0]) and exactly `environment`, its standard
    /// streams on `terminal`'s slave.
    static func spawn(
        executable: String, arguments: [String], environment: [String: String], terminal: PseudoTerminal
    ) throws(PtyError) -> ChildProcess {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | spawnSetSID)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid and without O_NOCTTY: the slave becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminal.slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw .system("posix_spawn \(executable)", status) }
        return ChildProcess(pid: pid)
    }

    /// Signals the child's whole process group (it is a session leader, so the group id is its pid).
    func signalGroup(_ signal: CInt) {
        kill(-pid, signal)
    }
}
