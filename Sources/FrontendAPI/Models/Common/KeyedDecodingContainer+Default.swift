extension KeyedDecodingContainer {
    /// Decodes the value for `key`, or returns `fallback` when the key is missing or `null`.
    /// Used for fields that FAPI always sends but whose absence is harmless to a client.
    func decode<T: Decodable>(_ key: Key, default fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}
