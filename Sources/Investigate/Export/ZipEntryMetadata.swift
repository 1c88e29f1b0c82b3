/// What an entry's headers carry besides its name, sizes, method and data: the bytes a
/// repacked archive can fill with anything (comments, extra fields), the permissions an
/// extractor applies, and the fields a writer sets (versions, local flags, dates). Held to what the exporter's own writer (`BundleWriter.zip`, through
/// ZIPFoundation) writes by `ZipMetadataCheck`.
struct ZipEntryMetadata: Equatable {
    /// One extra field the exporter does not write: its header id and data length.
    struct ExtraField: Equatable {
        var id: UInt16
        var bytes: Int
        /// Why it is not the exporter's, when its id alone does not say (a zip64 field of the wrong length).
        var note: String? = nil
    }

    /// The central directory's "version made by" (the exporter's writer: 0x0315, Unix, spec 2.1).
    var versionMadeBy: UInt16 = 0
    /// "Version needed to extract", central directory and local header.
    var versionNeeded: UInt16 = 0
    var localVersionNeeded: UInt16 = 0
    /// True when the local header gives its sizes as 0xFFFFFFFF (in a zip64 field): the writer
    /// then says version 4.5 is needed, else 2.0.
    var localSizesInZip64 = false
    /// The local header's general-purpose flags (the central directory's are `ZipEntry.flags`).
    var localFlags: UInt16 = 0
    /// The last-modified date and time, central directory and local header.
    var modified = ZipDOSTime(date: 0, time: 0)
    var localModified = ZipDOSTime(date: 0, time: 0)
    /// The central directory's external attributes (Unix mode in the high 16 bits).
    var externalAttributes: UInt32 = 0
    /// The central directory's internal attributes.
    var internalAttributes: UInt16 = 0
    /// The entry comment's length and its first bytes (for the message; never all of it).
    var commentBytes = 0
    var commentStart: [UInt8] = []
    /// Extra fields in the central directory other than a zip64 field of exactly the length its
    /// header's 0xFFFFFFFF values call for.
    var centralExtra: [ExtraField] = []
    /// The same for the local header.
    var localExtra: [ExtraField] = []

    /// How many bytes of a comment are kept for the message.
    static let shownBytes = 120

    /// The fields of an extra area that are not a zip64 field of `zip64Bytes` data bytes (the
    /// count the header's 0xFFFFFFFF values call for). The area must already parse whole
    /// (`ZipDirectory.zip64Field` throws otherwise).
    static func foreignFields(_ extra: [UInt8], zip64Bytes: Int) -> [ExtraField] {
        var r = LittleEndianReader(extra, what: "")
        var out: [ExtraField] = []
        while r.remaining >= 4, let id = try? r.u16(), let size = try? r.u16(), (try? r.skip(Int(size))) != nil {
            if id == 0x0001 {
                if Int(size) != zip64Bytes {
                    out.append(ExtraField(id: id, bytes: Int(size), note: "zip64, where the header calls for \(zip64Bytes) bytes"))
                }
            } else {
                out.append(ExtraField(id: id, bytes: Int(size)))
            }
        }
        return out
    }

    /// The zip64 data bytes a header calls for: 8 for each of `values` that is 0xFFFFFFFF, and 4
    /// for a disk number of 0xFFFF.
    static func zip64Bytes(_ values: [UInt32], disk: UInt16? = nil) -> Int {
        8 * values.filter { $0 == 0xFFFF_FFFF }.count + (disk == 0xFFFF ? 4 : 0)
    }
}
