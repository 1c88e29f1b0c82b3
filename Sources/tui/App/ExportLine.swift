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

    /// The status line's wordings after an export, fullest first (`AppState.statusWordings`:
    /// the first that fits the screen is said). The fullest is `line`'s, the warnings whole
    /// before the folder, the folder last with `~` for `home`; where it does not fit (80 columns
    /// cut the folder, so the bundle could not be found to verify), the bundle's whole path comes
    /// next, `~` for `home`, with what it holds and what it says of the earlier bundle shorter
    /// and shorter (`exported ~/.local/share/investigate/exports/case-0001-3.zip (earlier
    /// kept)`). With warnings, each shorter wording says how many and that `:warnings` opens
    /// them whole (a trial's 80 columns read `...signed; warning: 35 accounts of…`, neither the
    /// warning nor the bundle's path readable); the last but one keeps the path and drops the
    /// count (`; see :warnings`), the last names the file alone.
    static func wordings(done: String, warnings: [String] = [], path: String, earlier: String?, sameBytes: Bool,
                         home: String?) -> [String] {
        let file = (path as NSString).lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        var full = line(done: said(warnings, in: done), file: file, earlier: earlier, sameBytes: sameBytes)
        if full.hasSuffix("; in " + folder) { full = String(full.dropLast(folder.count)) + tilde(folder, home: home) }
        guard done.hasPrefix("exported ") else { return [full] }
        let shorter = shorterWordings(done: done, path: path, earlier: earlier, sameBytes: sameBytes, home: home)
        guard !warnings.isEmpty else { return [full] + shorter }
        let count = Format.plural(warnings.count, "warning")
        let shown = "exported " + tilde(path, home: home)
        return [full] + shorter.map { $0 + "; \(count): :warnings reads \(warnings.count == 1 ? "it" : "them")" }
            + [shown + "; \(count): :warnings", shown + "; see :warnings", "exported \(file); its path and \(count): :warnings"]
    }

    /// `done` with the warnings said whole before its folder (`...signed; warning: A; B; in DIR`).
    static func said(_ warnings: [String], in done: String) -> String {
        guard !warnings.isEmpty else { return done }
        let text = "; warning: " + warnings.joined(separator: "; ")
        guard let folder = done.range(of: "; in ", options: .backwards) else { return done + text }
        return String(done[..<folder.lowerBound]) + text + String(done[folder.lowerBound...])
    }

    /// The wordings after the fullest, without warnings: the bundle's whole path first.
    private static func shorterWordings(done: String, path: String, earlier: String?, sameBytes: Bool, home: String?) -> [String] {
        let file = (path as NSString).lastPathComponent
        let shown = "exported " + tilde(path, home: home)
        // What the bundle holds (`11 files, signed`), between the name and the folder.
        let what = done.range(of: file + ": ").flatMap { name in
            done[name.upperBound...].range(of: "; in ").map { String(done[name.upperBound..<$0.lowerBound]) }
        }
        let holds = what.map { [shown + ": " + $0] } ?? []
        guard let earlier else { return holds + [shown + " (signed)", shown] }
        return sameBytes
            ? [shown + ": same bytes as \(earlier) (the case is unchanged; exported_at is its last write's time)",
               shown + ": same bytes as \(earlier) (the case is unchanged)", shown + ": same bytes as \(earlier)",
               shown + " (same bytes)", shown]
            : (what.map { [shown + " (\(earlier) kept): " + $0] } ?? [])
                + [shown + " (\(earlier) kept)", shown + " (earlier kept)", shown]
    }

    /// `path` with `~` for `home` when it is under it.
    static func tilde(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// True when the two files hold the same bytes (false when either cannot be read).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        FileManager.default.contentsEqual(atPath: a, andPath: b)
    }
}
