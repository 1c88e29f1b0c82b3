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
            // A line as the line reader hands it out.
            let buffer = [0x0A] + line + [0x0A]
            let view = LineView(bytes: buffer[1..<buffer.count - 1], number: 1, offset: 0, terminated: true)
            #expect(parser.parse(view, into: referenced) == nil)
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
        let short = LineView(bytes: Array(#"{"ts":"9","account_id":"z"}"#.utf8)[...], number: 2, offset: 0, terminated: true)
        #expect(parser.parse(short, into: referenced) == nil)
        #expect(referenced.string(0) == "9" && referenced.string(1) == "z")
        #expect(!referenced.has(2))
    }

    @Test func aMalformedLongLineIsReported() {
        let parser = JSONLineParser(schema: schema)
        let fields = RecordFields(slotCount: 4)
        let line = Array((#"{"ts":"1","prompt":""# + String(repeating: "x", count: RecordFields.referencedLineBytes)).utf8)
        let view = LineView(bytes: line[...], number: 1, offset: 0, terminated: true)
        #expect(parser.parse(view, into: fields) == "line ends inside a string (truncated?)")
        fields.releaseLine()
        #expect(parser.parse(Array(#"{"ts":"2"}"#.utf8)[...], into: fields) == nil && fields.string(0) == "2")
    }
}

/// A line longer than the reader's block grows its buffer in place, is handed out whole, and the
/// room it took is given back once the reader reads on.
@Suite struct LongLineBufferTests {
    @Test func aLongLineIsHeldOnceAndItsRoomGivenBack() throws {
        let blockSize = 64 << 10
        let long = (0..<(3 << 20) + 5).map { UInt8(0x61 + $0 % 26) }
        let tail = [UInt8](String(repeating: "row\n", count: 20_000).utf8)
        let text = Array("first\n".utf8) + long + [0x0A] + tail
        let reader = LineReader(source: ArrayByteSource(text, step: 10_000), blockSize: blockSize)
        var counts: [Int] = [], footprints: [Int] = []
        var longIntact = false
        try reader.forEachLine { line in
            counts.append(line.count)
            footprints.append(reader.memoryFootprint)
            if line.count == long.count { longIntact = line.bytes == long }
            return true
        }
        #expect(counts.count == 20_002 && counts[0] == 5 && counts[1] == long.count && counts.last == 3)
        #expect(longIntact)
        // The long line sits in one buffer of at most twice its size (the room doubles)...
        #expect(footprints[1] >= long.count && footprints[1] <= 2 * long.count)
        // ... which is back to a block once the lines after it are read.
        #expect(footprints.last! <= blockSize)
    }
}
