#ifndef CMEMORYMOVE_H
#define CMEMORYMOVE_H

#include <stddef.h>

/// Moves the pages of the mapping `from..<from + bytes` (page-aligned, anonymous, private) to
/// `to..<to + bytes` (page-aligned), replacing what was mapped there, without copying or zeroing
/// them (`mremap` with `MREMAP_FIXED`); `from` is unmapped afterwards either way. Returns 0 when
/// the pages moved; otherwise `to` is left mapped with fresh zero pages and -1 is returned.
/// ByteCore calls it only with its own mappings.
int cmemory_move_pages(void *from, size_t bytes, void *to);

#endif
