import Testing
@testable import Investigate

/// The merge's last move (`QueryRowScatter`): every kept row of every part lands at its placed
/// position with its values renumbered, whatever the bucket size, wide values included.
@Suite struct QueryRowScatterTests {
    /// One row as the table must hold it.
    struct Expected: Equatable {
        var timestamp: Int64
        var flags: UInt8
        var context: Int32
        var category: Int32
        var input: UInt32
        var output: UInt32
        var sketch: UInt64
        var line: UInt32
    }

    /// A deterministic generator (no system randomness: the test is reproducible).
    struct Mixer {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Parts of `sizes` rows (the second kept as a line bitmap, as a shared slice's share is),
    /// some rows dropped, the rest placed by a shuffled permutation; returns the scatter and the
    /// table it must give.
    static func fixture(sizes: [Int], seed: UInt64, ordered: Bool = false) -> (QueryRowScatter, [Expected]) {
        var mixer = Mixer(state: seed)
        var parts: [QueryRows] = [], contextMaps: [[Int32]] = [], categoryMaps: [[Int32]] = [], lineBase: [Int] = []
        var pending: [(part: Int, row: Int, value: Expected)] = []
        var base = 0
        for (index, size) in sizes.enumerated() {
            let rows = QueryRows()
            if index == 1 { rows.keepLinesAsBitmap() }
            // Local ids -> global ids, distinct per part (as workers' ids are).
            let contextMap = (0..<8).map { Int32(index * 100 + $0 * 3) }
            // A global category id past what a 16-bit code holds goes to the wide values.
            let categoryMap: [Int32] = [5, 0, 70_000, 12]
            var line = 0
            for row in 0..<size {
                line += 1 + mixer.next(3)
                let wideTime = mixer.next(9) == 0
                let timestamp: Int64 = wideTime ? -1_000 - Int64(row) : 1_772_323_200_000 + Int64(mixer.next(1_000_000))
                let flags = UInt8(mixer.next(8))
                let context = Int32(mixer.next(contextMap.count))
                let category = Int32(mixer.next(categoryMap.count + 1)) - 1
                let input = mixer.next(7) == 0 ? UInt32(80_000 + row) : UInt32(mixer.next(5_000))
                let output = mixer.next(7) == 0 ? UInt32.max : UInt32(mixer.next(5_000))
                let sketch = UInt64(mixer.next(1 << 30)) << 20 | UInt64(row)
                rows.append(
                    timestamp: timestamp, account: 0, context: context, category: category, inputTokens: input,
                    outputTokens: output, sketch: sketch, flags: flags, line: UInt32(line))
                let expected = Expected(
                    timestamp: timestamp, flags: flags, context: contextMap[Int(context)],
                    category: category < 0 ? -1 : categoryMap[Int(category)], input: input, output: output, sketch: sketch,
                    line: UInt32(base + line))
                pending.append((index, row, expected))
            }
            parts.append(rows)
            contextMaps.append(contextMap)
            categoryMaps.append(categoryMap)
            lineBase.append(base)
            base += line + 10
        }
        // Drop about one row in six; shuffle the rest into positions.
        let kept = pending.filter { _ in mixer.next(6) != 0 }
        var positions = Array(0..<kept.count)
        if !ordered { for i in stride(from: positions.count - 1, to: 0, by: -1) { positions.swapAt(i, mixer.next(i + 1)) } }
        for entry in pending { parts[entry.part].account[entry.row] = -1 }
        var table = [Expected?](repeating: nil, count: kept.count)
        for (entry, position) in zip(kept, positions) {
            parts[entry.part].account[entry.row] = Int32(position)
            table[position] = entry.value
        }
        let scatter = QueryRowScatter(
            parts: parts, contextMaps: contextMaps, categoryMaps: categoryMaps, lineBase: lineBase, rowCount: kept.count)
        return (scatter, table.map { $0! })
    }

    /// The table's rows as `Expected` values.
    static func rows(_ table: QueryTable) -> [Expected] {
        (0..<table.count).map { row in
            Expected(
                timestamp: table.timestamp(row), flags: table.promptFlags(row), context: table.context[row],
                category: table.category(row), input: table.inputTokens(row), output: table.outputTokens(row),
                sketch: table.promptSketch[row], line: table.line[row])
        }
    }

    @Test(arguments: [0, 1, 3, nil] as [Int?])
    func everyRowLandsAtItsPositionWhateverTheBuckets(shift: Int?) {
        for seed in [1, 7, 42] as [UInt64] {
            var (scatter, expected) = Self.fixture(sizes: [40, 57, 0, 23], seed: seed)
            scatter.bucketShift = shift
            let table = QueryTable()
            scatter.scatter(into: table)
            #expect(table.count == expected.count)
            #expect(Self.rows(table) == expected)
            // The parts' columns are freed once dealt.
            #expect(scatter.parts.allSatisfy { $0.seconds.count == 0 && $0.promptSketch.count == 0 && $0.account.count == 0 })
        }
    }

    @Test func rowsInOrderMoveDirectlyAndLandAsThroughBuckets() {
        for seed in [3, 11] as [UInt64] {
            let (direct, expected) = Self.fixture(sizes: [40, 57, 0, 23], seed: seed, ordered: true)
            #expect(direct.rowsArriveInOrder)
            let table = QueryTable()
            direct.scatter(into: table)
            #expect(Self.rows(table) == expected)
            #expect(direct.parts.allSatisfy { $0.seconds.count == 0 && $0.account.count == 0 })
            var (bucketed, same) = Self.fixture(sizes: [40, 57, 0, 23], seed: seed, ordered: true)
            bucketed.bucketShift = 2
            let other = QueryTable()
            bucketed.scatter(into: other)
            #expect(Self.rows(other) == same)
            // Shuffled rows are not in order: they go through buckets.
            #expect(!Self.fixture(sizes: [40, 57, 0, 23], seed: seed).0.rowsArriveInOrder)
        }
    }

    @Test func aPartWithEveryRowDroppedGivesAnEmptyTable() {
        let rows = QueryRows()
        for line in 1...5 {
            rows.append(
                timestamp: 1_772_323_200_000, account: -1, context: 0, category: -1, inputTokens: 1, outputTokens: 1, sketch: 1,
                flags: 0, line: UInt32(line))
        }
        let table = QueryTable()
        QueryRowScatter(parts: [rows], contextMaps: [[0]], categoryMaps: [[]], lineBase: [0], rowCount: 0).scatter(into: table)
        #expect(table.count == 0)
    }
}
