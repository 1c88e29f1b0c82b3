import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The MS-DOS date and time a zip header holds. The exporter stamps every entry with the case's
/// last write (the manifest's `exported_at`, `BundleWriter.zip`), which ZIPFoundation turns into
/// these two fields in UTC (`Date.fileModificationDateTime`: `gmtime`, the year clamped to
/// 1980...2099, seconds halved); `exporter(exportedAt:)` does the same, so a bundle exported at
/// any instant gives the fields its manifest calls for.
struct ZipDOSTime: Equatable {
    /// Day (bits 0-4), month (5-8), years since 1980 (9-15).
    var date: UInt16
    /// Seconds / 2 (bits 0-4), minute (5-10), hour (11-15).
    var time: UInt16

    /// What the exporter writes for a bundle whose manifest says `exportedAt` (the writer falls
    /// back to 1980-01-01 when the text is not a time).
    static func exporter(exportedAt: String) -> ZipDOSTime {
        of(epochSeconds: BundleWriter.epochSeconds(exportedAt) ?? BundleWriter.fallbackEpochSeconds)
    }

    /// ZIPFoundation's conversion of an instant (0, 0 when `gmtime` cannot break it down).
    static func of(epochSeconds: Int64) -> ZipDOSTime {
        var seconds = time_t(epochSeconds)
        var broken = tm()
        guard gmtime_r(&seconds, &broken) != nil else { return ZipDOSTime(date: 0, time: 0) }
        let year = min(max(Int(broken.tm_year) + 1900, 1980), 2099)
        let date = Int(broken.tm_mday) + (Int(broken.tm_mon) + 1) * 32 + (year - 1980) * 512
        let time = Int(broken.tm_sec) / 2 + Int(broken.tm_min) * 32 + Int(broken.tm_hour) * 2048
        return ZipDOSTime(date: UInt16(truncatingIfNeeded: date), time: UInt16(truncatingIfNeeded: time))
    }

    /// The fields as read, `2026-12-06 08:21:36` (each field as it stands, even when out of range,
    /// so a forged `month 15` shows as such), with their hex values.
    var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = 1980 + Int(date >> 9), month = Int(date >> 5 & 0xF), day = Int(date & 0x1F)
        let hour = Int(time >> 11), minute = Int(time >> 5 & 0x3F), second = Int(time & 0x1F) * 2
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second)) "
            + "(DOS date \(ZipMetadataCheck.hex(UInt32(date), digits: 4)), time \(ZipMetadataCheck.hex(UInt32(time), digits: 4)))"
    }
}
