/// Holds a zip's metadata to exactly what the exporter writes (`BundleWriter.zip` through
/// ZIPFoundation: no archive comment, no entry comments, no extra field but a zip64 one of the
/// length its header calls for, internal attributes 0, external attributes a regular file of mode
/// 0600; version made by 0x0315, version needed 2.0 (4.5 when the local sizes are in a zip64
/// field), general-purpose flags 0x0800 (UTF-8 names: no data descriptor, no encryption), deflate,
/// and the manifest's `exported_at` as every entry's date and time, in both headers), so a
/// repacked bundle cannot carry content in no file the manifest lists: an archive comment that
/// `unzip -l` prints raw to a terminal, entry comments, extra fields hiding data, or permissions
/// an extractor applies; nor pass as the exporter's when another tool wrote it. One problem per
/// entry and field (or for the archive), escaped for display.
enum ZipMetadataCheck {
    /// The external attributes the writer sets: `S_IFREG | 0600` in the high 16 bits.
    static let exporterAttributes: UInt32 = 0o100600 << 16
    /// The writer's "version made by": Unix (3), zip specification 2.1.
    static let exporterMadeBy: UInt16 = 789
    /// The general-purpose flags the writer sets: bit 11, names in UTF-8.
    static let exporterFlags: UInt16 = 0x0800
    /// The writer's compression method: deflate.
    static let exporterMethod: UInt16 = 8

    /// The version needed to extract the writer puts in both headers.
    static func exporterVersionNeeded(_ m: ZipEntryMetadata) -> UInt16 { m.localSizesInZip64 ? 45 : 20 }

    /// The header fields of one entry the writer sets otherwise (versions, flags, method, and
    /// the local header's date against the directory's), one line each.
    static func headerProblems(_ entry: ZipEntry, name: String) -> [String] {
        let m = entry.metadata
        var out: [String] = []
        if m.versionMadeBy != exporterMadeBy {
            out.append(
                "\(name): version made by \(hex(UInt32(m.versionMadeBy), digits: 4)); the exporter writes "
                    + "\(hex(UInt32(exporterMadeBy), digits: 4)) (Unix, zip 2.1)")
        }
        let needed = exporterVersionNeeded(m)
        if m.versionNeeded != needed || m.localVersionNeeded != needed {
            out.append(
                "\(name): version needed to extract \(m.versionNeeded) in the central directory, \(m.localVersionNeeded) in the "
                    + "local header; the exporter writes \(needed) in both (45 only when the local header gives its sizes in a zip64 field)")
        }
        if entry.flags != exporterFlags || m.localFlags != exporterFlags {
            out.append(
                "\(name): general-purpose flags \(flags(entry.flags)) in the central directory, \(flags(m.localFlags)) in the local "
                    + "header; the exporter writes \(flags(exporterFlags)) in both")
        }
        if entry.method != exporterMethod {
            out.append("\(name): compression method \(entry.method)\(entry.method == 0 ? " (stored)" : ""); the exporter writes 8 (deflate)")
        }
        if m.modified != m.localModified {
            out.append(
                "\(name): last modified \(m.modified.description) in the central directory, \(m.localModified.description) in the "
                    + "local header; the exporter writes one time in both")
        }
        return out
    }

    /// Entries whose date and time are not the manifest's `exported_at` as the writer writes it
    /// (`ZipDOSTime.exporter`), one line each.
    static func timeProblems(_ entries: [ZipEntry], exportedAt: String) -> [String] {
        let expected = ZipDOSTime.exporter(exportedAt: exportedAt)
        return entries.filter { $0.metadata.modified != expected }.map { entry in
            "\(TextEscaping.visible(entry.name, limit: 200)): last modified \(entry.metadata.modified.description); the exporter "
                + "writes the manifest's exported_at (\(TextEscaping.visible(exportedAt, limit: 60))) as \(expected.description)"
        }
    }

    /// Flags with the bits named: `0x0808 (UTF-8 names, data descriptor)`.
    static func flags(_ value: UInt16) -> String {
        let named: [(UInt16, String)] = [
            (0x0001, "encrypted"), (0x0008, "data descriptor"), (0x0040, "strong encryption"), (0x0800, "UTF-8 names"),
            (0x2000, "masked directory"),
        ]
        var parts = named.filter { value & $0.0 != 0 }.map(\.1)
        let other = named.reduce(value) { $0 & ~$1.0 }
        if other != 0 { parts.append("other bits \(hex(UInt32(other), digits: 4))") }
        return hex(UInt32(value), digits: 4) + (parts.isEmpty ? " (none)" : " (" + parts.joined(separator: ", ") + ")")
    }

    /// What the archive carries that the exporter never writes, one line each.
    static func problems(_ directory: ZipDirectory, entries: [ZipEntry], path: String) -> [String] {
        var out: [String] = []
        if !directory.archiveComment.isEmpty {
            out.append(
                "\(path): carries an archive comment of \(directory.archiveComment.count) bytes, which the exporter never writes "
                    + "(unzip -l prints it as is): \(shown(directory.archiveComment))")
        }
        for entry in entries {
            let name = TextEscaping.visible(entry.name, limit: 200)
            let m = entry.metadata
            if m.commentBytes > 0 {
                out.append(
                    "\(name): carries an entry comment of \(m.commentBytes) bytes, which the exporter never writes: "
                        + shown(m.commentStart))
            }
            var fields: [String] = []
            if !m.localExtra.isEmpty { fields.append("local header " + listed(m.localExtra)) }
            if !m.centralExtra.isEmpty { fields.append("central directory " + listed(m.centralExtra)) }
            if !fields.isEmpty {
                let total = (m.localExtra + m.centralExtra).reduce(0) { $0 + $1.bytes }
                out.append(
                    "\(name): carries extra fields the exporter never writes (\(total) bytes): \(fields.joined(separator: "; "))")
            }
            out += headerProblems(entry, name: name)
            if m.externalAttributes != exporterAttributes || m.internalAttributes != 0 {
                var what = "external attributes \(hex(m.externalAttributes, digits: 8)) (\(mode(m.externalAttributes)))"
                if m.internalAttributes != 0 { what += ", internal attributes \(hex(UInt32(m.internalAttributes), digits: 4))" }
                out.append(
                    "\(name): \(what); the exporter writes \(hex(exporterAttributes, digits: 8)) (\(mode(exporterAttributes))) "
                        + "and internal attributes 0, and an extractor applies these")
            }
        }
        return out
    }

    /// The first bytes of a comment, quoted and escaped (`…` when there is more).
    static func shown(_ start: [UInt8]) -> String { "'\(TextEscaping.visible(start, limit: 80))'" }

    static func listed(_ fields: [ZipEntryMetadata.ExtraField]) -> String {
        fields.map { f in
            "\(hex(UInt32(f.id), digits: 4)) of \(f.bytes) bytes" + (f.note.map { " (\($0))" } ?? "")
        }.joined(separator: ", ")
    }

    /// The Unix file type and permission bits of external attributes, e.g. `regular file, mode 0777`.
    static func mode(_ attributes: UInt32) -> String {
        let mode = attributes >> 16
        guard mode != 0 else { return "no Unix mode" }
        let kind: String
        switch mode & 0o170000 {
        case 0o100000: kind = "regular file"
        case 0o120000: kind = "symbolic link"
        case 0o040000: kind = "folder"
        default: kind = "file type \(String(mode & 0o170000, radix: 8))"
        }
        let permissions = String(mode & 0o7777, radix: 8)
        return "\(kind), mode \(String(repeating: "0", count: max(0, 4 - permissions.count)))\(permissions)"
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
