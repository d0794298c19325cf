// SPDX-License-Identifier: MIT
// Span helpers shared by every stage.
#include "annotate/span.hpp"

namespace annotate {

namespace {

// Returns the length of the space character starting at text[i], or 0. The no-break space
// matters because web pages pasted as text carry it at line ends ("cultivating\u00a0what").
std::size_t space_length_at(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
  return 0;
}

// The length of a space character ending just before text[i], or 0.
std::size_t space_length_before(std::string_view text, std::size_t i) {
  if (i == 0) return 0;
  if (space_length_at(text, i - 1) == 1) return 1;
  if (i >= 2 && text[i - 2] == '\xC2' && text[i - 1] == '\xA0') return 2;
  return 0;
}

}  // namespace

Span trim(std::string_view text, Span span) {
  while (span.begin < span.end) {
    const std::size_t n = space_length_at(text, span.begin);
    if (n == 0) break;
    span.begin += n;
  }
  while (span.end > span.begin) {
    const std::size_t n = space_length_before(text, span.end);
    if (n == 0) break;
    span.end -= n;
  }
  return span;
}

}  // namespace annotate
