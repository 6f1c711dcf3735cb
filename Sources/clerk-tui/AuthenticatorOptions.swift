import ArgumentParser
import Authenticators
import Foundation
import FrontendAPI
import Portal

/// `--authenticator`: where the portal's passkeys live.
struct AuthenticatorOptions: ParsableArguments {
    static let variable = "CLERK_TUI_AUTHENTICATOR"

    @Option(help: ArgumentHelp(
        "Where passkeys live: security-key (USB and NFC keys through libfido2, the default) or file:PATH (a software authenticator whose keys are kept in PATH, 0600; for tests and machines without a key). Defaults to $CLERK_TUI_AUTHENTICATOR.",
        valueName: "security-key|file:PATH"))
    var authenticator: String?

    private func choice(_ environment: [String: String]) -> String {
        authenticator ?? environment[Self.variable] ?? "security-key"
    }

    /// The authenticator chosen, or a validation error naming the bad value.
    func make(environment: [String: String]) throws -> any Authenticator {
        let choice = choice(environment)
        if choice == "security-key" { return SecurityKeyAuthenticator() }
        guard choice.hasPrefix("file:"), choice.count > 5 else {
            throw ValidationError("--authenticator must be security-key or file:PATH, not \"\(choice)\"")
        }
        let path = (String(choice.dropFirst(5)) as NSString).expandingTildeInPath
        return SoftwareAuthenticator(path: path)
    }

    /// A security key is plugged into the visitor's computer: a session over SSH cannot reach it. A software
    /// authenticator's file is on this machine, so it works anywhere.
    func access(environment: [String: String]) -> PasskeyAccess {
        let remote = ["SSH_CONNECTION", "CLERK_TUI_REMOTE"].contains { environment[$0]?.isEmpty == false }
        return remote && choice(environment) == "security-key" ? .overSSH : .available
    }

    /// Performs a ceremony the portal asked for, its failures worded for the portal.
    static func perform(_ call: AuthenticatorCall, with authenticator: any Authenticator) async -> BackendOutcome {
        do {
            switch call {
            case .register(let options, let origin, let pin):
                return .success(.publicKeyCredential(try await authenticator.register(options, origin: origin, pin: pin?.value).webAuthnJSON()))
            case .authenticate(let options, let origin, let pin):
                return .success(.publicKeyCredential(try await authenticator.authenticate(options, origin: origin, pin: pin?.value).webAuthnJSON()))
            }
        } catch {
            let registering = if case .register = call { true } else { false }
            return .failure(failure(error, registering: registering))
        }
    }

    private static func failure(_ error: AuthenticatorFailure, registering: Bool) -> PortalFailure {
        switch error {
        case .noDevice: .authenticator(.noDevice)
        case .pinRequired: .authenticator(.pinRequired)
        case .pinInvalid: .authenticator(.pinInvalid)
        case .pinBlocked: .authenticator(.pinBlocked)
        case .alreadyRegistered: .authenticator(.alreadyRegistered)
        case .cancelled: .authenticator(registering ? .registrationCancelled : .retrievalCancelled)
        case .noCredential: .authenticator(.noCredential)
        case .failed(let reason): .authenticator(.failed, detail: reason)
        }
    }
}
