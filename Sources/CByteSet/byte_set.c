#include "byte_set.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
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

/// The same test on thirty-two bytes: AVX2 shuffles within each half, so each table is in
/// both halves.
__attribute__((target("avx2")))
static inline unsigned members_avx2(__m256i block, __m256i low_a, __m256i high_a, __m256i low_b, __m256i high_b) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    __m256i low = _mm256_and_si256(block, nibble);
    __m256i high = _mm256_and_si256(_mm256_srli_epi16(block, 4), nibble);
    __m256i in_a = _mm256_and_si256(_mm256_shuffle_epi8(low_a, low), _mm256_shuffle_epi8(high_a, high));
    __m256i in_b = _mm256_and_si256(_mm256_shuffle_epi8(low_b, low), _mm256_shuffle_epi8(high_b, high));
    return ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_or_si256(in_a, in_b), _mm256_setzero_si256()));
}

/// At least thirty-two bytes from `from` on, as `find_ssse3` does sixteen.
__attribute__((target("avx2")))
static size_t find_avx2(const QAByteSet *set, const uint8_t *bytes, size_t count, size_t from) {
    const __m256i low_a = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)set->low_a));
    const __m256i high_a = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)set->high_a));
    const __m256i low_b = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)set->low_b));
    const __m256i high_b = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)set->high_b));
    while (from + 32 <= count) {
        unsigned members = members_avx2(_mm256_loadu_si256((const __m256i *)(bytes + from)), low_a, high_a, low_b, high_b);
        if (members) return from + (size_t)__builtin_ctz(members);
        from += 32;
    }
    if (from == count) return count;
    size_t last = count - 32;
    unsigned members = members_avx2(_mm256_loadu_si256((const __m256i *)(bytes + last)), low_a, high_a, low_b, high_b);
    return members ? last + (size_t)__builtin_ctz(members) : count;
}
#endif

size_t qa_byte_set_find(const QAByteSet *set, const uint8_t *bytes, size_t count, size_t from) {
    if (from >= count) return from;
#if defined(__x86_64__)
    if (count - from >= 32 && __builtin_cpu_supports("avx2")) return find_avx2(set, bytes, count, from);
    if (count - from >= 16 && __builtin_cpu_supports("ssse3")) return find_ssse3(set, bytes, count, from);
#endif
    return find_scalar(set, bytes, count, from);
}
