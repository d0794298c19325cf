// SPDX-License-Identifier: MIT
// Loading and compiling the data/ rule files. RE2 keeps every pattern linear in the line
// length, so no rule file can make a long line slow.
#include "annotate/rules.hpp"

#include <re2/re2.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "annotate/error.hpp"

namespace annotate {

namespace {

struct KindName {
  const char* name;
  LineRuleKind kind;
  int min_groups;  // capture groups the stages read
};

constexpr KindName kKinds[] = {
    {"boilerplate", LineRuleKind::kBoilerplate, 0},
    {"response", LineRuleKind::kResponse, 2},
    {"numbered_section", LineRuleKind::kNumberedSection, 2},
    {"markdown", LineRuleKind::kMarkdown, 2},
    {"appendix", LineRuleKind::kAppendix, 2},
    {"notes_heading", LineRuleKind::kNotesHeading, 0},
    {"byline", LineRuleKind::kByline, 0},
    {"note_item", LineRuleKind::kNoteItem, 2},
    {"ibid", LineRuleKind::kIbid, 0},
};

// Splits one line on tabs.
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

// Calls `visit(line_number, line)` for every line that is neither blank nor a comment.
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

std::size_t parse_limit(std::string_view text, const std::string& where) {
  std::size_t value = 0;
  if (text.empty() || text.size() > 6) throw Error(where + "limit must be a whole number");
  for (char c : text) {
    if (c < '0' || c > '9') throw Error(where + "limit must be a whole number");
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (value == 0) throw Error(where + "limit must be at least 1");
  return value;
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read rule file");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool file_exists(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

Rules Rules::parse(std::string_view structure, const std::string& structure_name,
                   std::string_view abbreviations, const std::string& abbreviations_name) {
  Rules rules;
  for_each_data_line(structure, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(structure_name, line_number, "");
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 3) {
      throw Error(where + "expected 3 tab-separated fields (id, kind, pattern), found " +
                  std::to_string(fields.size()));
    }
    const std::string id(fields[0]);
    if (fields[1] == "limit") {
      const std::size_t value = parse_limit(fields[2], where);
      if (id == "limit.heading_words") {
        rules.heading_max_words_ = value;
      } else if (id == "limit.heading_chars") {
        rules.heading_max_chars_ = value;
      } else {
        throw Error(where + "unknown limit '" + id + "'");
      }
      return;
    }
    const KindName* kind = nullptr;
    for (const KindName& candidate : kKinds) {
      if (fields[1] == candidate.name) kind = &candidate;
    }
    if (kind == nullptr) throw Error(where + "unknown rule kind '" + std::string(fields[1]) + "'");
    RE2::Options options;
    options.set_log_errors(false);
    auto pattern = std::make_shared<const RE2>(re2::StringPiece(fields[2].data(), fields[2].size()), options);
    if (!pattern->ok()) throw Error(where + "bad pattern: " + pattern->error());
    if (pattern->NumberOfCapturingGroups() < kind->min_groups) {
      throw Error(where + "a " + kind->name + " pattern needs " +
                  std::to_string(kind->min_groups) + " capture groups");
    }
    rules.line_rules_.push_back(LineRule{id, kind->kind, std::move(pattern)});
  });
  for_each_data_line(abbreviations, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(abbreviations_name, line_number, "");
    if (line.find_first_of(" \t") != std::string_view::npos || line.back() != '.') {
      throw Error(where + "expected one abbreviation ending in '.'");
    }
    rules.abbreviations_.emplace(line);
  });
  return rules;
}

Rules Rules::builtin() {
  return parse(embedded_data_file(kStructureFile), std::string("data/") + kStructureFile,
               embedded_data_file(kAbbreviationsFile),
               std::string("data/") + kAbbreviationsFile);
}

Rules Rules::from_directory(const std::string& dir) {
  struct stat info {};
  if (stat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    throw Error(dir + ": --data-dir is not a directory");
  }
  auto load = [&](const char* name, std::string& storage) -> std::pair<std::string_view, std::string> {
    const std::string path = dir + "/" + name;
    if (!file_exists(path)) return {embedded_data_file(name), std::string("data/") + name};
    storage = read_whole_file(path);
    return {storage, path};
  };
  std::string structure_storage;
  std::string abbreviations_storage;
  const auto structure = load(kStructureFile, structure_storage);
  const auto abbreviations = load(kAbbreviationsFile, abbreviations_storage);
  return parse(structure.first, structure.second, abbreviations.first, abbreviations.second);
}

std::optional<LineMatch> Rules::match(LineRuleKind kind, std::string_view line) const {
  const re2::StringPiece input(line.data(), line.size());
  for (const LineRule& rule : line_rules_) {
    if (rule.kind != kind) continue;
    const int wanted = std::min(rule.pattern->NumberOfCapturingGroups(), 2);
    re2::StringPiece submatches[3];
    if (!rule.pattern->Match(input, 0, line.size(), RE2::ANCHOR_BOTH, submatches,
                             1 + wanted)) {
      continue;
    }
    LineMatch match;
    match.rule = &rule;
    for (int g = 0; g < wanted; ++g) {
      const re2::StringPiece& piece = submatches[g + 1];
      if (piece.data() != nullptr) {
        match.groups[static_cast<std::size_t>(g)] = std::string_view(piece.data(), piece.size());
      }
    }
    return match;
  }
  return std::nullopt;
}

bool Rules::is_abbreviation(std::string_view word) const {
  return abbreviations_.count(std::string(word)) > 0;
}

}  // namespace annotate
