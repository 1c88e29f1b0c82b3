import Testing

@testable import ByteCore

/// A JSON line of `RecordFields.referencedLineBytes` or more is referenced by the record, not
/// copied into its scratch buffer: its fields must read exactly as those of a copied line, and
/// the record must hold no copy of it.
@Suite struct ReferencedLineTests {
    private let schema = TableSchema(columns: ["ts", "account_id", "prompt", "model"], required: ["ts"])

    /// Every slot (nil when absent, and whether it is null) and every extra of the record.
    private func contents(_ fields: RecordFields) -> (slots: [[UInt8]?], nulls: [Bool], extras: [[UInt8]]) {
        let slots = (0..<4).map { fields.hasValue($0) ? fields.bytes($0) : nil }
        let nulls = (0..<4).map { fields.has($0) && !fields.hasValue($0) }
        var extras: [[UInt8]] = []
        fields.forEachExtra { name, value in extras.append(ByteCompare.array(name) + [0] + ByteCompare.array(value)) }
        return (slots, nulls, extras)
    }

    @Test func aLongLineReadsAsACopiedOneWithoutACopy() {
        let long = String(repeating: "lorem ipsum 42 ", count: (RecordFields.referencedLineBytes / 15) + 1000)
        let lines = [
            // A long prompt between short values, an escaped value, an extra and a null.
            #"{"ts":"1","account_id":"a\"b\u00e9","prompt":"\#(long)","n":12,"model":null,"x":{"k":[1]}}"#,
            // The long value escaped (decoded into scratch), keys in another order, an escaped key.
            #"{"prompt":"\#(long)\n","acc\u006funt_id":"b","ts":" 2 ","extra":"\#(long)"}"#,
            // Long because of an extra nobody keeps in a slot.
            #"{"ts":"3","blob":[\#(String(repeating: "1,", count: RecordFields.referencedLineBytes))0]}"#,
        ]
        let parser = JSONLineParser(schema: schema)
        let copied = RecordFields(slotCount: 4)
        var referenced = RecordFields(slotCount: 4)
        for text in lines {
            // A fresh record for each line: a record keeps its buffer's capacity between rows.
            referenced = RecordFields(slotCount: 4)
            let line = Array(text.utf8)
            #expect(line.count >= RecordFields.referencedLineBytes)
            // A slice of a larger array, as the line reader hands out.
            let buffer = [0x0A] + line + [0x0A]
            #expect(parser.parse(buffer[1..<buffer.count - 1], into: referenced) == nil)
            #expect(parser.parse(line.span, into: copied) == nil)
            let a = contents(referenced), b = contents(copied)
            #expect(a.slots == b.slots && a.nulls == b.nulls && a.extras == b.extras)
            // Only what was decoded from escapes sits in the record's own buffer, not the line.
            #expect(referenced.memoryFootprint < line.count / 2 || text.contains("\\n\""))
            #expect(copied.memoryFootprint >= line.count)
            referenced.releaseLine()
            #expect(!referenced.has(0) && referenced.extraCount == 0)
        }
        // After a long line, a short one is copied as before.
        #expect(parser.parse(Array(#"{"ts":"9","account_id":"z"}"#.utf8)[...], into: referenced) == nil)
        #expect(referenced.string(0) == "9" && referenced.string(1) == "z")
        #expect(!referenced.has(2))
    }

    @Test func aMalformedLongLineIsReported() {
        let parser = JSONLineParser(schema: schema)
        let fields = RecordFields(slotCount: 4)
        let line = Array((#"{"ts":"1","prompt":""# + String(repeating: "x", count: RecordFields.referencedLineBytes)).utf8)
        #expect(parser.parse(line[...], into: fields) == "line ends inside a string (truncated?)")
        fields.releaseLine()
        #expect(parser.parse(Array(#"{"ts":"2"}"#.utf8)[...], into: fields) == nil && fields.string(0) == "2")
    }
}
