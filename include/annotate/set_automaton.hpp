// SPDX-License-Identifier: MIT
// A set of RE2 patterns as one deterministic automaton over bytes, for the question the
// stages ask of every sentence and line: which of the patterns occur in it. RE2::Set
// answers it too, but each call pays for a lock, a few allocations and the setup of a
// search, which on a sentence of a hundred bytes cost more than the walk itself. Here the
// patterns are read into a byte NFA (Thompson's construction), and its DFA is built as
// texts need its states, in a cache of each thread's own, so that a walk takes no lock
// and allocates nothing once its states exist.
//
// The automaton reads the part of RE2's syntax the data files use: literals, classes,
// . \d \s \w and their negations, \b \B ^ $ \A \z, groups (named or not), alternation,
// repetition, and the i flag; anything else (other flags, \Q..\E, \C, POSIX classes)
// makes compile() decline, and the caller keeps RE2::Set. A pattern with what it cannot
// decide exactly (Unicode properties such as \p{Lu}, non-ASCII letters under the i flag,
// whose case folding RE2 takes from tables of its own) is read twice, widened and
// narrowed: a match of the narrow reading is certain, and RE2 confirms one of the wide
// reading alone. (Case folding of ASCII letters is exact, RE2's two non-ASCII folds of
// them included: K, the Kelvin sign, for k and ſ, the long s, for s.)
#ifndef ANNOTATE_SET_AUTOMATON_HPP_
#define ANNOTATE_SET_AUTOMATON_HPP_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annotate {

class SetAutomaton {
 public:
  /// The automaton of `patterns`, matched anywhere in a text (RE2::UNANCHORED) or against
  /// all of it (RE2::ANCHOR_BOTH), as RE2::Set would with `options`; nothing when a pattern
  /// uses syntax or an option it does not read, or when its NFA would be too large.
  /// REQUIRES: every pattern compiles with RE2 under `options`.
  static std::optional<SetAutomaton> compile(const std::vector<std::string>& patterns, RE2::Anchor anchor,
                                             const RE2::Options& options);

  /// The indices of the patterns that match `text`, ascending, in `hits` (cleared first):
  /// what RE2::Set::Match gives. Threads may call it at once. False when it gave up: a
  /// text that needs more states than the cache holds has it start afresh (each thread
  /// keeps up to 4 MB of states per set), and a text that empties it twice would cost
  /// more to go on with than RE2::Set does.
  /// With `search_ends` (sized to the set), also, for each pattern in `hits`, a position
  /// from which on a search for the pattern in `text` finds nothing: the end of its last
  /// match (one more for a pattern that can match the empty string); the entries of the
  /// other patterns are left as they were. A caller that
  /// searches a text match after match can stop there instead of walking on to the end.
  /// (For a pattern RE2 confirms, the wide reading's: no earlier than the true one.)
  /// REQUIRES: `text` is valid UTF-8 (what the reader guarantees of every document).
  bool match(std::string_view text, std::vector<int>* hits, std::vector<std::size_t>* search_ends = nullptr) const;

  /// match() of two texts at once, each with its own hits and search ends: the two walks
  /// interleaved, which takes little more time than one (a walk waits on a load per byte;
  /// two walks wait side by side). False when it gave up on either: match() them alone.
  /// REQUIRES: the hits and search-end vectors are four distinct objects.
  bool match_pair(std::string_view first, std::vector<int>* first_hits, std::vector<std::size_t>* first_search_ends,
                  std::string_view second, std::vector<int>* second_hits,
                  std::vector<std::size_t>* second_search_ends) const;

  /// How many times the calling thread's cache for this set has been emptied (for tests).
  std::size_t cache_resets() const;

  /// How many patterns RE2 must confirm after the automaton finds them (see above).
  std::size_t confirmed_by_re2() const;

  struct Program;  // the NFA, its byte classes and what RE2 confirms (set_automaton.cpp)

 private:
  explicit SetAutomaton(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

}  // namespace annotate

#endif  // ANNOTATE_SET_AUTOMATON_HPP_
