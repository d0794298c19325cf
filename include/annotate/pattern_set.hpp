// SPDX-License-Identifier: MIT
// The data files' RE2 patterns: compile_pattern() for one, and PatternSet, several matched
// in one pass (an RE2::Set), saying which of them occur in a text. The stages screen text
// with a set before they run their patterns one by one; where the set cannot decide (its
// automaton out of memory), every pattern stays a candidate, so that a screen can cost
// time but never findings.
#ifndef ANNOTATE_PATTERN_SET_HPP_
#define ANNOTATE_PATTERN_SET_HPP_

#include <re2/re2.h>
#include <re2/set.h>

#include "annotate/set_automaton.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annotate {

/// One pattern of a data file, compiled with `options` (errors are never logged). Throws
/// annotate::Error "<where>bad pattern: <RE2's message>" when it does not compile; `where`
/// is a location such as "structure_rules.tsv:12: ".
std::shared_ptr<const RE2> compile_pattern(std::string_view pattern, RE2::Options options, const std::string& where);

/// Where a match of one pattern may start, as far as its first byte tells: RE2's
/// PossibleMatchRange gives strings min and max with min <= s <= max for every match s, so
/// a match's first byte lies between theirs. It is read at the text's start (whose
/// matches include those after any non-word byte) and after a word byte, where \b and \B
/// turn over ("\BB" matches a "B" only there); the range is the union of the two. Where
/// it holds no lowercase ASCII letter and no space (a year's digits, a capitalised month
/// name), a search can move to the next byte in it instead of walking RE2's automaton over
/// the bytes before, and need not run at all when there is none: the same non-empty
/// matches for less work (empty ones may be passed over, so this is for callers that keep
/// only non-empty matches, as the date tagger does). Other patterns (most are
/// case-insensitive, so their range spans the letters) never skip.
class MatchStart {
 public:
  /// Skips nothing.
  MatchStart() = default;
  explicit MatchStart(const RE2& pattern);

  /// The first position in [from, end) whose byte may start a match, or `end`; `from`
  /// itself when the pattern does not skip.
  /// REQUIRES: from <= end <= text.size().
  std::size_t skip(std::string_view text, std::size_t from, std::size_t end) const {
    if (!skips_) return from;
    return skip_to_range(text, from, end);
  }
  bool skips() const { return skips_; }
  unsigned char low() const { return low_; }
  unsigned char high() const { return high_; }

 private:
  std::size_t skip_to_range(std::string_view text, std::size_t from, std::size_t end) const;

  bool skips_ = false;
  unsigned char low_ = 0;
  unsigned char high_ = 0xFF;
};

/// The next match of `pattern` in text[*position, end), the text around it read for \b
/// and the like: leftmost first, skipping as `start` allows, with `count` submatches (the
/// whole match first). *position moves past the match (one byte on for an empty one), so
/// that calls in a loop visit a text's matches in order. False when there is none left.
bool next_match(const RE2& pattern, const MatchStart& start, std::string_view text, std::size_t end,
                std::size_t* position, re2::StringPiece* submatches, int count);

class PatternSet {
 public:
  PatternSet() = default;
  /// Compiles `patterns` (RE2 syntax) with `options` (errors are never logged), matched
  /// anywhere in a text (RE2::UNANCHORED) or against all of it (RE2::ANCHOR_BOTH). Throws
  /// annotate::Error "<labels[i]>: <RE2's message>" when pattern i does not compile, and
  /// "<what>: the patterns do not compile as a set" when they do not together.
  /// REQUIRES: labels.size() == patterns.size().
  PatternSet(const std::vector<std::string>& patterns, const std::vector<std::string>& labels, RE2::Anchor anchor,
             RE2::Options options, const std::string& what);

  /// The indices of the patterns that match `text`, ascending, in `hits` (cleared first):
  /// from a SetAutomaton where it reads every pattern, from the RE2::Set otherwise (or
  /// where the automaton gives up on a text).
  /// With `search_ends`, for each pattern in `hits`, a position from which on a search for
  /// it finds nothing (SetAutomaton::match; one past the text's end when RE2::Set
  /// answers, which does not tell).
  /// REQUIRES: the set was compiled (not default-constructed); `text` is valid UTF-8.
  void match(std::string_view text, std::vector<int>* hits, std::vector<std::size_t>* search_ends = nullptr) const;
  std::vector<int> match(std::string_view text) const {
    std::vector<int> hits;
    match(text, &hits);
    return hits;
  }
  /// match() of two texts, each with its own hits and search ends (four distinct
  /// vectors): the automaton walks them side by side (SetAutomaton::match_pair).
  void match_pair(std::string_view first, std::vector<int>* first_hits, std::vector<std::size_t>* first_search_ends,
                  std::string_view second, std::vector<int>* second_hits,
                  std::vector<std::size_t>* second_search_ends) const;
  std::size_t size() const { return size_; }
  /// True when a SetAutomaton answers match().
  bool automated() const { return automaton_.has_value(); }

 private:
  struct Fallback;
  std::shared_ptr<Fallback> fallback_;    ///< the RE2::Set
  std::optional<SetAutomaton> automaton_;  ///< the same answers without RE2's per-call cost, where it reads the patterns
  std::size_t size_ = 0;
};

}  // namespace annotate

#endif  // ANNOTATE_PATTERN_SET_HPP_
