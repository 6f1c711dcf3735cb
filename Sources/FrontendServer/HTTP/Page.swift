import Foundation
import Hummingbird

/// What a browser-facing route answers: an HTML page or a redirect. The OAuth round trip runs in the browser, so
/// these routes speak HTML, never the JSON envelope.
enum Page: Sendable {
    case html(HTTPResponse.Status, title: String, body: String)
    case redirect(String)

    /// A page saying what went wrong, for a failure outside any client (an expired or unknown `state`).
    static func failure(_ failure: APIFailure) -> Page {
        .html(failure.status, title: "Something went wrong",
              body: "<p>\(escape(failure.error.longMessage))</p>"
                + "<p>Go back to your terminal and start again.</p>")
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        switch self {
        case .redirect(let location):
            headers[.location] = location
            return Response(status: .seeOther, headers: headers)
        case .html(let status, let title, let body):
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.init("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
            let document = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>\(Page.escape(title))</title>
                <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#212126}
                label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem;box-sizing:border-box}
                button{margin:1rem .5rem 0 0;padding:.45rem 1rem}</style></head>
                <body><h1>\(Page.escape(title))</h1>
                \(body)
                </body></html>
                """
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
        }
    }

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension Gateway {
    /// Runs a browser-facing route: decodes the call like any other, and answers failures with an HTML page.
    func page(_ request: Request, _ context: FAPIRequestContext,
              _ body: @Sendable (Exchange) async throws -> Page) async -> Response {
        do {
            let call = try await APICall.decode(request, context: context, trace: TraceID())
            return try await body(Exchange(instance: instance, call: call)).response
        } catch let failure as APIFailure {
            return Page.failure(failure).response
        } catch {
            instance.logger.error("unhandled error", metadata: ["type": "\(type(of: error))", "detail": "\(PostgresStore.loggableDetail(error))"])
            return Page.failure(APIFailure(.internalServerError, "internal_clerk_error", "Oops, an unexpected error occurred.")).response
        }
    }
}
