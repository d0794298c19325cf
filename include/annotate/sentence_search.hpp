// SPDX-License-Identifier: MIT
// Which sentences a pattern may occur in: from one search of the whole text
// (SentenceScreen), or, for the screening patterns of several stages together, from one
// RE2::Set pass per sentence (SentenceCueSet) instead of a pass per stage.
#ifndef ANNOTATE_SENTENCE_SEARCH_HPP_
#define ANNOTATE_SENTENCE_SEARCH_HPP_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/pattern_set.hpp"

namespace annotate {

/// A pattern that screens sentences, with what can be known of it once: whether it may
/// assert the ends of its text. Copies share the pattern.
class SentenceScreen {
 public:
  /// Without a pattern, every sentence passes.
  SentenceScreen() = default;
  explicit SentenceScreen(std::shared_ptr<const re2::RE2> pattern);

  /// One flag per sentence of `doc`: true where a match of the pattern starts. The search
  /// resumes at the end of each sentence it lands in. A match that runs from one sentence
  /// into the next marks the first, so the flags are a superset of the sentences the
  /// pattern matches alone: callers still decide sentence by sentence. Every flag is true
  /// when there is no pattern or it may assert the ends of its text (may_anchor_to_ends).
  /// REQUIRES: doc.sentences are in text order and do not overlap.
  std::vector<bool> flags(const Document& doc) const;

  /// The pattern, or nullptr.
  const re2::RE2* pattern() const { return pattern_.get(); }

 private:
  std::shared_ptr<const re2::RE2> pattern_;
  bool screens_ = false;  ///< false when every sentence passes
};

/// Which patterns of one list occur in each sentence of a document (see SentenceCueSet).
class CueHits {
 public:
  /// The indices into the list of the patterns found in sentence `s`, ascending.
  struct Range {
    const std::uint16_t* first;
    const std::uint16_t* last;
    const std::uint16_t* begin() const { return first; }
    const std::uint16_t* end() const { return last; }
    bool empty() const { return first == last; }
  };
  Range in(std::size_t s) const { return Range{hits_.data() + starts_[s], hits_.data() + starts_[s + 1]}; }
  /// For each hit of in(s), in the same order: an offset into the sentence from which on a
  /// search for the pattern in the sentence alone finds nothing (see SetAutomaton::match).
  const std::uint32_t* search_ends(std::size_t s) const { return search_ends_.data() + starts_[s]; }
  /// True when any pattern of the list occurs in sentence `s`.
  bool any(std::size_t s) const { return starts_[s] != starts_[s + 1]; }
  std::size_t sentences() const { return starts_.size() - 1; }

 private:
  friend class SentenceCueSet;
  std::vector<std::uint32_t> starts_{0};  ///< sentences + 1: where each sentence's hits start
  std::vector<std::uint16_t> hits_;
  std::vector<std::uint32_t> search_ends_;  ///< by hit
};

/// The screening patterns of several stages in one RE2::Set, matched against each sentence
/// alone: the stages learn which of their patterns occur where from one pass over the text
/// instead of one pass each. Immutable once built; threads may share it.
class SentenceCueSet {
 public:
  SentenceCueSet() = default;
  /// One list per stage, in RE2 syntax (case-insensitive ones as "(?i:...)"). Throws
  /// annotate::Error naming `names[l]` when a pattern of list l does not compile.
  SentenceCueSet(const std::vector<std::vector<std::string>>& lists, const std::vector<std::string>& names);

  /// One CueHits per list, each with a range for every sentence of `doc`. Where the set
  /// cannot decide (its automaton out of memory), every pattern counts as found.
  /// REQUIRES: a list was given (the set is not default-constructed).
  std::vector<CueHits> find(const Document& doc) const;

 private:
  PatternSet set_;
  std::vector<std::size_t> list_starts_;  ///< lists + 1: each list's first index in the set
};

/// True when `pattern` may assert the ends of the text it is matched against (^, $, \A,
/// \z outside a character class): matched against a whole document instead of one
/// sentence, such a pattern could miss, so it cannot screen sentences. Conservative: a
/// pattern it cannot read counts as anchored.
bool may_anchor_to_ends(std::string_view pattern);

}  // namespace annotate

#endif  // ANNOTATE_SENTENCE_SEARCH_HPP_
