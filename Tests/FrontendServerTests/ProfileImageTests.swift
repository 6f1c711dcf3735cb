import Foundation
import Testing
@testable import FrontendServer

@Suite("/v1/me/profile_image over HTTP")
struct ProfileImageTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)

    static func multipart(_ bytes: [UInt8], field: String = "file", boundary: String = "XyZ-boundary") -> (Data, [String: String]) {
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
        body.append(contentsOf: bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (body, ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }

    @Test func uploadServeReplaceAndDelete() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "avatar@example.com")
            let (body, headers) = Self.multipart(Self.png)
            let uploaded = try await client.send("POST", "/v1/me/profile_image", headers: headers, rawBody: body)
            try #require(uploaded.status == 200, "\(String(decoding: uploaded.data, as: UTF8.self))")
            #expect(uploaded.response["object"] as? String == "image")
            let url = try #require(uploaded.response["public_url"] as? String)
            let me = try await client.send("GET", "/v1/me")
            #expect(me.response["image_url"] as? String == url)
            #expect(me.response["has_image"] as? Bool == true)

            let path = String(url.dropFirst(server.server.baseURL.count))
            let served = try await client.send("GET", path, native: false)
            #expect(served.status == 200)
            #expect(served.header("Content-Type") == "image/png")
            #expect(Array(served.data) == Self.png)

            let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 50)
            let replaced = try await client.send("POST", "/v1/me/profile_image", headers: ["Content-Type": "application/octet-stream"],
                                                 rawBody: Data(Data(jpeg).base64EncodedString().utf8))
            #expect(replaced.status == 200)
            #expect(try await client.send("GET", path, native: false).status == 404, "the replaced image is gone")

            let deleted = try await client.send("DELETE", "/v1/me/profile_image")
            #expect(deleted.response["deleted"] as? Bool == true)
            #expect((try await client.send("GET", "/v1/me")).response["has_image"] as? Bool == false)
            #expect(try await client.send("DELETE", "/v1/me/profile_image").status == 404)
        }
    }

    @Test func rejectsWhatIsNotAnImageTooLargeOrUnauthenticated() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "bad-avatar@example.com")
            let (text, headers) = Self.multipart(Array("<svg onload=alert(1)>".utf8))
            let notImage = try await client.send("POST", "/v1/me/profile_image", headers: headers, rawBody: text)
            #expect(notImage.status == 422)
            #expect(notImage.errorMeta["param_name"] as? String == "file")
            let (wrongField, wrongHeaders) = Self.multipart(Self.png, field: "avatar")
            #expect(try await client.send("POST", "/v1/me/profile_image", headers: wrongHeaders, rawBody: wrongField).errorCode
                    == "form_param_missing")
            let (huge, hugeHeaders) = Self.multipart(Self.png + Array(repeating: 0, count: ProfileImages.maxBytes + 70 * 1024))
            #expect(try await client.send("POST", "/v1/me/profile_image", headers: hugeHeaders, rawBody: huge).status == 413)
            #expect(try await client.send("GET", "/v1/images/..%2Fdata-key", native: false).status == 404)
            #expect(try await client.send("GET", "/v1/images/img_nothing.png", native: false).status == 404)
            let (body, okHeaders) = Self.multipart(Self.png)
            #expect(try await NativeClient(server).send("POST", "/v1/me/profile_image", headers: okHeaders, rawBody: body).status == 401)
            #expect((try await client.send("GET", "/v1/me")).response["has_image"] as? Bool == false, "nothing was stored")
        }
    }
}
