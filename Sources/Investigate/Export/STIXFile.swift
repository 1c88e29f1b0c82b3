/// `stix21.json`: a STIX 2.1 bundle of the case: the investigator identity, one `user-account`
/// per case account, the IP addresses they signed up from, `related-to` relationships, a
/// `suspicious-activity` grouping of the accounts the case proposes action for (and a grouping of
/// its own for those it cleared), the case notes, all marked TLP:AMBER. Ids are UUIDv5 of content
/// (observables per the STIX namespace), so the bundle is deterministic.
enum STIXFile {
    static let tlpAmberID = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"
    static let tlpAmber: JSONValue = [
        "type": "marking-definition", "spec_version": "2.1", "id": .string(tlpAmberID),
        "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:AMBER",
        "definition": ["tlp": "amber"],
    ]

    /// `2026-01-01T00:00:00Z` -> `2026-01-01T00:00:00.000Z` (STIX wants millisecond precision).
    static func stixTime(_ rfc3339: String) -> String {
        guard rfc3339.hasSuffix("Z"), !rfc3339.contains(".") else { return rfc3339 }
        return String(rfc3339.dropLast()) + ".000Z"
    }

    /// The JCS-style string literal used in observable id names (raw UTF-8, minimal escapes).
    static func jcs(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The `user-account` object of one case account (`verify` writes it again for each case
    /// account and compares). STIX strings are Unicode: an id that is not valid UTF-8 is named by
    /// its escaped form with its base64 beside it (so it cannot read as another account's real
    /// id) and carried exactly in a custom property.
    static func userAccount(_ exact: ExactText) -> JSONValue {
        let id = exact.utf8String ?? exact.display + " (not UTF-8; base64 " + exact.base64 + ")"
        let accountRef =
            "user-account--"
            + UUIDv5.make(
                namespace: UUIDv5.stixObservables,
                name: "{\"user_id\":\(jcs(id))}" + (exact.isValidUTF8 ? "" : ":b64:" + exact.base64))
        var account: [String: JSONValue] = [
            "type": "user-account", "spec_version": "2.1", "id": .string(accountRef),
            "user_id": .string(id), "account_type": "api", "object_marking_refs": .array([.string(tlpAmberID)]),
        ]
        if !exact.isValidUTF8 { account["x_investigate_user_id_b64"] = .string(exact.base64) }
        return .object(account)
    }

    /// The investigator's `identity` id (`verify` holds the manifest's investigator to it).
    static func identityID(_ investigator: String) -> String {
        "identity--" + UUIDv5.make(namespace: UUIDv5.investigate, name: "identity:" + investigator)
    }

    /// The STIX bundle's id: one per case and audit head.
    static func bundleID(caseID: String, auditHead: String) -> String {
        "bundle--" + UUIDv5.make(namespace: UUIDv5.investigate, name: "bundle:\(caseID):\(auditHead)")
    }

    /// What the STIX bundle is written from: the case (record and standing notes), who
    /// exports, when (the last audit entry's time) and at which audit head, and the case
    /// accounts: in the source (exact-id order) with their signup IP as the source writes it
    /// ("" when none), then those not in it; and the accounts `enforcement.csv` proposes no
    /// action for (`none`: marked benign, or the case dismissed), with its reason. `verify` makes
    /// it from the replayed trail, the manifest and `accounts.csv`, and writes the file again
    /// (`BundleSTIXCheck.rewritten`).
    struct Content {
        var info: CaseInfo
        var notes: [CaseNote]
        var investigator: String
        var exportedAt: String
        var auditHead: String
        var accounts: [(id: ExactText, signupIP: String)]
        var missing: [ExactText]
        var cleared: [ExactText: String]
        /// Addresses as their canonical text (`IPNetwork.canonicalAddress`), the source's
        /// spellings in `x_investigate_source_values` when they differ; false for the rendering
        /// of bundles exported before (the value as the source wrote it), which `verify` accepts.
        var canonicalAddresses = true
        /// The case's `suspicious-activity` grouping left out when it would hold no account and
        /// the cleared grouping holds them all (a dismissed case), its notes then on the cleared
        /// grouping; false for the rendering of format 5 bundles, which kept it empty (`verify`
        /// accepts it for them).
        var omitsEmptyGrouping = true
    }

    /// The content of a bundle input.
    static func content(_ input: BundleInput) -> Content {
        let ips = input.data.accounts.signupIP
        var cleared: [ExactText: String] = [:]
        for p in AccountsCSVFile.proposals(input) where p.action == "none" { cleared[p.id] = p.reason }
        return Content(
            info: input.snapshot.info, notes: input.snapshot.notes, investigator: input.investigator, exportedAt: input.exportedAt,
            auditHead: input.auditHead,
            accounts: input.accounts.map { ($0.id, ips[$0.index] >= 0 ? input.data.pools.ips.string(ips[$0.index]) : "") },
            missing: input.missingAccounts, cleared: cleared)
    }

    static func render(_ input: BundleInput) -> BundleFile { render(content(input)) }

    /// The file of a content.
    static func render(_ content: Content) -> BundleFile {
        let bundle = document(content)
        return BundleFile(
            path: "stix21.json", bytes: Array((bundle.canonical + "\n").utf8), records: bundle["objects"]?.arrayValue?.count ?? 0)
    }

    /// The name of the grouping of the accounts the case concluded need no action.
    static func clearedGroupingName(_ title: String) -> String { title + " (no action: cleared accounts)" }

    /// How many cleared accounts the note names, with their reasons.
    static let clearedNamed = 100

    /// The id of the note that says what the case concluded of its cleared accounts.
    static func clearedNoteID(caseID: String) -> String {
        "note--" + UUIDv5.make(namespace: UUIDv5.investigate, name: "cleared-note:" + caseID)
    }

    /// The bundle of a content, as a JSON object. Accounts `enforcement.csv` proposes action for
    /// are in the case's `suspicious-activity` grouping with their addresses and relationships;
    /// those it proposes none for (marked benign, the case dismissed) are in a grouping of their
    /// own (context `unspecified`, labelled `no-action`), with a note naming each and the
    /// reason: a trial's partner read a benign account as part of the ring.
    static func document(_ content: Content) -> JSONValue {
        let info = content.info
        let created = stixTime(info.createdAt)
        let modified = stixTime(content.exportedAt)
        let ns = UUIDv5.investigate
        let identityID = identityID(content.investigator)
        let identity: JSONValue = [
            "type": "identity", "spec_version": "2.1", "id": .string(identityID), "created": .string(created),
            "modified": .string(created), "name": .string(content.investigator), "identity_class": "individual",
        ]
        let marking: JSONValue = .array([.string(tlpAmberID)])
        var objects: [JSONValue] = [tlpAmber, identity]
        var refs: [String] = []
        var clearedRefs: [String] = []
        var clearedAccounts: [(id: ExactText, ref: String)] = []
        var relationships: [JSONValue] = []
        var ips: [String: JSONValue] = [:]
        var suspiciousIPs: Set<String> = []
        var clearedIPs: Set<String> = []
        var spellings: [String: Set<String>] = [:]
        for (exact, written) in content.accounts.map({ ($0.id, $0.signupIP) }) + content.missing.map({ ($0, "") }) {
            let account = userAccount(exact)
            let accountRef = account["id"]!.stringValue!
            let isCleared = content.cleared[exact] != nil
            objects.append(account)
            if isCleared {
                clearedRefs.append(accountRef)
                clearedAccounts.append((exact, accountRef))
            } else {
                refs.append(accountRef)
            }
            guard let (type, ip) = address(written, canonical: content.canonicalAddresses) else { continue }
            let ipRef = type + "--" + UUIDv5.make(namespace: UUIDv5.stixObservables, name: "{\"value\":\(jcs(ip))}")
            spellings[ipRef, default: []].insert(written)
            if ips[ipRef] == nil {
                ips[ipRef] = [
                    "type": .string(type), "spec_version": "2.1", "id": .string(ipRef), "value": .string(ip),
                    "object_marking_refs": marking,
                ]
            }
            let relID = "relationship--" + UUIDv5.make(namespace: ns, name: "signup:\(accountRef):\(ipRef)")
            relationships.append([
                "type": "relationship", "spec_version": "2.1", "id": .string(relID), "created": .string(created),
                "modified": .string(modified), "relationship_type": "related-to", "source_ref": .string(accountRef),
                "target_ref": .string(ipRef), "description": "signed up from this address",
                "created_by_ref": .string(identityID), "object_marking_refs": marking,
            ])
            if isCleared {
                clearedRefs.append(relID)
                clearedIPs.insert(ipRef)
            } else {
                refs.append(relID)
                suspiciousIPs.insert(ipRef)
            }
        }
        for key in ips.keys.sorted() {
            var object = ips[key]!
            // An address the source wrote otherwise (`010.001.002.003`) keeps its spellings.
            if let written = spellings[key], written != [object["value"]!.stringValue!], case .object(var members) = object {
                members["x_investigate_source_values"] = .array(written.sorted().map { .string($0) })
                object = .object(members)
            }
            objects.append(object)
            if suspiciousIPs.contains(key) { refs.append(key) }
            if clearedIPs.contains(key) { clearedRefs.append(key) }
        }
        objects += relationships
        let groupingID = "grouping--" + UUIDv5.make(namespace: ns, name: "case:" + info.id)
        let clearedGroupingID = "grouping--" + UUIDv5.make(namespace: ns, name: "cleared:" + info.id)
        // A case that cleared every account (dismissed) has no suspicious activity to group: an
        // empty `suspicious-activity` grouping read to a partner as the ring. Its notes go on the
        // cleared grouping. A case with no account at all keeps its one grouping (its notes, title
        // and status need an object to hang on).
        let omitsSuspicious = content.omitsEmptyGrouping && refs.isEmpty && !clearedAccounts.isEmpty
        let notesOn = omitsSuspicious ? clearedGroupingID : groupingID
        for note in content.notes {
            let noteID = "note--" + UUIDv5.make(namespace: ns, name: "note:\(info.id):\(note.seq)")
            let at = stixTime(note.at)
            objects.append([
                "type": "note", "spec_version": "2.1", "id": .string(noteID), "created": .string(at),
                "modified": .string(at), "content": .string(note.text), "authors": [.string(note.who)],
                "object_refs": [.string(notesOn)], "created_by_ref": .string(identityID),
                "object_marking_refs": marking,
            ])
        }
        // In-source accounts, as format 4 counted them (with none cleared, the file is format 4's).
        let suspiciousCount = content.accounts.filter { content.cleared[$0.id] == nil }.count
        if !clearedAccounts.isEmpty {
            // The first `clearedNamed` by name and reason (a dismissed case clears every account);
            // the grouping and the note's references hold them all.
            var listed = clearedAccounts.prefix(clearedNamed).map {
                "\(TextEscaping.visible($0.id.bytes, limit: 120)) (\(content.cleared[$0.id]!))"
            }
            if clearedAccounts.count > clearedNamed {
                listed.append("and \(clearedAccounts.count - clearedNamed) more (enforcement.csv gives each its reason)")
            }
            objects.append([
                "type": "note", "spec_version": "2.1", "id": .string(clearedNoteID(caseID: info.id)), "created": .string(modified),
                "modified": .string(modified), "labels": ["no-action", "cleared"],
                "abstract": .string("Case \(info.id) concluded no enforcement action for \(clearedAccounts.count) account(s)"),
                "content": .string(
                    "Case \(info.id) concluded that these accounts need no enforcement action (enforcement.csv proposed_action "
                        + "none); they are not part of the suspicious activity: " + listed.joined(separator: "; ")),
                "authors": [.string(content.investigator)],
                "object_refs": .array(([clearedGroupingID] + clearedAccounts.map(\.ref)).map { .string($0) }),
                "created_by_ref": .string(identityID), "object_marking_refs": marking,
            ])
        }
        if refs.isEmpty { refs.append(identityID) }
        if !omitsSuspicious {
            objects.append([
                "type": "grouping", "spec_version": "2.1", "id": .string(groupingID), "created": .string(created),
                "modified": .string(modified), "name": .string(info.title), "context": "suspicious-activity",
                "description": .string(
                    "Case \(info.id) (\(info.status.rawValue)): \(suspiciousCount) accounts"
                        + (clearedAccounts.isEmpty ? "" : "; \(clearedAccounts.count) more the case cleared (no action) are in the grouping "
                            + "'\(clearedGroupingName(info.title))', not this one")),
                "object_refs": .array(refs.map { .string($0) }), "created_by_ref": .string(identityID),
                "object_marking_refs": marking,
            ])
        }
        if !clearedAccounts.isEmpty {
            objects.append([
                "type": "grouping", "spec_version": "2.1", "id": .string(clearedGroupingID), "created": .string(created),
                "modified": .string(modified), "name": .string(clearedGroupingName(info.title)), "context": "unspecified",
                "labels": ["no-action", "cleared"],
                "description": .string(
                    "Case \(info.id) (\(info.status.rawValue)): \(clearedAccounts.count) accounts the case concluded need no "
                        + "enforcement action (marked benign, or the case dismissed); not suspicious activity"),
                "object_refs": .array(clearedRefs.map { .string($0) }), "created_by_ref": .string(identityID),
                "object_marking_refs": marking,
            ])
        }
        return [
            "type": "bundle", "id": .string(bundleID(caseID: info.id, auditHead: content.auditHead)),
            "objects": .array(objects),
        ]
    }
}

/// Syntax checks for IP literals (STIX rejects a malformed `value`).
extension STIXFile {
    /// The SCO type and value of a signup IP: its canonical text (`IPNetwork.canonicalAddress`,
    /// which STIX's `ipv4-addr` and `ipv6-addr` need), or as written for the rendering before
    /// (`Content.canonicalAddresses`); nil when it is not an address.
    static func address(_ written: String, canonical: Bool) -> (type: String, value: String)? {
        guard canonical else {
            let isV4 = IPv4Check.isIPv4(written)
            guard isV4 || IPv4Check.isIPv6(written) else { return nil }
            return (isV4 ? "ipv4-addr" : "ipv6-addr", written)
        }
        guard let value = IPNetwork.canonicalAddress(written) else { return nil }
        return (value.contains(":") ? "ipv6-addr" : "ipv4-addr", value)
    }
}

/// The address checks of the rendering before canonical addresses (`STIXFile.address`).
enum IPv4Check {
    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { p in
                !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber) && Int(p)! <= 255
            }
    }

    static func isIPv6(_ s: String) -> Bool {
        s.contains(":") && s.count <= 45 && s.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
