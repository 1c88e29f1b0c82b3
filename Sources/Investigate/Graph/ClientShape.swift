/// The shape of a client string (`ClientFamilies`): the string with each run of ASCII letters and
/// digits that reads as an id written `#`, so that one tool's per-account strings read alike
/// (`aiohttp/3.9.5-27f85d worker` -> `aiohttp/3.9.5-# worker`).
///
/// A run reads as an id when it is six characters or more and holds a digit (`27f85d`, `k3x9q2`,
/// `482913`) or is all hex letters (`ddfbea`, a hex id that happens to hold no digit). Hex runs
/// joined by single dashes, twelve hex characters or more with an id among them, are one id (a
/// UUID, whose four-character groups alone would not read as ids). What stays: a version's
/// numbers (`3.9.5`, `120.0.6099.109`), and the short names of platforms and devices (`Win64`,
/// `x86`, `SM-S918B`, `UP1A`): strangers run different versions and phones, and what differs
/// between them so is no tag. A tag shorter than six characters (`sess/a81f`) makes no shape.
enum ClientShape {
    /// `bytes` with each id written `#`. Bytes other than ASCII letters and digits are kept.
    /// - Complexity: O(n): each byte is read at most twice.
    static func of(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard isAlphanumeric(bytes[i]) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            // The runs joined by single dashes from here.
            var runs: [Run] = [Run(in: bytes, from: i)]
            while runs[runs.count - 1].end + 1 < bytes.count && bytes[runs[runs.count - 1].end] == 0x2D
                && isAlphanumeric(bytes[runs[runs.count - 1].end + 1])
            {
                runs.append(Run(in: bytes, from: runs[runs.count - 1].end + 1))
            }
            let hexCount = runs.reduce(0) { $0 + ($1.hex ? $1.end - $1.start : 0) }
            if runs.count >= 2 && runs.allSatisfy(\.hex) && hexCount >= 12 && runs.contains(where: \.isIdentifier) {
                out.append(0x23)
            } else {
                for (k, run) in runs.enumerated() {
                    if k > 0 { out.append(0x2D) }
                    if run.isIdentifier { out.append(0x23) } else { out.append(contentsOf: bytes[run.start..<run.end]) }
                }
            }
            i = runs[runs.count - 1].end
        }
        return out
    }

    /// One run of ASCII letters and digits.
    private struct Run {
        let start: Int, end: Int
        var digit = false, letter = false
        /// Every character a hex digit.
        var hex = true

        init(in bytes: [UInt8], from start: Int) {
            self.start = start
            var j = start
            while j < bytes.count && ClientShape.isAlphanumeric(bytes[j]) {
                if bytes[j] <= 0x39 { digit = true } else { letter = true }
                if bytes[j] > 0x39 && (bytes[j] | 0x20) > 0x66 { hex = false }
                j += 1
            }
            end = j
        }

        /// Whether it reads as an id (see the type's comment).
        var isIdentifier: Bool { end - start >= 6 && (digit || hex) }
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
