// SPDX-License-Identifier: MIT
// The streaming JSON writer. Escaping scans sixteen (SSE2) or eight bytes at a time for the
// bytes that need it and copies the runs between them whole; tokens are staged in a buffer.
#include "annotate/json_writer.hpp"

#include <charconv>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace annotate {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// True when one of the eight bytes of `word` is below 0x20, a quote or a backslash: the
// classic "has zero byte" and "has byte less than" tests, exact as yes/no answers.
bool needs_escape(std::uint64_t word) {
  const std::uint64_t control = (word - kOnes * 0x20) & ~word & kHighBits;
  const std::uint64_t quote = word ^ (kOnes * '"');
  const std::uint64_t backslash = word ^ (kOnes * '\\');
  return (control | ((quote - kOnes) & ~quote & kHighBits) | ((backslash - kOnes) & ~backslash & kHighBits)) != 0;
}

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Calls copy(bytes, count) for the runs that need no escaping and escaped(c) for each
// byte that does, in order.
template <typename Copy, typename Escaped>
void scan(std::string_view text, Copy copy, Escaped escaped) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const char* run = p;  // the start of the bytes not yet copied
  auto visit = [&](const char* at) {
    const auto c = static_cast<unsigned char>(*at);
    if (!needs_escape(c)) return;
    copy(run, static_cast<std::size_t>(at - run));
    escaped(c);
    run = at + 1;
  };
#ifdef __SSE2__
  // Sixteen bytes at a time where SSE2 is there (every x86-64): text is mostly plain prose.
  const __m128i below_space = _mm_set1_epi8(0x1F);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  while (end - p >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, below_space), bytes);  // unsigned <= 0x1F
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
    // Only the bytes that need escaping are visited, one set bit each.
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, special))); mask != 0;
         mask &= mask - 1) {
      visit(p + __builtin_ctz(mask));
    }
    p += 16;
  }
#endif
  // Eight bytes at a time while none needs escaping.
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    if (needs_escape(word)) {
      for (int k = 0; k < 8; ++k) visit(p + k);
    }
    p += 8;
  }
  for (; p < end; ++p) visit(p);
  copy(run, static_cast<std::size_t>(end - run));
}

// The escape sequence of a byte that needs one, in `out` (at most 6 bytes); its length.
std::size_t escape_sequence(unsigned char c, char* out) {
  static const char kHex[] = "0123456789abcdef";
  out[0] = '\\';
  switch (c) {
    case '"': out[1] = '"'; return 2;
    case '\\': out[1] = '\\'; return 2;
    case '\n': out[1] = 'n'; return 2;
    case '\r': out[1] = 'r'; return 2;
    case '\t': out[1] = 't'; return 2;
    case '\b': out[1] = 'b'; return 2;
    case '\f': out[1] = 'f'; return 2;
    default:
      out[1] = 'u';
      out[2] = '0';
      out[3] = '0';
      out[4] = kHex[c >> 4];
      out[5] = kHex[c & 0xF];
      return 6;
  }
}

}  // namespace

bool JsonWriter::short_needs_escape(const char* p, std::size_t size) {
  // Words put together in registers: a narrower store into a wider word read back at once
  // would stall on store forwarding. Sizes 8 to 32 are covered by overlapping words, the
  // shorter ones padded with spaces.
  if (size >= 8) {
    std::uint64_t first;
    std::uint64_t last;
    std::memcpy(&first, p, 8);
    std::memcpy(&last, p + size - 8, 8);
    if (needs_escape(first) || needs_escape(last)) return true;
    if (size > 16) {
      std::uint64_t second;
      std::uint64_t third;
      std::memcpy(&second, p + 8, 8);
      std::memcpy(&third, p + size - 16, 8);
      return needs_escape(second) || needs_escape(third);
    }
    return false;
  }
  const std::uint64_t high_spaces = (kOnes * ' ') & 0xFFFFFFFF00000000ULL;
  std::uint64_t first = kOnes * ' ';
  std::uint64_t last = kOnes * ' ';
  if (size >= 4) {
    std::uint32_t head;
    std::uint32_t tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + size - 4, 4);
    first = head | high_spaces;
    last = tail | high_spaces;
  } else {
    for (std::size_t k = 0; k < size; ++k) {
      const std::uint64_t byte = static_cast<unsigned char>(p[k]);
      first = (first & ~(std::uint64_t{0xFF} << (8 * k))) | (byte << (8 * k));
    }
  }
  return needs_escape(first) || needs_escape(last);
}

bool JsonWriter::put_plain_short(std::string_view text, bool quoted) {
  const std::size_t size = text.size();
  if (size > kShortBytes || short_needs_escape(text.data(), size)) return false;
  const std::size_t quote = quoted ? 1 : 0;
  char* const to = room(size + 2 * quote);
  if (quoted) {
    to[0] = '"';
    to[size + 1] = '"';
  }
  copy_short(to + quote, text.data(), size);
  used_ += size + 2 * quote;
  return true;
}

void JsonWriter::put_escaped(std::string_view text) {
  // Most strings are short (ids, forms, rule ids, names) and need no escaping: checked and
  // copied whole.
  if (put_plain_short(text, false)) return;
  scan(
      text, [&](const char* bytes, std::size_t count) { put(bytes, count); },
      [&](unsigned char c) {
        char sequence[6];
        put(sequence, escape_sequence(c, sequence));
      });
}

void JsonWriter::newline_and_indent() {
  put('\n');
  for (std::size_t i = 0; i < depth_; ++i) put("  ", 2);
}


void JsonWriter::key(std::string_view name) {
  before_value();
  put('"');
  put_escaped(name);
  put(pretty_ ? "\": " : "\":", pretty_ ? 3 : 2);
  key_pending_ = true;
}

void JsonWriter::string(std::string_view value) {
  before_value();
  if (!put_plain_short(value, true)) {
    put('"');
    put_escaped(value);
    put('"');
  }
  after_value();
}

void JsonWriter::number_pair(std::size_t first, std::size_t second) {
  if (pretty_) {
    begin_array();
    number(first);
    number(second);
    end_array();
    return;
  }
  before_value();
  char* const to = room(kPairBytes);
  used_ += static_cast<std::size_t>(put_pair(to, first, second) - to);
  after_value();
}

void JsonWriter::number(std::int64_t value) {
  before_value();
  if (kBufferBytes - used_ < 24) flush();  // as number(std::size_t)
  used_ = static_cast<std::size_t>(std::to_chars(buffer_ + used_, buffer_ + kBufferBytes, value).ptr - buffer_);
  after_value();
}

void JsonWriter::boolean(bool value) {
  before_value();
  put(value ? "true" : "false", value ? 4 : 5);
  after_value();
}

void JsonWriter::null() {
  before_value();
  put("null", 4);
  after_value();
}

}  // namespace annotate
