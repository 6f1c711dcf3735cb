import Foundation
import FrontendAPI

/// Reading the API keys operations' input as the spec declares it: JSON bodies with no other properties, the patterns
/// of subjects and key ids, and the bounds of names, descriptions and lifetimes.
extension APIKeys {
    /// A `user_…` or `org_…` id (the spec's `^(user|org)_\w{27}$`).
    static func subject(_ value: String?) throws(APIFailure) -> String {
        guard let value else { throw .apiKeyParamMissing("subject") }
        guard value.range(of: #"^(user|org)_\w{27}$"#, options: .regularExpression) != nil else {
            throw .apiKeyParam("subject", "subject must be a user or organization id.")
        }
        return value
    }

    /// At least 3 characters, at most 100, no space at either end.
    static func name(_ value: String?) throws(APIFailure) -> String {
        guard let value else { throw .apiKeyParamMissing("name") }
        guard value.count >= 3, value.count <= 100, value.trimmingCharacters(in: .whitespacesAndNewlines) == value else {
            throw .apiKeyParam("name", "name must be 3 to 100 characters, with no space at either end.")
        }
        return value
    }

    /// A nullable description of at most 255 characters.
    static func description(_ body: JSONBody, _ key: String) throws(APIFailure) -> String? {
        let value = try body.string(key)
        if let value, value.count > 255 { throw .apiKeyParam(key, "\(key) must be at most 255 characters.") }
        return value
    }

    static func isKeyID(_ id: String) -> Bool {
        id.range(of: #"^(ak|api_key)_[0-9A-Fa-f]{32}$"#, options: .regularExpression) != nil
    }

    static func flag(_ query: FormBody, _ key: String) throws(APIFailure) -> Bool {
        switch query.string(key) {
        case nil, "", "false": return false
        case "true": return true
        default: throw .apiKeyParam(key, "\(key) must be true or false.")
        }
    }

    static func number(_ query: FormBody, _ key: String, default value: Int, in range: ClosedRange<Int>) throws(APIFailure) -> Int {
        guard let text = query.nonEmpty(key) else { return value }
        guard let number = Double(text), number.rounded() == number, let whole = Int(exactly: number), range.contains(whole) else {
            throw .apiKeyParam(key, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return whole
    }
}

/// A JSON object body (clerk-js sends `Content-Type: application/json`); an empty body is an empty object.
struct JSONBody {
    private let object: [String: Any]

    init(_ call: APICall, allowed: Set<String>) throws(APIFailure) {
        guard !call.rawBody.isEmpty else { object = [:]; return }
        guard call.contentType.lowercased().hasPrefix("application/json"),
              let parsed = try? JSONSerialization.jsonObject(with: Data(call.rawBody)), let object = parsed as? [String: Any]
        else { throw .apiKeyParam("body", "The body must be a JSON object.") }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIFailure(.badRequest, "form_param_unknown", "is unknown",
                             long: "\(unknown) is not a valid parameter for this request.", meta: ErrorMeta(paramName: unknown))
        }
        self.object = object
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// A string, or nil when absent or null.
    func string(_ key: String) throws(APIFailure) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw .apiKeyParam(key, "\(key) must be a string.") }
        return text
    }

    /// A number, or nil when absent or null.
    func number(_ key: String) throws(APIFailure) -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard !(value is Bool), let number = (value as? Double) ?? (value as? Int).map(Double.init) else {
            throw .apiKeyParam(key, "\(key) must be a number.")
        }
        return number
    }
}

/// Clerk's errors of the API keys operations; their bad-input answers are 400, as the spec documents them.
extension APIFailure {
    static func apiKeyParam(_ name: String, _ long: String) -> APIFailure {
        APIFailure(.badRequest, "form_param_format_invalid", "is invalid", long: long, meta: ErrorMeta(paramName: name))
    }

    static func apiKeyParamMissing(_ name: String) -> APIFailure {
        APIFailure(.badRequest, "form_param_missing", "is missing", long: "\(name) must be included.", meta: ErrorMeta(paramName: name))
    }

    static let apiKeyNameExists = APIFailure(
        .conflict, "token_creation_conflict", "API Key name already exists.",
        long: "An API key with this name already exists. Choose another name, or revoke the existing key first.")

    static let apiKeyNotFound = APIFailure(.notFound, "resource_not_found", "not found", long: "No API key was found with this id.")

    static let apiKeySubjectNotFound = APIFailure(
        .notFound, "resource_not_found", "not found", long: "No user or organization you may manage has this id.")

    static let apiKeysNotEnabled = APIFailure(
        .forbidden, "feature_not_enabled", "API keys are not enabled",
        long: "API keys for this kind of owner are not enabled on this instance.")
}
