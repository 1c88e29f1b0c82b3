import Foundation
import Investigate

/// Where the console was (the navigation stack with cursors, and the marks), saved on quit,
/// SIGHUP and SIGTERM and restored on the next start for the same source folder.
///
/// The file is plain text, one sheet per line (`cluster 3 12` = kind, argument, cursor), then
/// `mark KEY` lines; first of all `open-case ID`: the case the investigator was writing to, reopened so
/// that tags never drift to whichever case is newest in a shared store. Account ids and shared
/// values are written as the base64 of their exact bytes (`account64 dTA0Nzcx 0`,
/// `value64 ip:MjAzLjAuMTEzLjc= 0`): an id holding a space, a control, a bidi override or invalid
/// UTF-8 comes back as itself, never as a look-alike whose real id is its escaped form. A cluster
/// is saved by what it holds (`cluster64 3:HASH:ANCHOR64`, `SessionClusterIdentity`), so a source
/// that changed since never reopens another cluster under the number the investigator opened.
enum Session {
    /// The session file for a source folder (`$XDG_STATE_HOME/investigate/` or
    /// `~/.local/state/investigate/`), or nil without a home.
    static func path(for directory: String, environment: [String: String]) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return base + "/investigate/console-" + String(hash, radix: 16) + ".session"
    }

    /// Writes the session text to `path`, owner-only: the folder is created mode 0700 and the
    /// file written atomically with mode 0600 (it names the case and the accounts looked at).
    /// - Throws: when the folder or the file cannot be written.
    static func save(_ text: String, to path: String) throws {
        let folder = AtomicFile.parentFolder(of: path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// The text saved for a state.
    static func encode(_ state: AppState) -> String {
        guard let model = state.data?.model else { return "" }
        var lines: [String] = []
        if let id = state.caseState.id { lines.append("open-case " + id) }
        for sheet in state.stack {
            let cursor = " \(sheet.cursor)"
            switch sheet.kind {
            case .triage: lines.append("triage -" + cursor)
            case .cluster(let n):
                lines.append(SessionClusterIdentity.encode(n, model: model).map { "cluster64 " + $0 } ?? "cluster \(n)")
                lines[lines.count - 1] += cursor
            case .account(let a): lines.append("account64 " + model.exactAccountID(a).base64 + cursor)
            case .sharedValue(let kind, let v): lines.append("value64 \(kind.rawValue):" + model.exactValue(kind, v).base64 + cursor)
            case .queries(.account(let a)): lines.append("queries-account64 " + model.exactAccountID(a).base64 + cursor)
            case .queries(.cluster(let c)):
                lines.append(SessionClusterIdentity.encode(c, model: model).map { "queries-cluster64 " + $0 } ?? "queries-cluster \(c)")
                lines[lines.count - 1] += cursor
            case .caseFile: lines.append("case -" + cursor)
            case .singles: lines.append("singles -" + cursor)
            }
        }
        lines += state.marks.map { "mark " + $0 }  // in the order marked
        return lines.joined(separator: "\n") + "\n"
    }

    /// Restores a saved stack onto a freshly loaded state; a sheet that no longer resolves ends
    /// the restore there, and the status line says how many of the saved sheets came back. A
    /// saved open case comes back as an effect (the case store opens it).
    static func restore(_ text: String, into state: AppState) -> Step {
        guard let model = state.data?.model else { return Step(state: state, effects: []) }
        var s = state
        var effects: [Effect] = []
        var stack: [Sheet] = []
        var saved = 0
        var stopped = false
        var changedCluster: Int?  // the saved number of the first cluster no longer the same
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            if parts.first == "mark", parts.count >= 2 {
                s.marks.insert(parts.dropFirst().joined(separator: " "))
                continue
            }
            if parts.first == "open-case", parts.count == 2 {
                AppUpdate.openCase(&s, &effects, id: parts[1])
                continue
            }
            guard parts.count == 3, let cursor = Int(parts[2]) else { continue }
            saved += 1
            if stopped { continue }
            let arg = parts[1]
            var kind: SheetKind?
            switch parts[0] {
            case "account64": kind = ExactText(base64: arg).flatMap { model.accountIndex(exact: $0) }.map { .account($0) }
            case "queries-account64":
                kind = ExactText(base64: arg).flatMap { model.accountIndex(exact: $0) }.map { .queries(.account($0)) }
            case "value64": kind = exactValueSheet(arg, model: model)
            case "triage": kind = .triage
            case "cluster64", "queries-cluster64":
                // A cluster whose accounts changed is dropped, not stopped at: the sheets after it
                // (an account by its exact id) still hold, and the status line says what changed.
                guard let number = SessionClusterIdentity.resolve(arg, model: model) else {
                    changedCluster = changedCluster ?? SessionClusterIdentity.savedNumber(arg) ?? 0
                    continue
                }
                kind = parts[0] == "cluster64" ? .cluster(number) : .queries(.cluster(number))
            case "cluster": kind = Int(arg).flatMap { model.cluster($0) != nil ? .cluster($0) : nil }
            case "account": kind = model.accountIndex(arg).map { .account($0) }
            case "queries-account": kind = model.accountIndex(arg).map { .queries(.account($0)) }
            case "queries-cluster": kind = Int(arg).map { .queries(.cluster($0)) }
            case "case": kind = .caseFile
            case "singles": kind = .singles
            case "value":
                let kv = arg.split(separator: "=", maxSplits: 1).map(String.init)
                if kv.count == 2, let k = LinkKind(name: kv[0]), let id = model.valueID(k, kv[1]) { kind = .sharedValue(k, id) }
            default: break
            }
            guard let kind else { stopped = true; continue }
            var sheet = Sheet(kind)
            sheet.cursor = cursor
            stack.append(sheet)
        }
        guard stack.first?.kind == .triage else { return Step(state: s, effects: effects) }
        s.stack = stack
        for depth in s.stack.indices { AppUpdate.clampCursor(&s, depth: depth) }
        if let changedCluster {
            s.status = "the source changed since your last session: cluster c\(changedCluster) no longer holds "
                + "the accounts you opened; "
                + (stack.count == 1 ? "reopened at triage" : "restored \(stack.count) of \(saved) sheets")
        } else {
            s.status = stack.count == saved
            ? "restored where you were (\(Format.plural(stack.count, "sheet")))"
            : "restored where you were (\(stack.count) of \(saved) sheets; the next is not in this source)"
        }
        // Marks outlive a session, and `t` tags them rather than the row under the cursor: say
        // they came back, so a forgotten selection is not tagged by mistake.
        if !s.marks.isEmpty {
            // Short: "; case-0001 open" follows on an 80-column line.
            s.status += "; \(Format.plural(s.marks.count, "mark")) kept (t tags \(s.marks.count == 1 ? "it" : "them"))"
        }
        return Step(state: s, effects: effects)
    }

    /// The shared-value sheet of a `value64` argument (`KIND:BASE64`), or nil.
    private static func exactValueSheet(_ arg: String, model: any ConsoleModel) -> SheetKind? {
        let kv = arg.split(separator: ":", maxSplits: 1).map(String.init)
        guard kv.count == 2, let kind = LinkKind(name: kv[0]), let bytes = ExactText(base64: kv[1]),
              let value = model.valueID(kind, exact: bytes) else { return nil }
        return .sharedValue(kind, value)
    }
}
