#ifndef QAPRESS_CMARK_ARENA_H
#define QAPRESS_CMARK_ARENA_H

#include <stddef.h>

// A cmark_mem (cmark-gfm's allocator interface) whose memory comes from the calling thread's
// arena: cmark-gfm's calloc, realloc and free become a few additions, and everything one text
// allocated is given back at once by qapress_cmark_arena_reset, without walking its tree.
// The pointer is a `cmark_mem *`; it is declared void here so that this header does not
// bring in cmark-gfm's own.
void *qapress_cmark_arena_allocator(void);

// Gives back everything the calling thread's arena holds. Nothing cmark-gfm made with the
// allocator on this thread may be used afterwards.
void qapress_cmark_arena_reset(void);

// Bytes the calling thread's arena has handed out since its last reset (for the tests).
size_t qapress_cmark_arena_in_use(void);

// Blocks the calling thread's arena holds now (for the tests): one after a reset.
size_t qapress_cmark_arena_blocks(void);

// Blocks the calling thread's arena has made in its life (for the tests).
size_t qapress_cmark_arena_blocks_made(void);

#endif
