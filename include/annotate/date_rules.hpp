// SPDX-License-Identifier: MIT
// DateRules: the date patterns of data/date_rules.tsv with the word classes of
// data/date_words.tsv expanded into them, compiled once, plus the TIMEX3 value templates
// that turn a match into a value.
#ifndef ANNOTATE_DATE_RULES_HPP_
#define ANNOTATE_DATE_RULES_HPP_

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "annotate/pattern_set.hpp"

namespace re2 {
class RE2;
}

namespace annotate {

/// What a rule's value needs from the reference date.
struct ReferenceDate {
  int year = 0;   ///< 0 when unknown
  int month = 0;  ///< 0 when unknown (a reference taken from a bare year)
  int day = 0;
};

/// One rule of data/date_rules.tsv.
struct DateRule {
  std::string id;
  std::string type;            ///< DATE, DURATION or SET
  std::string value_template;  ///< e.g. "{year}-{month}-{day}"
  std::string mod_template;    ///< "-", "{mod}" or a literal such as "START"
  bool number_guard = false;   ///< reject counts, page numbers, phone numbers
  std::shared_ptr<const re2::RE2> pattern;
  MatchStart start;                   ///< where a search may skip to
  std::map<std::string, int> groups;  ///< named group -> index
  int span_group = -1;                ///< the index of the group named "span", or -1

  /// The groups a value is made of, by name, and their indices in `pattern` (-1 when the
  /// rule has none): looked up once at load, not by name for every match.
  enum Named { kYear, kYear2, kYy, kMonth, kMonth2, kDay, kSeason, kHalf, kQuarter, kDecade, kNum, kUnit, kMod, kNamedCount };
  std::array<int, kNamedCount> named{};
  /// `value_template` read once: literal text, then the piece between braces (if any).
  struct Part {
    enum Kind { kNone, kYearPiece, kYear2Piece, kMonthPiece, kMonth2Piece, kDayPiece, kSeasonPiece, kHalfPiece,
                kQuarterPiece, kDecadePiece, kDurationPiece, kRelativePiece, kGroupPiece };
    std::string literal;
    Kind kind = kNone;
    std::string key;  ///< "ry-1" for a relative piece, the group's name for another group
  };
  std::vector<Part> value_parts;
};

/// The value and mod a rule gives one match.
struct DateValue {
  std::string value;
  std::string mod;              ///< empty for none
  bool needs_reference = false;  ///< the value used the reference date
  bool anchored = true;          ///< false when it needed a reference and had none
};

/// A match's groups, indexed like the pattern's (0 the whole match; an unmatched group is
/// empty): a view of groups held elsewhere, such as the tagger's pool for a document.
struct MatchGroups {
  const std::string_view* data = nullptr;
  std::size_t size = 0;
  MatchGroups() = default;
  MatchGroups(const std::string_view* groups, std::size_t count) : data(groups), size(count) {}
  MatchGroups(const std::vector<std::string_view>& groups) : data(groups.data()), size(groups.size()) {}  // NOLINT
  std::string_view operator[](std::size_t i) const { return i < size ? data[i] : std::string_view(); }
};

class DateRules {
 public:
  static constexpr const char* kRulesFile = "date_rules.tsv";
  static constexpr const char* kWordsFile = "date_words.tsv";

  /// Parses both files; `*_name` are used in "file:line: message" errors (annotate::Error).
  static DateRules parse(std::string_view rules, const std::string& rules_name,
                         std::string_view words, const std::string& words_name);
  /// The shipped files, or those of `dir` where present there.
  static DateRules load(const std::optional<std::string>& dir);

  const std::vector<DateRule>& rules() const { return rules_; }

  /// Evaluates `rule`'s templates for a match whose groups are `groups` (indexed like the
  /// pattern's groups; an unmatched group is empty), against `reference`.
  DateValue evaluate(const DateRule& rule, MatchGroups groups, const ReferenceDate& reference) const;

  /// The value of `word` in word class `word_class`, or nothing.
  std::optional<std::string> word_value(std::string_view word_class, std::string_view word) const;
  /// True when `word` is in word class `word_class`: word_value without copying the value,
  /// for the guards that run on every candidate number.
  bool has_word(std::string_view word_class, std::string_view word) const { return find_word(word_class, word) != nullptr; }

  /// True for a word such as "troops" that makes a number before it a count.
  bool is_count_noun(std::string_view word) const;

 private:
  const std::string* find_word(std::string_view word_class, std::string_view word) const;

  std::vector<DateRule> rules_;
  /// Word class -> word -> value, hashed: the guards look up two words for every candidate
  /// number.
  std::vector<std::pair<std::string, std::unordered_map<std::string, std::string>>> words_;
};

}  // namespace annotate

#endif  // ANNOTATE_DATE_RULES_HPP_
