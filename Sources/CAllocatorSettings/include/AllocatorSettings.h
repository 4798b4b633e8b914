// Settings for jemalloc, the allocator the qapress program links (see AllocatorSettings.c).
#pragma once
extern const char *malloc_conf;
