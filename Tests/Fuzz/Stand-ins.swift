// The few names the parsers take from the rest of the server, as run.sh compiles them alone.
import Foundation

struct APIFailure: Error {
    let code: String
    static let bodyInvalid = APIFailure(code: "malformed_request")
    static func paramMissing(_ name: String) -> APIFailure { APIFailure(code: "form_param_missing") }
    static func paramInvalid(_ name: String, _ long: String? = nil) -> APIFailure { APIFailure(code: "form_param_format_invalid") }
}

protocol WireString {
    init(rawValue: String)
}
