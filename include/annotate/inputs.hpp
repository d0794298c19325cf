// SPDX-License-Identifier: MIT
// Inputs of a batch: files, directories walked recursively in sorted order, lists of paths
// (--files-from), stdin, and JSON Lines records ({"id": ..., "text": ...}); plus the
// optional transcoding of Latin-1 and Windows-1252 input to UTF-8.
#ifndef ANNOTATE_INPUTS_HPP_
#define ANNOTATE_INPUTS_HPP_

#include <cstdio>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annotate/reader.hpp"

namespace annotate {

/// One unit of work: a path to read, or a record whose text is already in memory.
struct InputItem {
  std::string path;                 ///< the file, "-" for stdin, or the JSON Lines source
  std::optional<std::string> id;    ///< the record id of a JSON Lines input
  std::optional<std::string> text;  ///< the record's text; empty optional: read `path`
  std::optional<InputError> error;  ///< a record that could not be parsed
};

enum class InputFormat { kText, kJsonLines };
enum class Encoding { kUtf8, kLatin1, kWindows1252 };

/// Parses "utf-8", "latin1" (or "iso-8859-1") and "windows-1252" (or "cp1252").
/// Throws annotate::Error for anything else.
Encoding parse_encoding(const std::string& name);

/// `bytes` in UTF-8: a copy for kUtf8, else each byte mapped to its code point.
std::string transcode_to_utf8(std::string_view bytes, Encoding encoding);

/// Produces the items of a batch one at a time, in a reproducible order: arguments in the
/// order given, a directory's files sorted by path, --files-from lines in order. Only paths
/// are held in memory, never contents; JSON Lines records are read as they are asked for.
class InputQueue {
 public:
  /// `arguments` are paths ("-" is stdin; none means stdin); directories are walked for
  /// files whose name matches `glob` (fnmatch). `files_from` names a file ("-": stdin)
  /// with one path a line. Throws annotate::Error when `files_from` cannot be opened.
  InputQueue(const std::vector<std::string>& arguments, const std::string& glob,
             const std::optional<std::string>& files_from, InputFormat format, std::size_t max_bytes);

  /// The next item, or nothing at the end.
  std::optional<InputItem> next();

  /// How many items there will be, when known without reading (not for JSON Lines).
  std::optional<std::size_t> known_total() const;

 private:
  void expand(const std::string& argument, bool from_list);
  bool open_next_stream();

  std::vector<InputItem> paths_;  ///< files and stdin, expanded up front
  std::size_t next_path_ = 0;
  InputFormat format_;
  std::size_t max_bytes_;
  std::string glob_;
  // JSON Lines: the stream being read and its name.
  std::unique_ptr<std::istream> owned_stream_;
  std::istream* stream_ = nullptr;
  std::string stream_name_;
  std::size_t stream_line_ = 0;
};

}  // namespace annotate

#endif  // ANNOTATE_INPUTS_HPP_
