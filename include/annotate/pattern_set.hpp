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

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace annotate {

/// One pattern of a data file, compiled with `options` (errors are never logged). Throws
/// annotate::Error "<where>bad pattern: <RE2's message>" when it does not compile; `where`
/// is a location such as "structure_rules.tsv:12: ".
std::shared_ptr<const RE2> compile_pattern(std::string_view pattern, RE2::Options options, const std::string& where);

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

  /// The indices of the patterns that match `text`, ascending, in `hits` (cleared first).
  /// REQUIRES: the set was compiled (not default-constructed).
  void match(std::string_view text, std::vector<int>* hits) const;
  std::vector<int> match(std::string_view text) const {
    std::vector<int> hits;
    match(text, &hits);
    return hits;
  }
  std::size_t size() const { return size_; }

 private:
  std::shared_ptr<const RE2::Set> set_;
  std::size_t size_ = 0;
};

}  // namespace annotate

#endif  // ANNOTATE_PATTERN_SET_HPP_
