#include "byte_set.h"

#include <string.h>

#if defined(__x86_64__)
#include <tmmintrin.h>
#endif

void qa_byte_set_init(QAByteSet *set, const uint8_t *members) {
    memset(set, 0, sizeof *set);
    for (int byte = 0; byte < 256; byte++) {
        if (!members[byte]) continue;
        set->member[byte] = 1;
        int high = byte >> 4, low = byte & 15;
        if (high < 8) set->low_a[low] |= (uint8_t)(1u << high);
        else set->low_b[low] |= (uint8_t)(1u << (high - 8));
    }
    for (int high = 0; high < 16; high++) {
        set->high_a[high] = high < 8 ? (uint8_t)(1u << high) : 0;
        set->high_b[high] = high >= 8 ? (uint8_t)(1u << (high - 8)) : 0;
    }
}

static size_t find_scalar(const QAByteSet *set, const uint8_t *bytes, size_t count, size_t from) {
    while (from < count && !set->member[bytes[from]]) from++;
    return from;
}

#if defined(__x86_64__)
/// Sixteen bytes at a time: each byte's low nibble picks, from `low_a` and `low_b`, the high
/// nibbles that are in the set with it; its high nibble picks its own bit; a byte is in the
/// set when the two share a bit.
__attribute__((target("ssse3")))
static inline unsigned members_ssse3(__m128i block, __m128i low_a, __m128i high_a, __m128i low_b, __m128i high_b) {
    const __m128i nibble = _mm_set1_epi8(0x0F);
    __m128i low = _mm_and_si128(block, nibble);
    __m128i high = _mm_and_si128(_mm_srli_epi16(block, 4), nibble);
    __m128i in_a = _mm_and_si128(_mm_shuffle_epi8(low_a, low), _mm_shuffle_epi8(high_a, high));
    __m128i in_b = _mm_and_si128(_mm_shuffle_epi8(low_b, low), _mm_shuffle_epi8(high_b, high));
    unsigned outside = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(in_a, in_b), _mm_setzero_si128()));
    return ~outside & 0xFFFF;
}

/// At least sixteen bytes from `from` on. The last block overlaps the one before it, so no
/// byte is read one at a time; the bytes it looks at again were in a block without members.
__attribute__((target("ssse3")))
static size_t find_ssse3(const QAByteSet *set, const uint8_t *bytes, size_t count, size_t from) {
    const __m128i low_a = _mm_loadu_si128((const __m128i *)set->low_a);
    const __m128i high_a = _mm_loadu_si128((const __m128i *)set->high_a);
    const __m128i low_b = _mm_loadu_si128((const __m128i *)set->low_b);
    const __m128i high_b = _mm_loadu_si128((const __m128i *)set->high_b);
    while (from + 16 <= count) {
        unsigned members = members_ssse3(_mm_loadu_si128((const __m128i *)(bytes + from)), low_a, high_a, low_b, high_b);
        if (members) return from + (size_t)__builtin_ctz(members);
        from += 16;
    }
    if (from == count) return count;
    size_t last = count - 16;
    unsigned members = members_ssse3(_mm_loadu_si128((const __m128i *)(bytes + last)), low_a, high_a, low_b, high_b);
    return members ? last + (size_t)__builtin_ctz(members) : count;
}
#endif

size_t qa_byte_set_find(const QAByteSet *set, const uint8_t *bytes, size_t count, size_t from) {
    if (from >= count) return from;
#if defined(__x86_64__)
    if (count - from >= 16 && __builtin_cpu_supports("ssse3")) return find_ssse3(set, bytes, count, from);
#endif
    return find_scalar(set, bytes, count, from);
}
