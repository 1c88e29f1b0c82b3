import Foundation
import Testing
@testable import Investigate

/// A dismissed case clears every account: its `stix21.json` has no `suspicious-activity`
/// grouping (format 6), its notes hang on the cleared grouping, and `verify` holds that; a format
/// 5 bundle, which wrote the grouping empty, still verifies as it was written.
@Suite struct DismissedCaseSTIXTests {
    typealias Fixture = EvidenceIntegrityTests.Fixture

    static func objects(_ bytes: [UInt8]?) throws -> [JSONValue] {
        try #require(try JSONValue.parse(bytes ?? [])["objects"]?.arrayValue)
    }

    static func file(_ objects: [JSONValue], id: JSONValue?) -> [UInt8] {
        var bundle: [String: JSONValue] = ["type": "bundle", "objects": .array(objects)]
        bundle["id"] = id
        return Array((JSONValue.object(bundle).canonical + "\n").utf8)
    }

    /// A dismissed case with a note, exported.
    static func dismissed() throws -> (Fixture, [String: [UInt8]]) {
        let f = try Fixture()
        try f.tagTop()
        _ = try f.store.addNote(caseID: f.caseID, text: "dismissed: a load test by the customer")
        try f.store.setStatus(caseID: f.caseID, .dismissed)
        let (_, files) = try f.export()
        return (f, files)
    }

    /// The empty grouping a format 5 export wrote, with the notes pointed at it again.
    static func withEmptyGrouping(_ f: Fixture, _ objects: [JSONValue]) throws -> [JSONValue] {
        let info = try f.store.snapshot(caseID: f.caseID).info
        let groupingID = "grouping--" + UUIDv5.make(namespace: UUIDv5.investigate, name: "case:" + info.id)
        let cleared = try #require(objects.first { $0["type"] == "grouping" })
        let clearedCount = objects.filter { $0["type"] == "user-account" }.count
        let identity = try #require(objects.first { $0["type"] == "identity" }?["id"])
        let empty: JSONValue = [
            "type": "grouping", "spec_version": "2.1", "id": .string(groupingID), "created": cleared["created"]!,
            "modified": cleared["modified"]!, "name": .string(info.title), "context": "suspicious-activity",
            "description": .string(
                "Case \(info.id) (dismissed): 0 accounts; \(clearedCount) more the case cleared (no action) are in the grouping "
                    + "'\(STIXFile.clearedGroupingName(info.title))', not this one"),
            "object_refs": [identity], "created_by_ref": identity, "object_marking_refs": cleared["object_marking_refs"]!,
        ]
        var out: [JSONValue] = []
        for object in objects {
            if object == cleared { out.append(empty) }
            if object["type"] == "note", object["object_refs"] == [cleared["id"]!], case .object(var members) = object {
                members["object_refs"] = [.string(groupingID)]
                out.append(.object(members))
            } else {
                out.append(object)
            }
        }
        return out
    }

    @Test func aDismissedCaseHasNoEmptyGroupingAndVerifies() throws {
        let (f, files) = try Self.dismissed()
        let objects = try Self.objects(files["stix21.json"])
        let ids = Set(objects.compactMap { $0["id"]?.stringValue })
        let accounts = Set(objects.filter { $0["type"] == "user-account" }.compactMap { $0["id"]?.stringValue })
        #expect(!accounts.isEmpty)
        let groupings = objects.filter { $0["type"] == "grouping" }
        #expect(groupings.count == 1)
        #expect(!groupings.contains { $0["context"] == "suspicious-activity" })
        for grouping in groupings {
            let refs = (grouping["object_refs"]?.arrayValue ?? []).compactMap(\.stringValue)
            #expect(refs.contains { accounts.contains($0) }, "a grouping holds no account: \(grouping.canonical)")
        }
        // Nothing dangles: every reference names an object of the file.
        let notes = objects.filter { $0["type"] == "note" }
        #expect(notes.count == 2)
        for object in objects {
            for ref in (object["object_refs"]?.arrayValue ?? []).compactMap(\.stringValue) where !ref.hasPrefix("marking-definition--") {
                #expect(ids.contains(ref), "\(object["id"]?.stringValue ?? "?") refers to \(ref), not in the file")
            }
        }
        let report = try f.verify(f.dir + "/b.zip")
        #expect(report.ok, "\(report.problems)")
    }

    @Test func anEmptyGroupingAddedBackFailsVerify() throws {
        let (f, files) = try Self.dismissed()
        let objects = try Self.objects(files["stix21.json"])
        let id = try JSONValue.parse(files["stix21.json"]!)["id"]
        let tampered = try f.verifyChanged(files, "stix21.json", Self.file(try Self.withEmptyGrouping(f, objects), id: id))
        #expect(!tampered.ok)
        #expect(tampered.problems.contains { $0.hasPrefix("stix21.json: ") }, "\(tampered.problems)")
        // The grouping added alone (the notes left on the cleared grouping) fails too.
        let info = try f.store.snapshot(caseID: f.caseID).info
        let extra = try Self.withEmptyGrouping(f, objects).filter { $0["context"] == "suspicious-activity" }
        #expect(extra.count == 1 && extra[0]["name"] == .string(info.title))
        let alone = try f.verifyChanged(files, "stix21.json", Self.file(objects + extra, id: id))
        #expect(!alone.ok)
    }

    @Test func aFormat5BundleWithItsEmptyGroupingStillVerifies() throws {
        let (f, files) = try Self.dismissed()
        let objects = try Self.objects(files["stix21.json"])
        let id = try JSONValue.parse(files["stix21.json"]!)["id"]
        guard case .object(var manifest) = try JSONValue.parse(files["manifest.json"]!) else { return }
        manifest["format"] = ["name": .string(BundleManifest.formatName), "version": 5]
        let old = try VerifyFixture.changed(
            files, "manifest.json", to: Array((JSONValue.object(manifest).canonical + "\n").utf8), by: f.key)
        let report = try f.verifyChanged(old, "stix21.json", Self.file(try Self.withEmptyGrouping(f, objects), id: id))
        #expect(report.ok, "\(report.problems)")
        // A format 5 bundle without the grouping is not what a format 5 export wrote.
        let without = try f.verifyChanged(old, "stix21.json", files["stix21.json"]!)
        #expect(!without.ok)
    }
}
