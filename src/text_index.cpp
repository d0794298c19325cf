// SPDX-License-Identifier: MIT
// Checkpointed byte -> code point index. A full per-byte table would cost 8 bytes of memory
// per input byte; checkpoints every 64 bytes cost 1/8 byte per byte and a short scan.
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
  for (; i < end; ++i) {
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return count;
}

}  // namespace

TextIndex::TextIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t count = 0;
  for (std::size_t begin = 0; begin <= text.size(); begin += kStride) {
    checkpoints_.push_back(count);
    const std::size_t end = std::min(begin + kStride, text.size());
    count += count_lead_bytes(text, begin, end);
  }
}

std::size_t TextIndex::code_point_at(std::size_t byte) const {
  const std::size_t checkpoint = byte / kStride;
  return checkpoints_[checkpoint] + count_lead_bytes(text_, checkpoint * kStride, byte);
}

}  // namespace annotate
