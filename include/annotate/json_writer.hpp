// SPDX-License-Identifier: MIT
// JsonWriter: streams JSON into a string without building a DOM, compact or indented.
// Commas, colons and indentation are its business; callers only nest.
#ifndef ANNOTATE_JSON_WRITER_HPP_
#define ANNOTATE_JSON_WRITER_HPP_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace annotate {

class JsonWriter {
 public:
  /// Appends to `out`. With `pretty`, nests by two spaces per level like `jq .`.
  /// Bytes are staged in a small buffer of the writer's own (a std::string append per
  /// token would cost more than the token) and reach `out` whenever the outermost value
  /// is complete, on flush(), and when the writer is destroyed.
  explicit JsonWriter(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// The key of the next member. REQUIRES: inside an object, and no key pending.
  void key(std::string_view name);
  /// A key the program spells itself (a contract name): copied without an escaping scan.
  /// REQUIRES: no quote, backslash or control character in `name`.
  void plain_key(std::string_view name) {
    // Compact output, the common case, puts `,"name":` in one go: a document has about
    // one key per byte of its text.
    if (!compact_key(name)) {
      before_value();
      put('"');
      put(name.data(), name.size());
      put(pretty_ ? "\": " : "\":", pretty_ ? 3 : 2);
      key_pending_ = true;
      return;
    }
    char* const to = room(name.size() + 4);
    used_ += static_cast<std::size_t>(put_compact_key(to, name) - to);
    key_pending_ = true;
  }
  template <std::size_t N>
  void key(const char (&name)[N]) {
    plain_key(std::string_view(name, N - 1));
  }
  /// A string value. REQUIRES: `value` is valid UTF-8 (the reader guarantees it).
  void string(std::string_view value);
  /// A string value that needs no escaping, such as an id the program made ("t12").
  /// REQUIRES: no quote, backslash or control character in `value`.
  void plain_string(std::string_view value);
  void number(std::int64_t value);
  void number(std::size_t value);
  void number(int value) { number(static_cast<std::int64_t>(value)); }
  /// `[first, second]`, as begin_array(), number(first), number(second), end_array().
  void number_pair(std::size_t first, std::size_t second);
  /// key(name) then number_pair(first, second); one move in compact output (every span
  /// in a document is two of these).
  void pair_member(std::string_view name, std::size_t first, std::size_t second) {
    if (!compact_key(name)) {
      plain_key(name);
      number_pair(first, second);
      return;
    }
    char* const to = room(name.size() + 4 + kPairBytes);
    used_ += static_cast<std::size_t>(put_pair(put_compact_key(to, name), first, second) - to);
  }
  /// The string of `prefix` and `number` ("t12"): an id the program makes.
  void id(char prefix, std::size_t number) {
    before_value();
    char* const to = room(kIdBytes);
    used_ += static_cast<std::size_t>(put_id(to, prefix, number) - to);
    after_value();
  }
  /// key(name) then id(prefix, number); one move in compact output.
  void id_member(std::string_view name, char prefix, std::size_t number) {
    if (!compact_key(name)) {
      plain_key(name);
      id(prefix, number);
      return;
    }
    char* const to = room(name.size() + 4 + kIdBytes);
    used_ += static_cast<std::size_t>(put_id(put_compact_key(to, name), prefix, number) - to);
  }
  void boolean(bool value);
  void null();
  /// key(name) then string(value).
  void member(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  template <std::size_t N>
  void member(const char (&name)[N], std::string_view value) {
    if (put_short_member(std::string_view(name, N - 1), value)) return;
    key(name);
    string(value);
  }
  /// Moves the staged bytes to `out`.
  void flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }
  /// The bytes written so far, staged ones included.
  std::size_t size() const { return out_.size() + used_; }

 private:
  static constexpr std::size_t kBufferBytes = 16 * 1024;
  static constexpr std::size_t kMaxDepth = 64;

  /// Strings up to this long are checked and copied in registers.
  static constexpr std::size_t kShortBytes = 32;

  /// Writes `value` in decimal at `to`, which has room for 20 bytes, and returns where it
  /// ends. Offsets, counts and ids are mostly under eight digits: those take two digits at a
  /// time from a table, inline (std::to_chars is a call per number, a sixth of the JSON).
  static char* put_decimal(char* to, std::uint64_t value) {
    if (value >= 100000000) return std::to_chars(to, to + 20, value).ptr;
    auto small = static_cast<std::uint32_t>(value);
    const std::size_t length = small < 10        ? 1
                               : small < 100     ? 2
                               : small < 1000    ? 3
                               : small < 10000   ? 4
                               : small < 100000  ? 5
                               : small < 1000000 ? 6
                               : small < 10000000 ? 7
                                                  : 8;
    char* at = to + length;
    while (small >= 100) {
      const std::uint32_t pair = (small % 100) * 2;
      small /= 100;
      at -= 2;
      at[0] = kDigitPairs[pair];
      at[1] = kDigitPairs[pair + 1];
    }
    if (small >= 10) {
      at[-2] = kDigitPairs[small * 2];
      at[-1] = kDigitPairs[small * 2 + 1];
    } else {
      at[-1] = static_cast<char>('0' + small);
    }
    return to + length;
  }
  /// The most `[first,second]` and `"t12"` take.
  static constexpr std::size_t kPairBytes = 2 * 20 + 3;
  static constexpr std::size_t kIdBytes = 20 + 3;
  /// Writes `[first,second]` at `to` (room for kPairBytes) and returns where it ends.
  static char* put_pair(char* to, std::size_t first, std::size_t second) {
    *to = '[';
    char* at = put_decimal(to + 1, first);
    *at++ = ',';
    at = put_decimal(at, second);
    *at++ = ']';
    return at;
  }
  /// Writes `"<prefix><number>"` at `to` (room for kIdBytes) and returns where it ends.
  static char* put_id(char* to, char prefix, std::size_t number) {
    to[0] = '"';
    to[1] = prefix;
    char* at = put_decimal(to + 2, number);
    *at++ = '"';
    return at;
  }
  static constexpr char kDigitPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";

  /// Room for `count` more bytes in the buffer, flushing it if need be.
  /// REQUIRES: count <= kBufferBytes.
  char* room(std::size_t count) {
    if (kBufferBytes - used_ < count) flush();
    return buffer_ + used_;
  }
  /// Copies `count` <= kShortBytes bytes with a few overlapping moves, not a call to memcpy.
  static void copy_short(char* to, const char* from, std::size_t count) {
    if (count >= 16) {
      copy_ends<std::uint64_t>(to, from, 16);
      copy_ends<std::uint64_t>(to + count - 16, from + count - 16, 16);
    } else if (count >= 8) {
      copy_ends<std::uint64_t>(to, from, count);
    } else if (count >= 4) {
      copy_ends<std::uint32_t>(to, from, count);
    } else if (count > 0) {
      to[0] = from[0];
      to[count / 2] = from[count / 2];
      to[count - 1] = from[count - 1];
    }
  }
  /// True when a string of at most kShortBytes bytes holds a byte that needs escaping.
  static bool short_needs_escape(const char* p, std::size_t size);
  /// Compact output inside a container: puts `,"name":"value"` in one move when the name
  /// (a contract name, never escaped) and the value are at most kShortBytes long and the
  /// value needs no escaping; false, and nothing put, if not. About half of a document's
  /// members are such pairs (ids, forms, rule ids, kinds).
  bool put_short_member(std::string_view name, std::string_view value) {
    if (!compact_key(name) || value.size() > kShortBytes || short_needs_escape(value.data(), value.size())) {
      return false;
    }
    char* const to = room(name.size() + value.size() + 6);
    char* at = put_compact_key(to, name);
    *at++ = '"';
    copy_short(at, value.data(), value.size());
    at += value.size();
    *at++ = '"';
    used_ += static_cast<std::size_t>(at - to);
    return true;
  }
  /// True when `name` goes out by put_compact_key(): compact output inside a container,
  /// no key pending, a name of at most kShortBytes.
  bool compact_key(std::string_view name) const {
    return !pretty_ && depth_ > 0 && !key_pending_ && name.size() <= kShortBytes;
  }
  /// Writes `,"name":` at `to` (no comma before a container's first member), which has room
  /// for name.size() + 4 bytes, and returns where it ends; `used_` is the caller's to move.
  /// REQUIRES: compact_key(name).
  char* put_compact_key(char* to, std::string_view name) {
    bool& has_members = has_members_[depth_ - 1];
    to[0] = ',';
    char* at = to + (has_members ? 1 : 0);
    has_members = true;
    *at++ = '"';
    copy_short(at, name.data(), name.size());
    at += name.size();
    *at++ = '"';
    *at++ = ':';
    return at;
  }
  /// Puts `text` in one move, in quotes if `quoted`, when it is at most kShortBytes long
  /// and needs no escaping (most ids, forms and rule ids); false, and nothing put, if not.
  bool put_plain_short(std::string_view text, bool quoted);

  void put(char c) {
    if (used_ == kBufferBytes) flush();
    buffer_[used_++] = c;
  }
  /// The first and the last sizeof(Word) bytes of `count`, which together cover them all.
  /// REQUIRES: sizeof(Word) <= count <= 2 * sizeof(Word).
  template <typename Word>
  static void copy_ends(char* to, const char* from, std::size_t count) {
    Word head;
    Word tail;
    std::memcpy(&head, from, sizeof(Word));
    std::memcpy(&tail, from + count - sizeof(Word), sizeof(Word));
    std::memcpy(to, &head, sizeof(Word));
    std::memcpy(to + count - sizeof(Word), &tail, sizeof(Word));
  }
  void put(const char* bytes, std::size_t count) {
    if (count > kBufferBytes - used_) {
      flush();
      if (count > kBufferBytes) {
        out_.append(bytes, count);
        return;
      }
    }
    char* const to = buffer_ + used_;
    used_ += count;
    // Most tokens are short: a few overlapping moves instead of a call to memcpy. (Up to
    // 16 bytes here, not kShortBytes: GCC's bounds check would otherwise flag the memcpy
    // below for the 24-byte id buffers of DocumentWriter, where it is never reached.)
    if (count <= 16) {
      copy_short(to, bytes, count);
    } else {
      std::memcpy(to, bytes, count);
    }
  }
  /// Puts `text` with JSON string escaping, without quotes: `"` `\` and the control
  /// characters are escaped; everything else, UTF-8 included, is copied.
  void put_escaped(std::string_view text);
  void before_value();
  void after_value() {
    if (depth_ == 0) flush();
  }
  void newline_and_indent();
  void open(char bracket);
  void close(char bracket);

  std::string& out_;
  bool pretty_;
  bool key_pending_ = false;
  std::size_t depth_ = 0;           ///< open containers
  bool has_members_[kMaxDepth]{};   ///< per open container
  std::size_t used_ = 0;
  char buffer_[kBufferBytes];
};

// The small calls are inline: a document's JSON is made of hundreds of thousands of them.

inline void JsonWriter::before_value() {
  if (key_pending_) {
    key_pending_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (has_members_[depth_ - 1]) put(',');
  has_members_[depth_ - 1] = true;
  if (pretty_) newline_and_indent();
}

inline void JsonWriter::open(char bracket) {
  before_value();
  if (depth_ == kMaxDepth) throw std::logic_error("JsonWriter: nesting deeper than 64");
  put(bracket);
  has_members_[depth_++] = false;
}

inline void JsonWriter::close(char bracket) {
  const bool had_members = has_members_[--depth_];
  if (pretty_ && had_members) newline_and_indent();
  put(bracket);
  after_value();
}

inline void JsonWriter::plain_string(std::string_view value) {
  before_value();
  put('"');
  put(value.data(), value.size());
  put('"');
  after_value();
}

inline void JsonWriter::number(std::size_t value) {
  before_value();
  // Straight into the buffer: digits staged on the stack and copied from there would be
  // read back before their stores land (a store-forwarding stall per number).
  if (kBufferBytes - used_ < 24) flush();
  used_ = static_cast<std::size_t>(put_decimal(buffer_ + used_, value) - buffer_);
  after_value();
}

}  // namespace annotate

#endif  // ANNOTATE_JSON_WRITER_HPP_
