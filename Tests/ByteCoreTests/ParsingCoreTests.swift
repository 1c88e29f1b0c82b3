import Testing

@testable import ByteCore

/// A byte source over an array, handing out at most `step` bytes a read (to cut lines across
/// reads).
final class ArrayByteSource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var position = 0
    var bytesConsumed: Int { position }

    init(_ bytes: [UInt8], step: Int = .max) {
        self.bytes = bytes
        self.step = step
    }

    func read(into buffer: inout MutableRawSpan) throws -> Int {
        let n = min(buffer.byteCount, step, bytes.count - position)
        for i in 0..<n { buffer.storeBytes(of: bytes[position + i], toByteOffset: i, as: UInt8.self) }
        position += n
        return n
    }
}

/// `LineReader`, `RecordFields`, `JSONLineParser` and `PromptWords`.
@Suite struct ByteCoreParsingTests {
    private func lines(_ text: String, blockSize: Int, step: Int = .max, maxLineBytes: Int = 1 << 20) throws -> [(String, Int, Bool)] {
        let reader = LineReader(source: ArrayByteSource(Array(text.utf8), step: step), blockSize: blockSize, maxLineBytes: maxLineBytes)
        var out: [(String, Int, Bool)] = []
        try reader.forEachLine(onOverlong: { out.append(("<overlong>", $0, false)) }) { line in
            out.append((String(decoding: line.bytes, as: UTF8.self), line.number, line.terminated))
            return true
        }
        return out
    }

    @Test(arguments: [4, 7, 64, 4096]) func linesAcrossBlocks(blockSize: Int) throws {
        let got = try lines("alpha\r\nbeta\n\ngamma delta epsilon\nlast", blockSize: blockSize, step: 3)
        #expect(got.map(\.0) == ["alpha", "beta", "", "gamma delta epsilon", "last"])
        #expect(got.map(\.1) == [1, 2, 3, 4, 5])
        #expect(got.map(\.2) == [true, true, true, true, false])
    }

    @Test func overlongLinesAreReportedAndSkipped() throws {
        let got = try lines("short\n" + String(repeating: "x", count: 100) + "\nafter\n", blockSize: 8, maxLineBytes: 16)
        #expect(got.map(\.0) == ["short", "<overlong>", "after"])
        #expect(got.map(\.1) == [1, 2, 3])
    }

    @Test func jsonFieldsEscapesNullsAndExtras() {
        let schema = TableSchema(columns: ["ts", "account_id", "prompt"], required: ["ts"])
        let parser = JSONLineParser(schema: schema)
        let fields = RecordFields(slotCount: 3)
        let line = Array(#"{"ts":"1","Account_ID":"a\"b\u00e9","prompt":null,"n":12,"x":{"k":[1]}}"#.utf8)
        #expect(parser.parse(line, into: fields) == nil)
        #expect(fields.string(0) == "1")
        #expect(fields.bytes(1) == Array("a\"bé".utf8))
        #expect(!fields.has(2) && !fields.hasValue(2) && fields.bytes(2).isEmpty)
        var extras: [String: String] = [:]
        fields.forEachExtra { name, value in
            extras[String(decoding: ByteCompare.array(name), as: UTF8.self)] = String(decoding: ByteCompare.array(value), as: UTF8.self)
        }
        #expect(extras == ["n": "12", "x": #"{"k":[1]}"#])
        // The same keys again: matched from the previous line's positions.
        #expect(parser.parse(Array(#"{"ts":" 2 ","Account_ID":"b"}"#.utf8), into: fields) == nil)
        #expect(fields.withTrimmedBytes(0) { ByteCompare.array($0) } == Array("2".utf8) && fields.string(1) == "b")
        #expect(parser.parse(Array(#"{"ts":"1""#.utf8), into: fields) != nil)
        #expect(parser.parse(Array(#"{"ts":"abc"#.utf8), into: fields) == "line ends inside a string (truncated?)")
        #expect(parser.parse([UInt8](), into: fields) == "empty line")
    }

    @Test func recordFieldsFilledByCopy() {
        let fields = RecordFields(slotCount: 2)
        fields.setSlot(1, copying: Array("  v ".utf8).span)
        fields.addExtra(name: Array("k".utf8).span, value: Array("w".utf8).span)
        var copy: [UInt8] = [9, 9, 9]
        fields.copyBytes(1, trimmed: true, into: &copy)
        #expect(copy == [0x76] && !fields.has(0) && fields.extraCount == 1)
        fields.reset()
        #expect(!fields.has(1) && fields.extraCount == 0)
    }

    @Test func recordFieldsSlotOutOfRangeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let fields = RecordFields(slotCount: 2)
            _ = fields.withBytes(2) { $0.count }
        }
    }

    @Test func promptWordsMatchTheByteScanner() {
        let splitter = PromptWords()
        for prompt in ["Hello, World 123 and 4567!", "it's Ünïcode \u{4E2D}", #"say "hello there" now"#, "", String(repeating: "Ab9 ", count: 50)] {
            let bytes = Array(prompt.utf8)
            let (count, high) = splitter.split(bytes.span)
            var reference: [UInt64] = []
            let (referenceCount, referenceHigh) = PromptWords.wordsByteByByte(bytes.span) { reference.append($0) }
            #expect(splitter.wordHashes == reference && count == referenceCount && high == referenceHigh, "\(prompt)")
        }
        _ = splitter.split(Array("Hello hello HELLO".utf8).span)
        let words = splitter.wordHashes
        #expect(words.count == 3 && Set(words).count == 1 && words[0] == PromptWords.wordHash(Array("hello".utf8)))
    }
}
