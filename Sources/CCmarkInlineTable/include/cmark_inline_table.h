#ifndef QAPRESS_CMARK_INLINE_TABLE_H
#define QAPRESS_CMARK_INLINE_TABLE_H

#include <stdbool.h>

/// Finds cmark-gfm's own cmark_manage_extensions_special_characters. False if it cannot be
/// found, which leaves the table to the library alone.
bool qapress_inline_table_prepare(void);

/// Marks (add = 1) or unmarks (add = 0) the characters of the parser's extensions in
/// cmark-gfm's global table, with the library's own function. The parser is a cmark_parser *.
void qapress_inline_table_switch(void *parser, int add);

/// While the table is held steady, the library's parses leave it as it is.
void qapress_inline_table_hold(bool steady);

/// How many times cmark-gfm asked to mark or unmark characters while the table was not held
/// steady: proof that its calls come here.
long qapress_inline_table_requests(void);

#endif
