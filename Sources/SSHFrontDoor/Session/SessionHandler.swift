import NIOCore
import NIOPosix
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// One SSH session channel: takes the pty request and the filtered env requests, runs the portal child on
/// its own pty when the shell request comes, pumps bytes both ways, resizes on window-change, and ends the
/// child's process group when the channel closes. Everything runs on the channel's event loop.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let server: FrontDoorContext
    private let record: ConnectionRecord
    private var context: ChannelHandlerContext?
    private var environment: SessionEnvironment
    private var ptyRequest: SSHChannelRequestEvent.PseudoTerminalRequest?
    private var terminal: PseudoTerminal?
    private var ptyChannel: Channel?
    private var pendingInput: [ByteBuffer] = []
    private var child: ChildProcess?
    private var childEnded = false
    private var holdsSlot = false
    private var state: SessionStateStore.SessionState?
    private var lastInput = NIODeadline.now()
    private var idleCheck: RepeatedTask?
    private var killTimer: Scheduled<Void>?
    private var registration: SessionRegistry.ID?
    private var ending = false

    init(server: FrontDoorContext, record: ConnectionRecord) {
        self.server = server
        self.record = record
        environment = SessionEnvironment(base: server.configuration.child.environment, connection: record.info)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        registration = server.sessions.add(eventLoop: context.eventLoop) { bound.value.end(SessionMessage.shuttingDown, .shutdown) }
        if let seconds = server.configuration.idleTimeout {
            let timeout = TimeAmount.seconds(Int64(seconds))
            idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: timeout, delay: .seconds(1)) { _ in
                let handler = bound.value
                if NIODeadline.now() - handler.lastInput >= timeout {
                    handler.end(SessionMessage.idle(seconds: seconds), .idleTimeout)
                }
            }
        }
    }

    // MARK: Requests

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            let accepted = ptyRequest == nil
            if accepted {
                ptyRequest = request
                environment.term = request.term
                record.term = request.term
                record.size = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            }
            reply(accepted, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            reply(environment.accept(name: request.name, value: request.value), wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            reply(true, wanted: request.wantReply)
            startPortal()
        case let request as SSHChannelRequestEvent.ExecRequest:
            // Replying success lets the client show our message instead of a bare "exec request failed".
            reply(true, wanted: request.wantReply)
            end(SessionMessage.commandsRefused, .execRefused, status: 1)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            reply(false, wanted: request.wantReply)
            end(SessionMessage.subsystemRefused, .execRefused, status: 1)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let size = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            record.size = size
            try? terminal?.resize(size)
        case let event as ChannelEvent where event == .inputClosed:
            // The client will send nothing more: nobody is at the keyboard.
            end(nil, .clientClosed)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ success: Bool, wanted: Bool) {
        guard wanted, let context else { return }
        let event: Any = success ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }

    // MARK: Child

    private func startPortal() {
        guard let context, child == nil, !ending else { return }
        guard let request = ptyRequest else { return end(SessionMessage.needsTerminal, .noPty, status: 1) }
        guard server.slots.acquire() else { return end(SessionMessage.busy, .busy, status: 1) }
        holdsSlot = true
        let size = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
        let modes = TerminalModes(Dictionary(
            request.terminalModes.modeMapping.map { ($0.key.rawValue, $0.value.rawValue) }, uniquingKeysWith: { $1 }))
        let terminal: PseudoTerminal
        do {
            let state = try server.configuration.sessionState.open(keyFingerprint: record.user?.keyFingerprint)
            self.state = state
            environment.state = state
            terminal = try PseudoTerminal.open(size: size, modes: modes)
            self.terminal = terminal
            let command = server.configuration.child
            child = try ChildProcess.spawn(executable: command.executable, arguments: command.arguments,
                                           environment: environment.variables, terminal: terminal)
        } catch {
            if let opened = self.terminal { close(opened.master) }
            self.terminal = nil
            childFinished()
            return end(SessionMessage.cannotStart, .error, status: 1)
        }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        ChildReaper.shared.watch(child!.pid) { _ in
            loop.execute { bound.value.childExited() }
        }
        NIOPipeBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PtyOutputHandler(session: bound))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: terminal.master)
            .whenComplete { result in
                let handler = bound.value
                switch result {
                case .success(let channel): handler.ptyReady(channel)
                case .failure:
                    close(terminal.master)
                    handler.end(SessionMessage.cannotStart, .error, status: 1)
                }
            }
    }

    private func ptyReady(_ channel: Channel) {
        ptyChannel = channel
        if ending {
            channel.close(promise: nil)
            return
        }
        for buffer in pendingInput { channel.write(buffer, promise: nil) }
        pendingInput.removeAll()
        channel.flush()
    }

    /// Output from the child: straight to the client, pausing pty reads while the SSH window is full.
    func ptyOutput(_ buffer: ByteBuffer) {
        guard let context else { return }
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
        if !context.channel.isWritable {
            ptyChannel?.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            ptyChannel?.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in }
        }
        context.fireChannelWritabilityChanged()
    }

    /// The pty master hit EOF/EIO: the child closed its terminal. Wait for it to be reaped.
    func ptyClosed() {
        ptyChannel = nil
        if childEnded { end(nil, .portalExited) }
    }

    private func childExited() {
        childEnded = true
        killTimer?.cancel()
        childFinished()
        if ptyChannel == nil {
            end(nil, .portalExited)
        } else {
            // Let the last output drain; the master reports EOF right after.
            context?.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(300)) { self.end(nil, .portalExited) }
        }
    }

    /// The child is gone (or never started): give back its slot and keep or discard its state.
    private func childFinished() {
        if holdsSlot {
            holdsSlot = false
            server.slots.release()
        }
        guard let state else { return }
        self.state = nil
        let store = server.configuration.sessionState
        guard store.close(state) == .discard else { return }
        let discarded = server.configuration.sessionDiscarded
        Task {
            await discarded(state.directory)
            store.remove(state)
        }
    }

    // MARK: Input and close

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let buffer) = message.data else { return }
        lastInput = .now()
        if let ptyChannel {
            ptyChannel.writeAndFlush(buffer, promise: nil)
        } else if child != nil {
            pendingInput.append(buffer)
        }
    }

    /// Tells the client `message` (if any), sends the exit status and closes the channel.
    func end(_ message: String?, _ outcome: ConnectionRecord.Outcome, status: Int = 0) {
        guard !ending, let context else { return }
        ending = true
        record.end(outcome)
        if let message {
            let text = (ptyRequest == nil ? "" : SessionMessage.restoreTerminal) + message + "\r\n"
            var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
            buffer.writeString(text)
            let type: SSHChannelData.DataType = ptyRequest == nil ? .stdErr : .channel
            context.write(wrapOutboundOut(SSHChannelData(type: type, data: .byteBuffer(buffer))), promise: nil)
        }
        context.flush()
        let channel = context.channel
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        record.end(.clientClosed)
        idleCheck?.cancel()
        if let registration { server.sessions.remove(registration) }
        stopChild()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        record.end(.error)
        context.close(promise: nil)
    }

    /// Hangs the child's process group up, and kills it if it is still there after the grace period.
    private func stopChild() {
        ptyChannel?.close(promise: nil)
        guard let child, !childEnded, let context else { return }
        child.signalGroup(SIGHUP)
        child.signalGroup(SIGCONT)
        let grace = TimeAmount.seconds(Int64(max(1, server.configuration.shutdownGrace)))
        killTimer = context.eventLoop.assumeIsolated().scheduleTask(in: grace) {
            if !self.childEnded { child.signalGroup(SIGKILL) }
        }
    }
}

/// Reads the pty master and hands the bytes to its session.
final class PtyOutputHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let session: NIOLoopBound<SessionHandler>

    init(session: NIOLoopBound<SessionHandler>) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.value.ptyOutput(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.value.ptyClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO once the child has closed the slave.
        context.close(promise: nil)
    }
}
