/// The engine's byte-level primitives (string pools, columns, line and record parsing) live in
/// `ByteCore`, the one target with pointer code; re-exported so that the engine's files and its
/// clients name them as before.
@_exported import ByteCore
