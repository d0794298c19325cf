// SPDX-License-Identifier: MIT
// Checkpointed byte -> code point index. A full per-byte table would cost 8 bytes of memory
// per input byte; a 16-bit checkpoint every 32 bytes and a full count every 4096 cost 1/16
// byte per byte and a scan of at most 31 bytes, four words at a time.
#include "annotate/text_index.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace annotate {

namespace {

// Counts the bytes in [begin, end) that start a code point (are not 10xxxxxx).
std::size_t count_lead_bytes(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  std::size_t i = begin;
  // Eight bytes at a time.
  for (; i + 8 <= end; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    // A lead byte has its top bit clear or the next one set; the multiply sums the eight
    // 0/1 bytes into the top byte.
    const std::uint64_t lead = ((~word >> 7) | (word >> 6)) & 0x0101010101010101ULL;
    count += static_cast<std::size_t>((lead * 0x0101010101010101ULL) >> 56);
  }
  if (i == end) return count;
  // The last few bytes: as part of a word read in full where the text has eight bytes
  // from there (little-endian, so the first bytes are the low ones), else one by one.
  if (i + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t kept = (std::uint64_t{1} << (8 * (end - i))) - 1;
    const std::uint64_t lead = ((~word >> 7) | (word >> 6)) & 0x0101010101010101ULL & kept;
    return count + static_cast<std::size_t>((lead * 0x0101010101010101ULL) >> 56);
  }
  for (; i < end; ++i) {
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return count;
}

}  // namespace

TextIndex::TextIndex(std::string_view text) : text_(text) {
  static_assert(TextIndex::kBlock % TextIndex::kStride == 0 && TextIndex::kBlock <= 65535,
                "a block's counts must fit 16 bits");
  blocks_.reserve(text.size() / kBlock + 1);
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t count = 0;
  std::size_t block_start = 0;
  for (std::size_t begin = 0; begin <= text.size(); begin += kStride) {
    if (begin % kBlock == 0) {
      blocks_.push_back(count);
      block_start = count;
    }
    checkpoints_.push_back(static_cast<std::uint16_t>(count - block_start));
    const std::size_t end = std::min(begin + kStride, text.size());
    count += count_lead_bytes(text, begin, end);
  }
}

std::size_t TextIndex::code_point_at(std::size_t byte) const {
  const std::size_t checkpoint = byte / kStride;
  return blocks_[byte / kBlock] + checkpoints_[checkpoint] + count_lead_bytes(text_, checkpoint * kStride, byte);
}

}  // namespace annotate
