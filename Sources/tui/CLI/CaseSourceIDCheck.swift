import Investigate

/// `case tag`'s check of the account ids it is given against the folder named with `--source`,
/// else the case's recorded source (the folder and fingerprint `case new --source` or the
/// console kept): ids that source's accounts
/// files do not list are named on stderr, escaped for display. The tag is stored all the same:
/// an account of another source may be tagged on purpose, and the export proposes no ban or
/// suspension for an account its source does not hold (`AccountsCSVFile.proposalNotInSource`).
/// Only the accounts files are read (`SourceAccountIDs`), never the queries: a source of ten
/// million queries is not loaded to catch a typo. A case that keeps no source is not checked.
enum CaseSourceIDCheck {
    /// What the check found.
    enum Finding: Equatable {
        /// Every id is listed, the case keeps no source, or no account id was given.
        case nothing
        /// These ids (in the order given) are not listed in the folder at `path`; `changed` when
        /// it holds other files than those the case was opened on.
        case absent([ExactText], path: String, changed: Bool)
        /// These ids (in the order given) are not listed in the folder the command named with
        /// `--source` (checked instead of the recorded source: the one the investigator means).
        case absentFromGiven([ExactText], path: String)
        /// The recorded source could not be read, so nothing was checked.
        case unchecked(path: String, reason: String)
    }

    /// Checks `ids` against the accounts files of the folder given with `--source`, when there is
    /// one, else of `recorded`'s folder.
    static func check(_ ids: [ExactText], recorded: CaseSource?, given: String? = nil) -> Finding {
        if let given, !ids.isEmpty {
            do {
                let absent = try SourceAccountIDs.absent(ids, from: try SourceFiles(directory: given))
                return absent.isEmpty ? .nothing : .absentFromGiven(absent, path: given)
            } catch let failure as LoadFailure {
                return .unchecked(path: given, reason: failure.description)
            } catch {
                return .unchecked(path: given, reason: "\(error)")
            }
        }
        guard let recorded, !ids.isEmpty else { return .nothing }
        do {
            let files = try SourceFiles(directory: recorded.path)
            let absent = try SourceAccountIDs.absent(ids, from: files)
            guard !absent.isEmpty else { return .nothing }
            return .absent(absent, path: recorded.path, changed: recorded.match(CaseSource(files: files)) != .same)
        } catch let failure as LoadFailure {
            return .unchecked(path: recorded.path, reason: failure.description)
        } catch {
            return .unchecked(path: recorded.path, reason: "\(error)")
        }
    }

    /// How many ids a message names before `...`.
    static let named = 5

    /// The stderr lines for a finding (none for `.nothing`).
    static func lines(_ finding: Finding, caseID: String, label: String) -> [String] {
        switch finding {
        case .nothing:
            return []
        case .unchecked(let path, let reason):
            return [
                "investigate: note: the account ids were not checked against \(inert(caseID))'s source \(inert(path)): \(inertMessage(reason))"
            ]
        case .absent(let ids, let path, let changed):
            let folder = changed ? "the files now in \(inert(caseID))'s source folder \(inert(path)) (changed since the case was opened)"
                : "\(inert(caseID))'s source \(inert(path))"
            return [absentLine(ids, folder: folder, caseID: caseID, label: label)]
        case .absentFromGiven(let ids, let path):
            return [absentLine(ids, folder: "the source \(inert(path)) given with --source", caseID: caseID, label: label)]
        }
    }

    /// The warning naming `ids`, absent from `folder`.
    private static func absentLine(_ ids: [ExactText], folder: String, caseID: String, label: String) -> String {
        "investigate: warning: \(Format.plural(ids.count, "account id")) \(ids.count == 1 ? "is" : "are") not in \(folder): "
            + list(ids) + "; tagged all the same (an account of another source may be tagged on purpose; the export "
            + "proposes review, never a ban or suspension, for an account its source does not hold); a mistyped id is "
            + "taken back with: investigate case untag \(inert(caseID)) \(inert(label)) -- ID"
    }

    /// `acct_TYPO2, acct_x\x1b ... (7 in all)`: the first few ids, escaped for display.
    static func list(_ ids: [ExactText]) -> String {
        ids.prefix(named).map(\.display).joined(separator: ", ") + (ids.count > named ? ", ... (\(ids.count) in all)" : "")
    }
}
