import Foundation
import FrontendAPI
import Hummingbird
import Logging

/// Runs one endpoint: decodes the call, enforces the browser Origin rule, and turns the reply or failure into an
/// HTTP response with the client-token headers, CORS and `Date`.
struct Gateway: Sendable {
    let instance: FrontendInstance

    func serve(_ request: Request, _ context: FAPIRequestContext, rawBodyLimit: Int? = nil,
               _ body: @Sendable (Exchange) async throws -> Reply) async throws -> Response {
        let origin = request.headers[.origin], trace = TraceID(), notes = SecurityNotes()
        do {
            let call = try await APICall.decode(request, context: context, trace: trace, rawBodyLimit: rawBodyLimit)
            try checkOrigin(call)
            let reply = try await body(Exchange(instance: instance, call: call, notes: notes))
            var response = Response(status: reply.status, headers: Self.jsonHeaders, body: .init(byteBuffer: reply.body))
            apply(reply, call: call, to: &response)
            addCORS(origin, to: &response.headers)
            return response
        } catch {
            let logger = instance.logger.tagged(ip: context.remoteIP, traceID: trace.value)
            var response = Gateway.errorResponse(error, logger: logger, traceID: trace.value, path: request.uri.path, notes: notes)
            addCORS(origin, to: &response.headers)
            return response
        }
    }

    /// A browser write authenticated by the `__client` cookie must come from an allowed Origin (CSRF).
    private func checkOrigin(_ call: APICall) throws(APIFailure) {
        guard !call.isNative, call.presentedToken != nil, call.method != .get, call.method != .head else { return }
        guard let origin = call.origin, isAllowed(origin) else { throw .originInvalid }
    }

    func isAllowed(_ origin: String) -> Bool {
        instance.settings.allowedOrigins.contains(origin) || origin == instance.issuer
    }

    /// Built once: every answer starts from these (copy-on-write, so a request that adds one copies them then).
    private static let jsonHeaders: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]

    private func apply(_ reply: Reply, call: APICall, to response: inout Response) {
        if call.isNative {
            if let token = reply.issuedToken { response.headers[.authorization] = token }
            return
        }
        if let token = reply.issuedToken {
            response.headers[.setCookie] = "\(APICall.cookieName)=\(token); Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"
        } else if reply.clearsToken {
            response.headers[.setCookie] = "\(APICall.cookieName)=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
        }
    }

    func addCORS(_ origin: String?, to headers: inout HTTPFields) {
        guard let origin, isAllowed(origin) else { return }
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlAllowCredentials] = "true"
        headers[.accessControlExposeHeaders] = "Authorization, Retry-After, x-country"
        headers[.vary] = "Origin"
    }

    /// Any error as Clerk's error body. Unknown errors are logged (type only) and reported as a 500 body; security
    /// rejections are logged as one `SecurityEvent` line (the logger carries trace id and IP).
    static func errorResponse(_ error: any Error, logger: Logger, traceID: String = RandomToken.base62(24),
                              path: String? = nil, notes: SecurityNotes? = nil) -> Response {
        let failure: APIFailure
        switch error {
        case let known as APIFailure: failure = known
        case let lost as DatabaseUnavailable:
            logger.error("database unavailable", metadata: ["reason": "\(lost.reason)"])
            failure = .serviceUnavailable
        case let duplicate as UniqueViolation:
            logger.warning("unique violation", metadata: ["table": "\(duplicate.table)", "constraint": "\(duplicate.constraint)"])
            failure = duplicate.failure
        case let http as HTTPError where http.status == .notFound: failure = .notFound()
        case let http as HTTPError:
            failure = APIFailure(http.status, http.status.code < 500 ? "request_invalid" : "internal_clerk_error",
                                 http.status.reasonPhrase)
        default:
            logger.error("unhandled error", metadata: ["type": "\(type(of: error))", "detail": "\(PostgresStore.loggableDetail(error))"])
            failure = APIFailure(.internalServerError, "internal_clerk_error", "Oops, an unexpected error occurred.")
        }
        SecurityEvent.log(code: failure.error.code, path: path ?? "", notes: notes, logger: logger)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        if let retryAfter = failure.retryAfter { headers[.retryAfter] = String(retryAfter) }
        let body = (try? FAPIJSON.encode(ClerkErrorResponse(errors: [failure.error], meta: nil,
                                                             clerkTraceID: traceID))) ?? Data()
        return Response(status: failure.status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}

/// Wraps the router: `POST ?_method=PATCH|PUT|DELETE` becomes that method, CORS preflights are answered,
/// unmatched routes and errors get Clerk's error body. (Hummingbird adds `Date` to every response.)
struct MethodOverrideResponder: HTTPResponder {
    typealias Context = FAPIRequestContext
    let router: RouterResponder<FAPIRequestContext>
    let gateway: Gateway
    let logger: Logger

    func respond(to request: Request, context: FAPIRequestContext) async throws -> Response {
        var request = request
        if request.method == .post, let override = overrideMethod(request) {
            var head = request.head
            head.method = override
            request = Request(head: head, body: request.body)
        }
        var response: Response
        if request.method == .options {
            response = Response(status: .noContent)
            if let origin = request.headers[.origin], gateway.isAllowed(origin) {
                gateway.addCORS(origin, to: &response.headers)
                response.headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE"
                response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type, clerk-api-version"
                response.headers[.accessControlMaxAge] = "600"
            }
        } else {
            do { response = try await router.respond(to: request, context: context) } catch {
                let logger = logger.tagged(ip: context.remoteIP)
                response = Gateway.errorResponse(error, logger: logger, path: request.uri.path)
            }
            // Every endpoint answers through `Gateway` (marked `no-store`) or serves an image; anything else is the
            // router's own not-found or bad-parameter answer, which gets Clerk's error body too.
            if response.headers[.cacheControl] != "no-store", response.headers[.contentType]?.hasPrefix("image/") != true {
                let logger = logger.tagged(ip: context.remoteIP)
                response = Gateway.errorResponse(HTTPError(response.status), logger: logger, path: request.uri.path)
            }
        }
        return response
    }

    private func overrideMethod(_ request: Request) -> HTTPRequest.Method? {
        guard let query = request.uri.query, let form = try? FormBody(parsing: Substring(query)),
              let value = form.string("_method")?.uppercased() else { return nil }
        return ["PATCH": .patch, "PUT": .put, "DELETE": .delete, "GET": .get][value]
    }
}
