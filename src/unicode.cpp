// SPDX-License-Identifier: MIT
// Hand-written UTF-8 decoding for the segmenter's few character classes; the input was
// validated by the reader, so decoding here never checks.
#include "annotate/unicode.hpp"

namespace annotate {

char32_t decode_at(std::string_view text, std::size_t i, std::size_t* length) {
  const auto byte = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]));
  };
  const char32_t first = byte(0);
  if (first < 0x80) {
    *length = 1;
    return first;
  }
  if (first < 0xE0) {
    *length = 2;
    return ((first & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (first < 0xF0) {
    *length = 3;
    return ((first & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  }
  *length = 4;
  return ((first & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
         (byte(3) & 0x3F);
}

char32_t decode_before(std::string_view text, std::size_t i, std::size_t* length) {
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return decode_at(text, start, length);
}

bool is_closing_mark(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U')': case U']': case U'\u201D': case U'\u2019':
    case U'\u00BB': case U'\u203A': case U'\u300D': case U'\u300F': case U'\uFF09':
      return true;
    default:
      return false;
  }
}

bool is_opening_mark(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U'(': case U'[': case U'\u201C': case U'\u2018':
    case U'\u00AB': case U'\u2039': case U'\u300C': case U'\u300E': case U'\uFF08':
      return true;
    default:
      return false;
  }
}

bool starts_sentence_letter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||  // Latin-1
         (c >= 0x391 && c <= 0x3A9) ||                                       // Greek
         (c >= 0x400 && c <= 0x42F) ||                                       // Cyrillic
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3040 && c <= 0x30FF) ||     // CJK, kana
         (c >= 0xAC00 && c <= 0xD7A3);                                       // Hangul
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_regex_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

int superscript_digit_value(char32_t c) {
  switch (c) {
    case U'\u2070': return 0;
    case U'\u00B9': return 1;
    case U'\u00B2': return 2;
    case U'\u00B3': return 3;
    default:
      if (c >= 0x2074 && c <= 0x2079) return static_cast<int>(c - 0x2070);
      return -1;
  }
}

bool word_ends_at(std::string_view text, std::size_t i, std::size_t end) {
  if (i >= end) return true;
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    return !((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9'));
  }
  std::size_t length = 0;
  const char32_t c = decode_at(text, i, &length);
  if (c < 0x80) {
    return !((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'));
  }
  // Punctuation and symbols (General Punctuation, quotes, dashes, CJK punctuation) end a
  // word, and so does a superscript callout glued to it ("China⁴").
  return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || c == 0xA0 || c == 0xAB || c == 0xBB ||
         superscript_digit_value(c) >= 0;
}

std::string_view strip_closing_marks(std::string_view line) {
  while (!line.empty()) {
    std::size_t length = 0;
    if (!is_closing_mark(decode_before(line, line.size(), &length))) break;
    line.remove_suffix(length);
  }
  return line;
}

bool is_wholly_quoted(std::string_view line) {
  if (line.size() < 2) return false;
  std::size_t first_length = 0;
  std::size_t last_length = 0;
  const char32_t first = decode_at(line, 0, &first_length);
  const char32_t last = decode_before(line, line.size(), &last_length);
  if (first_length + last_length >= line.size()) return false;
  return (first == U'\u201C' && last == U'\u201D') || (first == U'"' && last == U'"') ||
         (first == U'\u2018' && last == U'\u2019') || (first == U'\u00AB' && last == U'\u00BB');
}

std::string_view strip_enclosing_quotes(std::string_view line) {
  if (!is_wholly_quoted(line)) return line;
  std::size_t first_length = 0;
  std::size_t last_length = 0;
  decode_at(line, 0, &first_length);
  decode_before(line, line.size(), &last_length);
  return line.substr(first_length, line.size() - first_length - last_length);
}

}  // namespace annotate
