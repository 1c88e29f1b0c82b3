// The prefetch hint is a static inline function in include/CPrefetch.h; SwiftPM needs a source file.
#include "CPrefetch.h"
