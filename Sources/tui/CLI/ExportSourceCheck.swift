import Investigate

/// `export`'s check of the source it is given against the one the case was opened on: a bundle
/// holds what the given folder holds now, so one exported from another folder, or from the
/// case's folder after its files changed, is said to be so before it is written (a trial
/// exported from a folder holding planted prompts, with no word). The bundle's manifest names
/// the files it was made from either way; a case that keeps no source is not checked.
enum ExportSourceCheck {
    /// The warning line for exporting `caseID`, opened on `recorded`, from `current`; nil when
    /// they are the same files or the case keeps no source.
    static func warning(caseID: String, recorded: CaseSource?, current: CaseSource) -> String? {
        guard let recorded else { return nil }
        let what: String
        switch recorded.match(current) {
        case .same: return nil
        case .changed:
            what = "its source folder \(inert(recorded.path)) holds other files than when the case was opened"
        case .other:
            what = "it was opened on another source, \(inert(recorded.path))"
        }
        return "investigate: warning: \(inert(caseID)): \(what); the bundle holds what \(inert(current.path)) holds now "
            + "(its manifest names those files), and cluster tags made on the case's own source are not read against it"
    }
}
