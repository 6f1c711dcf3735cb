/// Why a form body or query string could not be read. The server answers these with a 4xx in Clerk's
/// error shape; `paramName` feeds `meta.param_name`.
public enum FormDecodingError: Error, Equatable, Sendable {
    /// A `%` not followed by two hex digits, at this byte offset.
    case malformedPercentEscape(offset: Int)
    /// A decoded name or value is not valid UTF-8; the component starts at this byte offset.
    case invalidUTF8(offset: Int)
    /// The parameter is present but not of the expected kind (`boolean`, `integer`, `JSON object`).
    case invalidValue(name: String, expected: String)

    /// The offending parameter, when known.
    public var paramName: String? {
        if case .invalidValue(let name, _) = self { name } else { nil }
    }
}
