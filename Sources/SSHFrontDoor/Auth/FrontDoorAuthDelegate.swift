import NIOCore
import NIOSSH

/// SSH-level authentication for one connection. People sign in to Clerk inside the portal, so by default
/// anyone may connect: any public key the client proves it holds is accepted (and remembered for "Keep me
/// signed in on this key"), and a client without a usable key gets in with any password, which is never read.
/// With an allowlist only its keys get in. Answers arrive on the connection's event loop.
final class FrontDoorAuthDelegate: NIOSSHServerUserAuthenticationDelegate, @unchecked Sendable {
    private let allowlist: AuthorizedKeys?
    private let onSuccess: (AuthenticatedUser) -> Void
    /// Told of a refused key or password (user name and method, never the secret); the `none` probe clients send
    /// first is no failure worth reporting.
    private let onFailure: (_ username: String, _ method: String) -> Void

    init(allowlist: AuthorizedKeys?, onSuccess: @escaping (AuthenticatedUser) -> Void,
         onFailure: @escaping (_ username: String, _ method: String) -> Void = { _, _ in }) {
        self.allowlist = allowlist
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        allowlist == nil ? [.publicKey, .password] : .publicKey
    }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        switch request.request {
        case .publicKey(let offer):
            // swift-nio-ssh has verified the signature before asking us.
            guard allowlist?.allows(offer.publicKey) ?? true else {
                onFailure(request.username, "publickey")
                return responsePromise.succeed(.failure)
            }
            onSuccess(AuthenticatedUser(username: request.username, publicKey: offer.publicKey))
            responsePromise.succeed(.success)
        case .password where allowlist == nil:
            onSuccess(AuthenticatedUser(username: request.username, publicKey: nil))
            responsePromise.succeed(.success)
        case .password:
            onFailure(request.username, "password")
            responsePromise.succeed(.failure)
        default:
            // "none" fails so that clients offer their keys first.
            responsePromise.succeed(.failure)
        }
    }
}

/// Who got through SSH authentication.
struct AuthenticatedUser: Sendable {
    let username: String
    let publicKey: NIOSSHPublicKey?

    var keyFingerprint: String? { publicKey.map(KeyFingerprint.of) }
}
