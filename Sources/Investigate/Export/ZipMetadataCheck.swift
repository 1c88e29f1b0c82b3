/// Holds a zip's metadata to exactly what the exporter writes (`BundleWriter.zip` through
/// ZIPFoundation: no archive comment, no entry comments, no extra field but a zip64 one of the
/// length its header calls for, internal attributes 0, external attributes a regular file of mode
/// 0600), so a repacked bundle cannot carry content in no file the manifest lists: an archive
/// comment that `unzip -l` prints raw to a terminal, entry comments, extra fields hiding data, or
/// permissions an extractor applies. One problem per entry (or for the archive), escaped for display.
enum ZipMetadataCheck {
    /// The external attributes the writer sets: `S_IFREG | 0600` in the high 16 bits.
    static let exporterAttributes: UInt32 = 0o100600 << 16

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
