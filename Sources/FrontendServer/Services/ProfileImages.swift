import Foundation
import FrontendAPI
import SQLKit

/// `POST|DELETE /v1/me/profile_image` and `GET /v1/images/{name}`: one image per user, PNG, JPEG, GIF or WebP up
/// to 10 MiB, stored as a file in the data directory and served back at the user's `image_url`.
struct ProfileImages: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }

    static let maxBytes = 10 * 1_048_576

    /// The image types accepted, recognised by their first bytes (the declared type is not trusted).
    enum Kind: String, CaseIterable {
        case png, jpeg, gif, webp

        init?(sniffing bytes: ArraySlice<UInt8>) {
            let head = Array(bytes.prefix(12))
            if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
            else if head.starts(with: [0xFF, 0xD8, 0xFF]) { self = .jpeg }
            else if head.starts(with: Array("GIF8".utf8)) { self = .gif }
            else if head.count == 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { self = .webp }
            else { return nil }
        }

        var mimeType: String { "image/" + rawValue }
    }

    func upload() async throws -> Reply {
        let stored = try await storeUpload()
        do {
            return try await instance.database.write { db in
                var (_, user, client) = try await me.context(in: db)
                let previous = user.imageFile
                user.imageFile = stored.name
                user.updatedAt = instance.nowMS
                try await user.save(in: db)
                if let previous { try await instance.images.remove(previous, in: db) }
                return try await exchange.envelope(ProfileImage(id: stored.id, name: stored.name,
                                                                publicURL: instance.issuer + "/v1/images/" + stored.name),
                                                   client: client, in: db)
            }
        } catch {
            await instance.images.discard(stored.name)
            throw error
        }
    }

    /// An uploaded image stored, not yet referenced by any row.
    struct StoredImage {
        let id: String
        let name: String
    }

    /// Reads the request's image (`file` part or octet-stream body), checks its type by content and stores it under a
    /// fresh name. Profile images and organization logos share this.
    func storeUpload() async throws -> StoredImage {
        let bytes = try fileBytes()
        guard !bytes.isEmpty else { throw APIFailure.paramMissing("file") }
        guard let kind = Kind(sniffing: bytes) else {
            throw APIFailure.paramInvalid("file", "The image must be a PNG, JPEG, GIF or WebP file.")
        }
        let id = "img_" + RandomToken.base62(27)
        let name = id + "." + kind.rawValue
        try await instance.images.save(bytes, name: name, now: instance.nowMS)
        return StoredImage(id: id, name: name)
    }

    func delete() async throws -> Reply {
        try await instance.database.write { db in
            var (_, user, client) = try await me.context(in: db)
            guard let name = user.imageFile else { throw APIFailure.notFound("Profile image") }
            user.imageFile = nil
            user.updatedAt = instance.nowMS
            try await user.save(in: db)
            try await instance.images.remove(name, in: db)
            let id = String(name.prefix { $0 != "." })
            return try await exchange.envelope(DeletedObject(object: "image", id: id), client: client, in: db)
        }
    }

    /// The stored bytes of `name`, with their type; names are exactly what `upload` creates.
    static func read(_ name: String, instance: FrontendInstance) async throws -> (Data, String) {
        let parts = name.split(separator: ".")
        guard parts.count == 2, parts[0].hasPrefix("img_"), parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
              let kind = Kind(rawValue: String(parts[1])),
              let data = try await instance.images.load(name) else {
            throw APIFailure.notFound("Image")
        }
        return (data, kind.mimeType)
    }

    /// The `file` part of a multipart body, or the whole body for `application/octet-stream` (raw or base64).
    private func fileBytes() throws -> ArraySlice<UInt8> {
        let call = exchange.call
        let type = call.contentType.lowercased()
        if type.hasPrefix("application/octet-stream") {
            let text = String(decoding: call.rawBody, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if Kind(sniffing: call.rawBody[...]) == nil, let decoded = Data(base64Encoded: text) { return Array(decoded)[...] }
            return call.rawBody[...]
        }
        guard type.hasPrefix("multipart/form-data"), type.contains("boundary="),
              let boundary = call.contentType.components(separatedBy: "boundary=").last?
                .trimmingCharacters(in: CharacterSet(charactersIn: "\" ")), !boundary.isEmpty else {
            throw APIFailure(.badRequest, "malformed_request", "Malformed request",
                             long: "Send the image as multipart/form-data (field \"file\") or application/octet-stream.")
        }
        return try MultipartBody.part(named: "file", in: call.rawBody, boundary: boundary)
    }
}

/// Clerk's `image` object, returned by a profile-image upload.
struct ProfileImage: Codable, Sendable, Equatable {
    var object = "image"
    let id: String
    let name: String
    let publicURL: String

    enum CodingKeys: String, CodingKey {
        case object, id, name, publicURL = "public_url"
    }
}
