#ifndef QAPRESS_BYTE_SET_H
#define QAPRESS_BYTE_SET_H

#include <stddef.h>
#include <stdint.h>

/// A set of byte values, searched for thirty-two or sixteen bytes at a time where the
/// processor can (AVX2 or SSSE3 on x86-64) and one at a time elsewhere. The scans over every text of a build
/// (the Markdown pre-checks, the privacy prefilter, the watch-list search) skip the bytes
/// that do not concern them with it.
typedef struct {
    /// 1 for a byte in the set, 0 otherwise.
    uint8_t member[256];
    /// For each low nibble, a bit for each high nibble 0-7 (`low_a`) and 8-15 (`low_b`)
    /// whose byte is in the set; `high_a` and `high_b` map a high nibble to its bit.
    uint8_t low_a[16], high_a[16], low_b[16], high_b[16];
} QAByteSet;

/// Makes the set of the bytes whose entry in `members` (256 entries) is not zero.
void qa_byte_set_init(QAByteSet *set, const uint8_t *members);

/// The index of the first byte at or after `from` in `bytes[0..<count]` that is in the set,
/// or `count` when there is none.
size_t qa_byte_set_find(const QAByteSet *set, const uint8_t *bytes, size_t count, size_t from);

#endif
