#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to bring the cache line holding `address` closer, without waiting for it
/// and without reading it: a hint that never faults, whatever the address. ByteCore calls it
/// only with addresses inside its own buffers.
static inline void cprefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
