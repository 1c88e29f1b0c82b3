// The system zlib, for the engine's gzip reader (GzipByteSource). The module is named
// CSystemZlib: ZIPFoundation's own (internal) zlib module is already called CZlib.
#include <zlib.h>
