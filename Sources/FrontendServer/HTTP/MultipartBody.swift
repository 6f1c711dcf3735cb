/// Just enough of RFC 7578 to take one named part out of a `multipart/form-data` body.
enum MultipartBody {
    static func part(named name: String, in body: [UInt8], boundary: String) throws(APIFailure) -> ArraySlice<UInt8> {
        let delimiter = Array(("--" + boundary).utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var start = 0
        while let found = body[start...].firstRange(of: delimiter) {
            let partStart = found.upperBound
            guard let headersEnd = body[partStart...].firstRange(of: headerEnd) else { break }
            let headers = String(decoding: body[partStart..<headersEnd.lowerBound], as: UTF8.self).lowercased()
            let contentStart = headersEnd.upperBound
            guard let next = body[contentStart...].firstRange(of: Array(("\r\n--" + boundary).utf8)) else { break }
            if headers.contains("name=\"\(name)\"") { return body[contentStart..<next.lowerBound] }
            start = next.lowerBound + 2
        }
        throw APIFailure.paramMissing(name)
    }
}
