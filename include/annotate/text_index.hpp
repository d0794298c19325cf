// SPDX-License-Identifier: MIT
// TextIndex: turns byte offsets into code point offsets for the contract's `span`, in
// constant time per lookup (two loads and a bit count) and with memory of a quarter of a
// byte per byte of text.
#ifndef ANNOTATE_TEXT_INDEX_HPP_
#define ANNOTATE_TEXT_INDEX_HPP_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace annotate {

class TextIndex {
 public:
  /// Bytes per block: each block keeps the code points before it and a bit per byte.
  static constexpr std::size_t kBlock = 64;

  /// REQUIRES: `text` is valid UTF-8 and outlives the index.
  explicit TextIndex(std::string_view text);

  /// The number of code points in text[0, byte).
  /// REQUIRES: byte <= text.size() and byte is on a code point boundary.
  std::size_t code_point_at(std::size_t byte) const {
    const std::size_t block = byte / kBlock;
    const std::size_t offset = byte % kBlock;
    // The continuation bytes (10xxxxxx) of the block before `byte`: none in ASCII prose.
    const std::uint64_t before = continuations_[block] & ((std::uint64_t{1} << offset) - 1);
    return counts_[block] + offset - (before == 0 ? 0 : bit_count(before));
  }
  std::size_t code_points() const { return code_point_at(size_); }

 private:
  /// Set bits in `word`. (std::popcount is C++20, and without -mpopcnt GCC's builtin is a
  /// library call.)
  static std::size_t bit_count(std::uint64_t word) {
    word = word - ((word >> 1) & 0x5555555555555555ULL);
    word = (word & 0x3333333333333333ULL) + ((word >> 2) & 0x3333333333333333ULL);
    word = (word + (word >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<std::size_t>((word * 0x0101010101010101ULL) >> 56);
  }

  std::size_t size_ = 0;
  std::vector<std::size_t> counts_;           ///< code points before byte k * kBlock
  std::vector<std::uint64_t> continuations_;  ///< bit i: byte k * kBlock + i is a continuation byte
};

}  // namespace annotate

#endif  // ANNOTATE_TEXT_INDEX_HPP_
