// SPDX-License-Identifier: MIT
// The patterns of a pattern set as trees: the part of the RE2 syntax the data files use
// (literals, classes, Perl classes, Unicode properties, groups, alternation, repetition,
// the assertions \b \B ^ $ \A \z, the i flag) read into code-point classes, for
// SetAutomaton to compile into its byte NFA.
#ifndef ANNOTATE_REGEX_TREE_HPP_
#define ANNOTATE_REGEX_TREE_HPP_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace annotate {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

/// Thrown for a pattern (or set) the automaton does not handle: its compile() then declines.
struct Unsupported {};

// ---- Sets of code points ------------------------------------------------------------

struct CodeRange {
  char32_t lo;
  char32_t hi;
};

// Code points as ranges: added in any order, sorted and merged by normalize().
class CodeSet {
 public:
  void add(char32_t lo, char32_t hi) { ranges_.push_back({lo, hi}); }
  void add(const CodeSet& other) { ranges_.insert(ranges_.end(), other.ranges_.begin(), other.ranges_.end()); }
  static CodeSet all() {
    CodeSet set;
    set.add(0, kMaxCodePoint);
    return set;
  }
  const std::vector<CodeRange>& normalize() {
    std::sort(ranges_.begin(), ranges_.end(), [](CodeRange a, CodeRange b) { return a.lo < b.lo; });
    std::vector<CodeRange> merged;
    for (const CodeRange range : ranges_) {
      if (!merged.empty() && range.lo <= merged.back().hi + 1) {
        merged.back().hi = std::max(merged.back().hi, range.hi);
      } else {
        merged.push_back(range);
      }
    }
    ranges_ = std::move(merged);
    return ranges_;
  }
  CodeSet complement() {
    CodeSet out;
    char32_t next = 0;
    for (const CodeRange range : normalize()) {
      if (range.lo > next) out.add(next, range.lo - 1);
      next = range.hi + 1;
    }
    if (next <= kMaxCodePoint) out.add(next, kMaxCodePoint);
    return out;
  }

 private:
  std::vector<CodeRange> ranges_;
};

// ---- The pattern as a tree ----------------------------------------------------------

enum class Assertion : std::uint8_t { kWordBoundary, kNotWordBoundary, kTextBegin, kTextEnd };

struct Ast {
  enum class Kind : std::uint8_t { kEmpty, kClass, kConcat, kAlternate, kRepeat, kAssert };
  Kind kind = Kind::kEmpty;
  CodeSet set;            // kClass
  std::vector<Ast> subs;  // kConcat, kAlternate; kRepeat has one
  int min = 0;            // kRepeat
  int max = 0;            // kRepeat; -1 for no bound
  Assertion assertion = Assertion::kWordBoundary;
};

inline Ast make(Ast::Kind kind) {
  Ast ast;
  ast.kind = kind;
  return ast;
}

/// A pattern read: its tree, and whether a class in it was read wide (to what RE2 may fold
/// or a property may hold) or, read narrow, narrowed: then RE2 must confirm a match of
/// the wide reading, and a match of the narrow one is one for sure.
struct PatternTree {
  Ast ast;
  bool approximate = false;
};

/// Reads one pattern in RE2 syntax (re2/parse.cc); `fold`: under the i flag from the
/// start; `narrow`: read what cannot be decided exactly as a subset instead of a superset.
/// Throws Unsupported for syntax outside the subset (flags s, m and U, \Q..\E, \C,
/// POSIX classes, ...).
PatternTree read_pattern(std::string_view pattern, bool fold, bool narrow = false);

}  // namespace annotate

#endif  // ANNOTATE_REGEX_TREE_HPP_
