// SPDX-License-Identifier: MIT
// Span: a half-open byte range into Document::text. Every annotation points into the one
// immutable text through a Span; the JSON writer turns spans into code points once.
#ifndef ANNOTATE_SPAN_HPP_
#define ANNOTATE_SPAN_HPP_

#include <cstddef>
#include <string_view>

namespace annotate {

/// A half-open range [begin, end) of UTF-8 bytes in Document::text (after any BOM).
/// Invariant for every stored span: begin <= end <= text.size(), and both ends fall on
/// code point boundaries.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  /// The covered bytes of `text`.
  std::string_view of(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  bool contains(const Span& other) const {
    return begin <= other.begin && other.end <= end;
  }
  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend bool operator!=(const Span& a, const Span& b) { return !(a == b); }
};

/// Narrows `span` so that it starts and ends on a non-whitespace byte of `text`
/// (ASCII whitespace and the no-break space U+00A0). An all-space span becomes empty at its end.
Span trim(std::string_view text, Span span);

}  // namespace annotate

#endif  // ANNOTATE_SPAN_HPP_
