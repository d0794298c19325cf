// SPDX-License-Identifier: MIT
// Rules: the structure patterns and abbreviations from data/, compiled once. The shipped
// files are embedded in the binary; --data-dir replaces them file by file at run time.
#ifndef ANNOTATE_RULES_HPP_
#define ANNOTATE_RULES_HPP_

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "annotate/pattern_set.hpp"

namespace annotate {

/// What a structure rule recognises in a whole line (see data/structure_rules.tsv).
enum class LineRuleKind {
  kBoilerplate,
  kResponse,
  kNumberedSection,
  kMarkdown,
  kAppendix,
  kNotesHeading,
  kByline,
  kNoteItem,
  kIbid,
};

struct LineRule {
  std::string id;  ///< e.g. "response.keyword"; reported as the annotation's rule
  LineRuleKind kind = LineRuleKind::kBoilerplate;
  std::shared_ptr<const re2::RE2> pattern;  ///< shared: Rules is copied into every worker
};

/// A rule that matched a line, with its two capture groups (empty when absent) as views
/// into the matched line.
struct LineMatch {
  const LineRule* rule = nullptr;
  std::array<std::string_view, 2> groups;
};

class Rules {
 public:
  static constexpr const char* kStructureFile = "structure_rules.tsv";
  static constexpr const char* kAbbreviationsFile = "abbreviations.txt";

  /// The rules shipped in data/, as embedded at build time.
  static Rules builtin();
  /// Rules from `dir`: each file present there replaces the shipped one of the same name.
  /// Throws annotate::Error ("file:line: message") on a malformed file.
  static Rules from_directory(const std::string& dir);
  /// The files of `dir` where present there, the shipped ones otherwise.
  static Rules load(const std::optional<std::string>& dir);
  /// Parses the two files' contents; `*_name` are used in error messages.
  /// Throws annotate::Error on a malformed line.
  static Rules parse(std::string_view structure, const std::string& structure_name,
                     std::string_view abbreviations, const std::string& abbreviations_name);

  /// The line rules whose patterns match all of `line` (indices into line_rules(),
  /// ascending), from one pass of a set of every pattern: a line is screened once and
  /// match() then tries only these, instead of every rule of each kind in turn.
  std::vector<int> screen(std::string_view line) const;

  /// The first rule of `kind` whose pattern matches all of `line`, or nothing. With
  /// `screened` (screen(line)), only the rules it lists are tried.
  std::optional<LineMatch> match(LineRuleKind kind, std::string_view line,
                                 const std::vector<int>* screened = nullptr) const;

  /// True when `word` (ending in its period, e.g. "U.S.") is a listed abbreviation.
  bool is_abbreviation(std::string_view word) const;

  std::size_t heading_max_words() const { return heading_max_words_; }
  std::size_t heading_max_chars() const { return heading_max_chars_; }
  const std::vector<LineRule>& line_rules() const { return line_rules_; }

 private:
  std::vector<LineRule> line_rules_;
  PatternSet line_set_;  ///< every line rule, in order
  std::unordered_set<std::string> abbreviations_;
  std::size_t heading_max_words_ = 15;
  std::size_t heading_max_chars_ = 120;
};

}  // namespace annotate

#endif  // ANNOTATE_RULES_HPP_
