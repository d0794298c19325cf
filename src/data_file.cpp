// SPDX-License-Identifier: MIT
// Data files: embedded defaults with per-file replacement, so a user who changes one rule
// file keeps the shipped versions of the others.
#include "annotate/data_file.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "annotate/error.hpp"

namespace annotate {

void require_directory(const std::string& dir) {
  struct stat info {};
  if (stat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    throw Error(dir + ": --data-dir is not a directory");
  }
}

DataText read_data_file(const std::optional<std::string>& dir, const std::string& name, bool user_file) {
  if (dir || user_file) {
    const std::string path = user_file ? name : *dir + "/" + name;
    struct stat info {};
    if (stat(path.c_str(), &info) == 0) {
      std::ifstream in(path, std::ios::binary);
      if (!S_ISREG(info.st_mode) || !in) throw Error(path + ": cannot read data file");
      std::ostringstream content;
      content << in.rdbuf();
      return DataText{content.str(), path};
    }
    if (user_file) throw Error(path + ": no such file");
  }
  const std::string_view embedded = embedded_data_file(name);
  if (embedded.empty()) throw Error("data/" + name + ": no such data file in this build");
  return DataText{std::string(embedded), "data/" + name};
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace annotate
