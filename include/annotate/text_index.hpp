// SPDX-License-Identifier: MIT
// TextIndex: turns byte offsets into code point offsets for the contract's `span`, in
// constant time per lookup and with memory of one sixteenth of a byte per byte of text.
#ifndef ANNOTATE_TEXT_INDEX_HPP_
#define ANNOTATE_TEXT_INDEX_HPP_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace annotate {

class TextIndex {
 public:
  /// Bytes between checkpoints; a lookup counts at most this many bytes.
  static constexpr std::size_t kStride = 32;
  /// Bytes per block: a block's checkpoints are 16-bit counts from its start.
  static constexpr std::size_t kBlock = 4096;

  /// REQUIRES: `text` is valid UTF-8 and outlives the index.
  explicit TextIndex(std::string_view text);

  /// The number of code points in text[0, byte).
  /// REQUIRES: byte <= text.size() and byte is on a code point boundary.
  std::size_t code_point_at(std::size_t byte) const;
  std::size_t code_points() const { return code_point_at(text_.size()); }

 private:
  std::string_view text_;
  std::vector<std::size_t> blocks_;        ///< code points before byte k * kBlock
  std::vector<std::uint16_t> checkpoints_;  ///< code points from its block's start to byte k * kStride
};

}  // namespace annotate

#endif  // ANNOTATE_TEXT_INDEX_HPP_
