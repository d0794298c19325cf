// SPDX-License-Identifier: MIT
// The streaming JSON writer. Escaping scans for the bytes that need it and copies the runs
// between them whole, which keeps the writer far faster than building a DOM and dumping it.
#include "annotate/json_writer.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>

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

}  // namespace

void JsonWriter::escape(std::string& out, std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Eight bytes at a time while none needs escaping: text is mostly plain prose.
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (needs_escape(word)) break;
      i += 8;
    }
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + run, text.size() - run);
}

void JsonWriter::newline_and_indent() {
  out_ += '\n';
  out_.append(2 * has_members_.size(), ' ');
}

void JsonWriter::before_value() {
  if (key_pending_) {
    key_pending_ = false;
    return;
  }
  if (has_members_.empty()) return;
  if (has_members_.back()) out_ += ',';
  has_members_.back() = true;
  if (pretty_) newline_and_indent();
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_members_.push_back(false);
}

void JsonWriter::close(char bracket) {
  const bool had_members = has_members_.back();
  has_members_.pop_back();
  if (pretty_ && had_members) newline_and_indent();
  out_ += bracket;
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_members_.push_back(false);
}

void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view name) {
  before_value();
  out_ += '"';
  escape(out_, name);
  out_ += pretty_ ? "\": " : "\":";
  key_pending_ = true;
}

void JsonWriter::string(std::string_view value) {
  before_value();
  out_ += '"';
  escape(out_, value);
  out_ += '"';
}

void JsonWriter::number(std::int64_t value) {
  before_value();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
}

void JsonWriter::number(std::size_t value) {
  before_value();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

}  // namespace annotate
