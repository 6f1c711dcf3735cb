import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// One FAPI request, decoded once: form body, query flags, and how the client authenticates (native
/// `Authorization` header or browser `__client` cookie).
struct APICall: Sendable {
    static let maxBodyBytes = 64 * 1024
    static let cookieName = "__client"
    private static let mobileHeader = HTTPField.Name("x-mobile")!
    private static let deviceTypeHeader = HTTPField.Name("x-device-type")!
    private static let androidSDKHeader = HTTPField.Name("x-android-sdk-version")!

    let method: HTTPRequest.Method
    let form: FormBody
    let query: FormBody
    let isNative: Bool
    /// The client token the request presented, if any.
    private(set) var presentedToken: String?
    /// A session token sent as `Authorization: Bearer …` by a browser (clerk-js's API keys calls), where the header
    /// does not carry the client token.
    var bearerToken: String? = nil
    let origin: String?
    private let remoteAddress: SocketAddress?
    /// The client's IP address as seen on the socket.
    var remoteIP: String { FAPIRequestContext.ip(of: remoteAddress) }
    /// The device the request came from, for its session's `latest_activity`.
    var device = ClientDevice()
    /// `clerk_trace_id` of this request: in error bodies and in every log line about it.
    let trace: TraceID
    var traceID: String { trace.value }
    /// The undecoded body, for the few routes that take files instead of a form.
    var rawBody: [UInt8] = []
    /// As sent (a multipart boundary is case-sensitive).
    var contentType: String = ""

    /// The same call acting with `token`, for follow-up steps after this request created the client.
    func presenting(_ token: String?) -> APICall {
        guard let token else { return self }
        var copy = self
        copy.presentedToken = token
        return copy
    }

    /// `_clerk_session_id`: the session `/v1/me*` calls act for.
    var sessionIDParameter: String? { query.nonEmpty("_clerk_session_id") }

    /// Decodes the request; with `rawBodyLimit` the body is kept as bytes (up to that size) instead of parsed as a form.
    static func decode(_ request: Request, context: FAPIRequestContext, trace: TraceID,
                       rawBodyLimit: Int? = nil) async throws(APIFailure) -> APICall {
        let query = try FormBody(parsing: Substring(request.uri.query ?? ""))
        let isNative = (try? query.bool("_is_native")) == true
        var form = FormBody()
        var raw: [UInt8] = []
        let contentType = request.headers[.contentType] ?? ""
        if let rawBodyLimit, request.method != .get && request.method != .head {
            do { raw = Array(try await request.body.collect(upTo: rawBodyLimit).readableBytesView) } catch {
                throw APIFailure(.contentTooLarge, "request_body_too_large", "Request body too large",
                                 long: "The request body must be at most \(rawBodyLimit / 1_048_576) MiB.")
            }
        } else if request.method != .get && request.method != .head {
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: maxBodyBytes) } catch { throw .bodyTooLarge }
            if buffer.readableBytes > 0 {
                let type = request.headers[.contentType]?.lowercased() ?? "application/x-www-form-urlencoded"
                guard type.hasPrefix("application/x-www-form-urlencoded") else { throw .bodyInvalid }
                form = try FormBody(bytes: Array(buffer.readableBytesView))
            }
        }
        let token: String?
        if isNative {
            var value = request.headers[.authorization]?.trimmingWhitespace ?? ""
            if value.hasASCIIPrefixIgnoringCase("bearer") { value = String(value.dropFirst(6)).trimmingWhitespace }
            token = value.isEmpty ? nil : value
        } else {
            token = request.cookies[cookieName]?.value
        }
        var call = APICall(method: request.method, form: form, query: query, isNative: isNative, presentedToken: token,
                           origin: request.headers[.origin], remoteAddress: context.remoteAddress, trace: trace)
        call.rawBody = raw
        call.contentType = contentType
        call.device = ClientDevice(
            userAgent: request.headers[.userAgent], mobileHeader: request.headers[mobileHeader].map { $0 == "1" },
            deviceTypeHeader: request.headers[deviceTypeHeader], isAndroidSDK: request.headers[androidSDKHeader] != nil)
        if !isNative, let value = request.headers[.authorization], value.hasASCIIPrefixIgnoringCase("bearer ") {
            call.bearerToken = String(value.dropFirst(7)).trimmingWhitespace
        }
        return call
    }
}
