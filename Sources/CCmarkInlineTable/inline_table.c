// cmark-gfm 0.29.0.gfm.6 marks its extensions' characters in one global table at the start of
// every parse's inline pass and unmarks them at its end, through the exported function
// cmark_manage_extensions_special_characters, which the library calls through its PLT. This
// program defines a function of the same name, which the dynamic linker binds those calls to
// (an executable's definitions come first). It passes them on to the library's own function,
// except while the table is held steady: then all parses want the same characters marked,
// they are marked already, and no parse may unmark them under another. See
// InlineCharacterTable.swift for when the table is held.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include "cmark_inline_table.h"

typedef void (*manage_function)(void *parser, int add);

// The library's own function, found on first use (every thread that looks finds the same).
static _Atomic(manage_function) library_manage = NULL;
// Changed only while no parse runs (InlineCharacterTable's exclusive lock), and read by parses
// that hold its shared lock, so the lock orders them; atomic only so that the compiler knows.
static atomic_bool held_steady = false;
static atomic_long requests = 0;

void cmark_manage_extensions_special_characters(void *parser, int add);

static manage_function library(void) {
    manage_function known = atomic_load_explicit(&library_manage, memory_order_relaxed);
    if (known) return known;
    void *found = dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (found == NULL || found == (void *)cmark_manage_extensions_special_characters) return NULL;
    atomic_store_explicit(&library_manage, (manage_function)found, memory_order_relaxed);
    return (manage_function)found;
}

void cmark_manage_extensions_special_characters(void *parser, int add) {
    if (atomic_load_explicit(&held_steady, memory_order_relaxed)) return;
    atomic_fetch_add_explicit(&requests, 1, memory_order_relaxed);
    manage_function manage = library();
    if (manage) manage(parser, add);
}

bool qapress_inline_table_prepare(void) { return library() != NULL; }

void qapress_inline_table_switch(void *parser, int add) {
    manage_function manage = library();
    if (manage) manage(parser, add);
}

void qapress_inline_table_hold(bool steady) {
    atomic_store_explicit(&held_steady, steady, memory_order_relaxed);
}

long qapress_inline_table_requests(void) {
    return atomic_load_explicit(&requests, memory_order_relaxed);
}
