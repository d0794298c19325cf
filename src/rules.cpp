// SPDX-License-Identifier: MIT
// Loading and compiling the data/ rule files. RE2 keeps every pattern linear in the line
// length, so no rule file can make a long line slow.
#include "annotate/rules.hpp"

#include <algorithm>

#include "annotate/data_file.hpp"
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
    auto pattern = compile_pattern(fields[2], RE2::Options(), where);
    if (pattern->NumberOfCapturingGroups() < kind->min_groups) {
      throw Error(where + "a " + kind->name + " pattern needs " +
                  std::to_string(kind->min_groups) + " capture groups");
    }
    rules.line_rules_.push_back(LineRule{id, kind->kind, std::move(pattern)});
  });
  std::vector<std::string> patterns;
  std::vector<std::string> labels;
  for (const LineRule& rule : rules.line_rules_) {
    patterns.push_back(rule.pattern->pattern());
    labels.push_back(structure_name + ": rule " + rule.id);
  }
  rules.line_set_ = PatternSet(patterns, labels, RE2::ANCHOR_BOTH, RE2::Options(), structure_name);
  for_each_data_line(abbreviations, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(abbreviations_name, line_number, "");
    if (line.find_first_of(" \t") != std::string_view::npos || line.back() != '.') {
      throw Error(where + "expected one abbreviation ending in '.'");
    }
    rules.abbreviations_.emplace(line);
  });
  return rules;
}

Rules Rules::builtin() { return load(std::nullopt); }

Rules Rules::from_directory(const std::string& dir) {
  require_directory(dir);
  return load(dir);
}

Rules Rules::load(const std::optional<std::string>& dir) {
  const DataText structure = read_data_file(dir, kStructureFile);
  const DataText abbreviations = read_data_file(dir, kAbbreviationsFile);
  return parse(structure.content, structure.name, abbreviations.content, abbreviations.name);
}

std::vector<int> Rules::screen(std::string_view line) const { return line_set_.match(line); }

std::optional<LineMatch> Rules::match(LineRuleKind kind, std::string_view line,
                                      const std::vector<int>* screened) const {
  const re2::StringPiece input(line.data(), line.size());
  // In file order: every rule, or only those the screen found (ascending), which for most
  // lines is none.
  const std::size_t count = screened != nullptr ? screened->size() : line_rules_.size();
  for (std::size_t k = 0; k < count; ++k) {
    const LineRule& rule = line_rules_[screened != nullptr ? static_cast<std::size_t>((*screened)[k]) : k];
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
