/// A `queries.jsonl` row's time, held to itself: the exporter writes `ts` as the source wrote
/// it and `ts_utc` as the instant the loader read it as (`Timestamp.format`), so a `ts_utc`
/// that is not the instant its `ts` reads as was altered, and would move the row in time for
/// whoever reads the bundle by `ts_utc`. A row the exporter could not read again holds only
/// `ts`, already in the `ts_utc` form.
enum BundleRowTime {
    /// What is wrong with a row's `ts` and `ts_utc` members (each as its JSON text, nil for one
    /// too long to keep; one entry per time the member is given), or nil when they agree.
    static func problem(ts: [[UInt8]?], tsUTC: [[UInt8]?]) -> String? {
        guard ts.count == 1, let written = ts[0] else { return ts.isEmpty ? "has no ts" : "has a ts too long to be a time" }
        guard let millis = instant(written) else {
            return "has ts \(TextEscaping.visible(written, limit: 60)), which does not read as a time"
        }
        guard let utc = tsUTC.first else { return nil }
        let expected = Timestamp.format(millis: millis)
        guard tsUTC.count == 1, let utcBytes = utc, let json = try? JSONValue.parse(utcBytes), json.stringValue == expected else {
            let shown = utc.map { TextEscaping.visible($0, limit: 60) } ?? "(too long)"
            return "has ts_utc \(shown), but its ts \(TextEscaping.visible(written, limit: 60)) reads as \(expected)"
        }
        return nil
    }

    /// The instant a `ts` value reads as, as the loader reads it: a JSON string by its text, a
    /// bare value (an epoch number) as written, each trimmed of spaces.
    static func instant(_ written: [UInt8]) -> Int64? {
        var text = written
        if written.first == UInt8(ascii: "\"") {
            guard let json = try? JSONValue.parse(written), let string = json.stringValue else { return nil }
            text = Array(string.utf8)
        }
        let span = text.span
        return Timestamp.parse(span.extracting(ByteCompare.trimmedRange(span)))?.millis
    }
}
