import CMaxMindDB
import Foundation

/// Where an address is, from a MaxMind-format database (GeoLite2 City, DB-IP's City Lite, …) read with libmaxminddb.
/// Lookups only read the memory-mapped file, so one database serves every request at once.
public final class GeoIPDatabase: @unchecked Sendable {
    /// A city and a country, by their English names, as Clerk's session activity carries them.
    public struct Place: Sendable, Equatable {
        public var city: String?
        public var country: String?
    }

    private var mmdb = MMDB_s()

    /// Opens the database at `path`; a missing or unreadable file is an error naming it.
    public init(path: String) throws {
        let status = MMDB_open(path, UInt32(MMDB_MODE_MMAP), &mmdb)
        guard status == MMDB_SUCCESS else {
            throw GeoIPError(path: path, reason: String(cString: MMDB_strerror(status)))
        }
    }

    deinit { MMDB_close(&mmdb) }

    /// The place of `address`, or nil when the database does not know it (or it is not an IP address).
    public func place(of address: String) -> Place? {
        var resolverError: Int32 = 0, databaseError: Int32 = 0
        var result = MMDB_lookup_string(&mmdb, address, &resolverError, &databaseError)
        guard resolverError == 0, databaseError == MMDB_SUCCESS, result.found_entry else { return nil }
        let place = Place(city: Self.englishName(&result.entry, "city"), country: Self.englishName(&result.entry, "country"))
        return place.city == nil && place.country == nil ? nil : place
    }

    /// `<key>.names.en`, the layout of MaxMind's City databases.
    private static func englishName(_ entry: inout MMDB_entry_s, _ key: String) -> String? {
        var data = MMDB_entry_data_s()
        let found: Bool = key.withCString { keyPointer in
            "names".withCString { namesPointer in
                "en".withCString { languagePointer in
                    var path: [UnsafePointer<CChar>?] = [keyPointer, namesPointer, languagePointer, nil]
                    return MMDB_aget_value(&entry, &data, &path) == MMDB_SUCCESS
                }
            }
        }
        guard found, data.has_data, data.type == UInt32(MMDB_DATA_TYPE_UTF8_STRING), let bytes = data.utf8_string else {
            return nil
        }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: Int(data.data_size))
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// A GeoIP database that could not be opened.
public struct GeoIPError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot open the GeoIP database \(path): \(reason)" }
}
