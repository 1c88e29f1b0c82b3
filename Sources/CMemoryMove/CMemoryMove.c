#define _GNU_SOURCE
#include "CMemoryMove.h"
#include <sys/mman.h>

int cmemory_move_pages(void *from, size_t bytes, void *to) {
#ifdef MREMAP_FIXED
    void *moved = mremap(from, bytes, bytes, MREMAP_MAYMOVE | MREMAP_FIXED, to);
    if (moved == to) return 0;
#endif
    // Not moved (too many mappings, or no mremap): the target may have been unmapped first, so
    // it is mapped again, fresh, and the source given back.
    void *fresh = mmap(to, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    munmap(from, bytes);
    return fresh == to ? -1 : -2;
}
