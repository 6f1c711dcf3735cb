import Foundation
import FrontendAPI

/// A profile image or organization logo read from disk, checked the way Clerk checks uploads: at most 10 MB, and a
/// JPEG, PNG, GIF or WebP image by its content (not its file name).
enum ImageFile {
    static let maximumBytes = 10 * 1024 * 1024

    static func read(_ path: String) throws(PortalFailure) -> (data: Data, contentType: String) {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else {
            throw failure("form_param_invalid", "Image not found", "There is no file at \(path).")
        }
        guard size <= maximumBytes else {
            throw failure("avatar_file_size_exceeded", "File size exceeds the maximum limit of 10MB.",
                          "File size exceeds the maximum limit of 10MB.")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw failure("form_param_invalid", "Image unreadable", "The file at \(path) could not be read.")
        }
        guard let type = contentType(of: data) else {
            throw failure("avatar_file_type_invalid", "File type not supported.",
                          "File type not supported. Please upload a JPG, PNG, GIF, or WEBP image.")
        }
        return (data, type)
    }

    /// The image type from the file's magic bytes.
    static func contentType(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count == 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        return nil
    }

    private static func failure(_ code: String, _ message: String, _ long: String) -> PortalFailure {
        .api(status: 422, errors: [ClerkAPIError(code: code, message: message, longMessage: long,
                                                  meta: ErrorMeta(paramName: "file"))])
    }
}
