import CCurl
import Foundation

/// A libcurl easy handle plus its error buffer, reused across transfers (kept in a pool by the loop).
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?

    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_slist_free_all(headerList)
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failure, or its generic text for `code`.
    func errorMessage(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    var responseCode: Int {
        var code = 0
        _ = ccurl_easy_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Resets the handle and sets every option for `transfer`.
    func configure(for transfer: CurlTransfer, options: TransportOptions) {
        curl_easy_reset(raw)
        curl_slist_free_all(headerList)
        headerList = nil
        errorBuffer[0] = 0
        let request = transfer.request

        setString(CURLOPT_URL, request.url.absoluteString)
        setLong(CURLOPT_NOSIGNAL, 1)
        setString(CURLOPT_PROTOCOLS_STR, "http,https")
        setLong(CURLOPT_FOLLOWLOCATION, 0)
        setLong(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        setLong(CURLOPT_SSL_VERIFYPEER, 1)
        setLong(CURLOPT_SSL_VERIFYHOST, 2)
        setLong(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.milliseconds)
        setLong(CURLOPT_TIMEOUT_MS, options.totalTimeout.milliseconds)
        setLong(CURLOPT_TCP_KEEPALIVE, 1)
        setString(CURLOPT_ACCEPT_ENCODING, "")
        setString(CURLOPT_USERAGENT, options.userAgent)
        if let host = request.url.host, TransportOptions.isLoopback(host) {
            // The embedded server is never behind the user's proxy.
            setString(CURLOPT_NOPROXY, "*")
        }
        _ = ccurl_easy_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)

        switch request.method {
        case .get:
            setLong(CURLOPT_HTTPGET, 1)
        case .post:
            setLong(CURLOPT_POST, 1)
        case .put, .patch, .delete:
            setString(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        if let body = request.body {
            // COPYPOSTFIELDS copies the bytes, so the Data need not outlive this call.
            _ = ccurl_easy_setopt_offset(raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { bytes in
                _ = ccurl_easy_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(errorBuffer))
            }
        } else if request.method == .post {
            _ = ccurl_easy_setopt_offset(raw, CURLOPT_POSTFIELDSIZE_LARGE, 0)
        }

        // An empty "Expect:" stops libcurl from waiting for 100-continue on larger bodies.
        var list = curl_slist_append(nil, "Expect:")
        for field in request.headers {
            list = curl_slist_append(list, "\(field.name): \(field.value)")
        }
        headerList = list
        _ = ccurl_easy_setopt_pointer(raw, CURLOPT_HTTPHEADER, list)

        let context = Unmanaged.passUnretained(transfer).toOpaque()
        _ = ccurl_easy_setopt_write_function(raw, CURLOPT_WRITEFUNCTION, receiveBody)
        _ = ccurl_easy_setopt_pointer(raw, CURLOPT_WRITEDATA, context)
        _ = ccurl_easy_setopt_write_function(raw, CURLOPT_HEADERFUNCTION, receiveHeader)
        _ = ccurl_easy_setopt_pointer(raw, CURLOPT_HEADERDATA, context)
    }

    private func setLong(_ option: CURLoption, _ value: Int) {
        _ = ccurl_easy_setopt_long(raw, option, value)
    }

    private func setString(_ option: CURLoption, _ value: String) {
        _ = ccurl_easy_setopt_string(raw, option, value)
    }
}

private let receiveBody: curl_write_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    return length
}

private let receiveHeader: curl_write_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    transfer.receiveHeaderLine(Substring(decoding: bytes, as: UTF8.self))
    return length
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl treats 0 as "no timeout").
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
