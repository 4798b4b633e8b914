// The memory of one Markdown text's parse and render, from an arena that belongs to the
// thread doing it. cmark-gfm takes its allocator as a cmark_mem (calloc, realloc and free
// without a context), and every allocation of a parser, its tree and its HTML goes through
// the one it was made with (cmark-gfm ships a single, process-wide arena of its own for the
// same use, which cannot serve two threads at once). A text allocates thousands of small
// pieces (a node, a buffer for each line and literal) that all die together when its HTML
// has been copied out; here each is a bump of a pointer, and all of them go with one reset.
//
// Each allocation is preceded by its size, so that realloc knows how much to copy. The most
// recent allocation of a block can grow (and be freed) in place, which is how cmark-gfm's
// buffers mostly grow. Blocks are kept from text to text; a text larger than one block gets
// more, and the extra ones are given back at the reset.
#include <cmark-gfm.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cmark_arena.h"

enum { HEADER = 16, BLOCK_BYTES = 256 * 1024 };

typedef struct block {
    struct block *next;
    size_t capacity;  // bytes in data
    size_t used;
    _Alignas(16) unsigned char data[];
} block;

typedef struct arena {
    block *first;    // the block kept between texts
    block *current;  // the block being filled; blocks before it are full
    unsigned char *last;  // the most recent allocation in current, or NULL
    size_t handed_out;
    size_t blocks_made;
} arena;

static pthread_key_t arena_key;
static pthread_once_t arena_key_once = PTHREAD_ONCE_INIT;
static __thread arena *this_thread;

static void release_blocks(block *b) {
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
}

static void destroy_arena(void *value) {
    arena *a = value;
    release_blocks(a->first);
    free(a);
}

static void make_key(void) {
    if (pthread_key_create(&arena_key, destroy_arena) != 0) abort();
}

static block *new_block(size_t capacity) {
    block *b = malloc(sizeof(block) + capacity);
    if (!b) abort();
    b->next = NULL;
    b->capacity = capacity;
    b->used = 0;
    return b;
}

static arena *current_arena(void) {
    arena *a = this_thread;
    if (a) return a;
    pthread_once(&arena_key_once, make_key);
    a = calloc(1, sizeof(arena));
    if (!a) abort();
    a->first = a->current = new_block(BLOCK_BYTES);
    a->blocks_made = 1;
    // The key's destructor frees the arena when the thread ends.
    if (pthread_setspecific(arena_key, a) != 0) abort();
    this_thread = a;
    return a;
}

static size_t *size_of(unsigned char *p) { return (size_t *)(p - HEADER); }

static size_t rounded(size_t n) {
    if (n > SIZE_MAX - 2 * HEADER) abort();
    return (n + (HEADER - 1)) & ~(size_t)(HEADER - 1);
}

// `size` bytes, not cleared.
static unsigned char *take(arena *a, size_t size) {
    size_t need = HEADER + rounded(size);
    block *b = a->current;
    if (b->capacity - b->used < need) {
        // A text larger than a block gets another after it (the current block is always the
        // last); the reset frees all but the first.
        block *fresh = new_block(need > BLOCK_BYTES ? need : BLOCK_BYTES);
        a->blocks_made++;
        b->next = fresh;
        a->current = b = fresh;
    }
    unsigned char *p = b->data + b->used + HEADER;
    b->used += need;
    *size_of(p) = rounded(size);
    a->last = p;
    a->handed_out += size;
    return p;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    size_t bytes = count * size;
    unsigned char *p = take(current_arena(), bytes);
    memset(p, 0, bytes);
    return p;
}

static void *arena_realloc(void *pointer, size_t size) {
    arena *a = current_arena();
    if (!pointer) return take(a, size);
    unsigned char *p = pointer;
    size_t old = *size_of(p);
    if (size <= old) return p;
    block *b = a->current;
    if (p == a->last) {
        // The newest allocation grows where it is, while its block has room.
        size_t grown = rounded(size);
        size_t end = (size_t)(p - b->data) + grown;
        if (end <= b->capacity) {
            b->used = end;
            a->handed_out += size - old;
            *size_of(p) = grown;
            return p;
        }
    }
    unsigned char *moved = take(a, size);
    memcpy(moved, p, old);
    return moved;
}

static void arena_free(void *pointer) {
    arena *a = this_thread;
    unsigned char *p = pointer;
    if (!a || !p || p != a->last) return;
    // The newest allocation's room is used again by the next one.
    block *b = a->current;
    b->used = (size_t)(p - HEADER - b->data);
    a->last = NULL;
}

static cmark_mem arena_allocator = {arena_calloc, arena_realloc, arena_free};

void *qapress_cmark_arena_allocator(void) {
    current_arena();
    return &arena_allocator;
}

void qapress_cmark_arena_reset(void) {
    arena *a = this_thread;
    if (!a) return;
    release_blocks(a->first->next);
    a->first->next = NULL;
    a->first->used = 0;
    a->current = a->first;
    a->last = NULL;
    a->handed_out = 0;
}

size_t qapress_cmark_arena_in_use(void) {
    arena *a = this_thread;
    return a ? a->handed_out : 0;
}

size_t qapress_cmark_arena_blocks(void) {
    arena *a = this_thread;
    size_t n = 0;
    for (block *b = a ? a->first : NULL; b; b = b->next) n++;
    return n;
}

size_t qapress_cmark_arena_blocks_made(void) {
    arena *a = this_thread;
    return a ? a->blocks_made : 0;
}
