import Foundation

/// The status line after an export. A re-export never replaces an earlier bundle; when the
/// case has not changed since the earlier one, the new bundle is the same bytes (the
/// manifest's `exported_at` is the case's last write, not the clock: bundles are
/// reproducible), and the line says so rather than leave an old `exported_at` to puzzle over.
enum ExportLine {
    /// `done` is the backend's line (`exported case-0001 as case-0001-2.zip: 7 files, signed;
    /// in DIR`, any warning before `in`); `file` the new bundle's name; `earlier` the bundle exported before it, if any.
    /// Either way the earlier bundle is said right after the new one's name: a narrow status
    /// line cuts the end (a trial's 80 columns lost `earlier case-0001-2.zip kept` after the folder).
    static func line(done: String, file: String, earlier: String?, sameBytes: Bool) -> String {
        guard let earlier, let range = done.range(of: file + ": ") else { return done }
        return done.replacingCharacters(
            in: range, with: sameBytes ? file + ": same bytes as \(earlier) (the case is unchanged; exported_at is its last write's time); "
                : file + " (\(earlier) kept): ")
    }

    /// True when the two files hold the same bytes (false when either cannot be read).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        FileManager.default.contentsEqual(atPath: a, andPath: b)
    }
}
