// libFuzzer entry point for the local server's body parsers (`FormBody`, `MultipartBody`), compiled by run.sh
// together with copies of their sources and `Stand-ins.swift`.

/// The first byte picks the parser. Form: the rest is the body, and every accessor runs on every key. Multipart: the
/// first line is the boundary (as `fileBytes()` would take it from `Content-Type`), the rest the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    if selector & 1 == 0 {
        fuzzForm(rest)
    } else {
        fuzzMultipart(rest)
    }
    return 0
}

private func fuzzForm(_ bytes: [UInt8]) {
    guard let form = try? FormBody(bytes: bytes) else { return }
    for key in form.values.keys {
        _ = form.string(key)
        _ = form.nonEmpty(key)
        _ = try? form.required(key)
        _ = try? form.bool(key)
        _ = try? form.jsonObject(key)
    }
}

private func fuzzMultipart(_ bytes: [UInt8]) {
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    let boundary = String(decoding: bytes[..<newline], as: UTF8.self)
    guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return }
    let body = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
    if let part = try? MultipartBody.part(named: "file", in: body, boundary: boundary) {
        precondition(part.startIndex >= body.startIndex && part.endIndex <= body.endIndex)
    }
}
