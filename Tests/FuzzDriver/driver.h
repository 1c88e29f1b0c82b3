// libFuzzer's driver entry point (compiler-rt's libclang_rt.fuzzer, linked by -sanitize=fuzzer):
// the fuzz executable's own main hands it the command line and the per-input callback.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
