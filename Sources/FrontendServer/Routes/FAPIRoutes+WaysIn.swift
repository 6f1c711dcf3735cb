import FrontendAPI
import Hummingbird

/// Routes of the ways into an instance beyond sign-in and sign-up themselves (the waitlist, email links), and API
/// keys, which clerk-js calls at `/api_keys` without the `/v1` prefix, with JSON bodies.
extension FAPIRoutes {
    func waysIn(_ router: Router<FAPIRequestContext>) {
        router.post("v1/waitlist") { request, context in
            try await gateway.serve(request, context) { try await Waitlist(instance: instance).join($0) }
        }
        router.get(RouterPath(EmailLinks.verifyPath)) { request, context in
            await gateway.browserPage(request, context) { try await EmailLinks(exchange: $0).follow() }
        }
        apiKeys(router.group("api_keys"))
    }

    private func apiKeys(_ group: RouterGroup<FAPIRequestContext>) {
        // The bodies are JSON: kept raw (`rawBodyLimit`) instead of parsed as a form.
        let json = APICall.maxBodyBytes
        group.get { request, context in try await gateway.serve(request, context) { try await APIKeys(exchange: $0).list() } }
        group.post { request, context in
            try await gateway.serve(request, context, rawBodyLimit: json) { try await APIKeys(exchange: $0).create() }
        }
        group.patch(":id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context, rawBodyLimit: json) { try await APIKeys(exchange: $0).update(id) }
        }
        group.post(":id/revoke") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context, rawBodyLimit: json) { try await APIKeys(exchange: $0).revoke(id) }
        }
    }
}
