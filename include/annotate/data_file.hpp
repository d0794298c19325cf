// SPDX-License-Identifier: MIT
// Reading the rule and lexicon files of data/: the copies embedded at build time, or a
// replacement from --data-dir, and the line and field splitting every loader shares.
#ifndef ANNOTATE_DATA_FILE_HPP_
#define ANNOTATE_DATA_FILE_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annotate {

/// A data file's text and the name its errors are reported under.
struct DataText {
  std::string content;
  std::string name;  ///< "data/x.tsv" for the embedded copy, the path for a replacement
};

/// The file `name` from `dir` when given and present there, else the embedded copy.
/// Throws annotate::Error when a file in `dir` exists but cannot be read, or when there is
/// no embedded copy of that name.
/// With `user_file`, `name` is a path the user gave (--lexicon) and must exist.
DataText read_data_file(const std::optional<std::string>& dir, const std::string& name,
                        bool user_file = false);

/// Throws annotate::Error unless `dir` is a directory.
void require_directory(const std::string& dir);

/// The embedded copy of a file in data/, or an empty view for an unknown name. Defined in
/// the source file the build generates from data/.
std::string_view embedded_data_file(std::string_view name);

/// Splits one line on tabs.
std::vector<std::string_view> split_tabs(std::string_view line);

/// Calls visit(line_number, line) for every line that is neither blank nor a comment ('#'
/// first), without its line end.
template <typename Visit>
void for_each_data_line(std::string_view content, Visit visit) {
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    visit(line_number, line);
  }
}

}  // namespace annotate

#endif  // ANNOTATE_DATA_FILE_HPP_
