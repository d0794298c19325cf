// SPDX-License-Identifier: MIT
// Byte -> code point index. A full per-byte table would cost 8 bytes of memory per input
// byte; a count and a 64-bit mask of continuation bytes per 64 bytes cost a quarter of a
// byte per byte, and a lookup is a masked bit count instead of a scan.
#include "annotate/text_index.hpp"

#include <algorithm>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace annotate {

namespace {

// Bit i set when text[begin + i] is a continuation byte (10xxxxxx), for the up to 64
// bytes of [begin, end).
std::uint64_t continuation_mask(std::string_view text, std::size_t begin, std::size_t end) {
  std::uint64_t mask = 0;
  std::size_t i = begin;
#ifdef __SSE2__
  // Sixteen bytes at a time: the top two bits of each, compared with 10.
  for (; i + 16 <= end; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i top = _mm_and_si128(bytes, _mm_set1_epi8(static_cast<char>(0xC0)));
    const auto bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(top, _mm_set1_epi8(static_cast<char>(0x80)))));
    mask |= std::uint64_t{bits} << (i - begin);
  }
#endif
  for (; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) mask |= std::uint64_t{1} << (i - begin);
  }
  return mask;
}

}  // namespace

TextIndex::TextIndex(std::string_view text) : size_(text.size()) {
  // One block more than the text fills, so that the text's end has a block too.
  const std::size_t blocks = text.size() / kBlock + 1;
  counts_.reserve(blocks);
  continuations_.reserve(blocks);
  std::size_t count = 0;
  for (std::size_t begin = 0; begin <= text.size(); begin += kBlock) {
    const std::size_t end = std::min(begin + kBlock, text.size());
    const std::uint64_t mask = continuation_mask(text, begin, end);
    counts_.push_back(count);
    continuations_.push_back(mask);
    count += (end - begin) - bit_count(mask);
  }
}

}  // namespace annotate
