/// `stix21.json` held to the replayed case: its `user-account` objects are, one each and byte
/// for byte, what the exporter writes for the case's accounts (`STIXFile.userAccount`), and
/// nothing else names an account (every relationship starts at one of them); the groupings
/// are named with the replayed title and together hold every account; the bundle id is the one of the
/// manifest's case and audit head; the `identity` is the manifest's investigator.
enum BundleSTIXCheck {
    static let file = "stix21.json"

    /// What differs, one line each (empty when the file holds).
    static func problems(_ bytes: [UInt8], _ facts: BundleCaseFacts, investigator: String?, auditHead: String?) -> [String] {
        guard let bundle = try? JSONValue.parse(bytes), case .array(let objects)? = bundle["objects"] else {
            return ["\(file): not a JSON object with a list of objects"]
        }
        var problems: [String] = []
        var named: [(row: Int, id: ExactText)] = []
        var accountRefs: Set<String> = []
        let info = facts.snapshot.info
        for (i, object) in objects.enumerated() {
            let type = object["type"]?.stringValue ?? ""
            switch type {
            case "user-account":
                let exact: ExactText?
                if let b64 = object["x_investigate_user_id_b64"]?.stringValue {
                    exact = ExactText(base64: b64)
                } else {
                    exact = object["user_id"]?.stringValue.map { ExactText($0) }
                }
                guard let exact else {
                    problems.append("\(file): object \(i + 1) (user-account) has no user_id")
                    continue
                }
                named.append((i + 1, exact))
                if let ref = object["id"]?.stringValue { accountRefs.insert(ref) }
                if facts.accountSet.contains(exact), object.canonical != STIXFile.userAccount(exact).canonical {
                    problems.append(
                        "\(file): object \(i + 1) (account \(BundleCaseFacts.shown(exact))) is not the exporter's user-account for it")
                }
            case "identity":
                if let investigator, object["name"] != .string(investigator) || object["id"] != .string(STIXFile.identityID(investigator)) {
                    problems.append(
                        "\(file): identity \(TextEscaping.visible(object["name"]?.stringValue ?? "", limit: 80)) is not the manifest's investigator \(TextEscaping.visible(investigator, limit: 80))"
                    )
                }
            case "grouping":
                if object["name"] != .string(info.title) && object["name"] != .string(STIXFile.clearedGroupingName(info.title)) {
                    problems.append("\(file): grouping name is not the case title the audit trail records")
                }
            default: break
            }
        }
        problems += facts.differences(named, file: file, noun: "object")
        var grouped: Set<String> = []
        for (i, object) in objects.enumerated() {
            switch object["type"]?.stringValue {
            case "relationship":
                if let source = object["source_ref"]?.stringValue, !accountRefs.contains(source) {
                    problems.append(
                        "\(file): object \(i + 1) (relationship) starts at \(TextEscaping.visible(source, limit: 80)), not a case account")
                }
            case "grouping":
                grouped.formUnion((object["object_refs"]?.arrayValue ?? []).compactMap(\.stringValue))
            default: break
            }
        }
        // Each account is in a grouping: the case's, or that of the accounts it cleared.
        if !accountRefs.isSubset(of: grouped) {
            problems.append("\(file): the groupings leave out \(accountRefs.subtracting(grouped).count) of the case's user-accounts")
        }
        if let auditHead {
            if bundle["id"] != .string(STIXFile.bundleID(caseID: info.id, auditHead: auditHead)) {
                problems.append("\(file): bundle id is not the one of the case and its audit head")
            }
        }
        return problems
    }
}
