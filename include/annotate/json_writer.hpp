// SPDX-License-Identifier: MIT
// JsonWriter: streams JSON into a string buffer without building a DOM, compact or
// indented. Commas, colons and indentation are its business; callers only nest.
#ifndef ANNOTATE_JSON_WRITER_HPP_
#define ANNOTATE_JSON_WRITER_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annotate {

class JsonWriter {
 public:
  /// Appends to `out`. With `pretty`, nests by two spaces per level like `jq .`.
  explicit JsonWriter(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The key of the next member. REQUIRES: inside an object, and no key pending.
  void key(std::string_view name);
  /// A string value. REQUIRES: `value` is valid UTF-8 (the reader guarantees it).
  void string(std::string_view value);
  void number(std::int64_t value);
  void number(std::size_t value);
  void number(int value) { number(static_cast<std::int64_t>(value)); }
  void boolean(bool value);
  void null();

  /// key(name) then string(value).
  void member(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }

  /// Appends `text` to `out` with JSON string escaping, without quotes: `"` `\` and the
  /// control characters are escaped; everything else, UTF-8 included, is copied.
  static void escape(std::string& out, std::string_view text);

 private:
  void before_value();
  void newline_and_indent();
  void close(char bracket);

  std::string& out_;
  bool pretty_;
  bool key_pending_ = false;
  std::vector<bool> has_members_;  ///< one entry per open container
};

}  // namespace annotate

#endif  // ANNOTATE_JSON_WRITER_HPP_
