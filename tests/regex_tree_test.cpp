// SPDX-License-Identifier: MIT
#include "annotate/regex_tree.hpp"

#include <catch2/catch.hpp>

namespace annotate {
namespace {

// The node itself where the reader wrapped it in an alternation or concatenation of one.
const Ast& unwrapped(const Ast& ast) {
  const bool single = (ast.kind == Ast::Kind::kAlternate || ast.kind == Ast::Kind::kConcat) && ast.subs.size() == 1;
  return single ? unwrapped(ast.subs[0]) : ast;
}

// The ranges of a class node, normalised.
std::vector<std::pair<char32_t, char32_t>> ranges(const Ast& node) {
  Ast ast = unwrapped(node);
  REQUIRE(ast.kind == Ast::Kind::kClass);
  std::vector<std::pair<char32_t, char32_t>> out;
  for (const CodeRange range : ast.set.normalize()) out.emplace_back(range.lo, range.hi);
  return out;
}

}  // namespace

TEST_CASE("regex_tree: literals, classes, assertions and repetition read into a tree", "[regex_tree]") {
  const PatternTree word = read_pattern("\\bab{2,3}\\b", false);
  CHECK_FALSE(word.approximate);
  const Ast& sequence = unwrapped(word.ast);
  REQUIRE(sequence.kind == Ast::Kind::kConcat);
  REQUIRE(sequence.subs.size() == 4);
  CHECK(sequence.subs[0].kind == Ast::Kind::kAssert);
  CHECK(sequence.subs[0].assertion == Assertion::kWordBoundary);
  CHECK(ranges(sequence.subs[1]) == std::vector<std::pair<char32_t, char32_t>>{{'a', 'a'}});
  const Ast& repeat = unwrapped(sequence.subs[2]);
  REQUIRE(repeat.kind == Ast::Kind::kRepeat);
  CHECK(repeat.min == 2);
  CHECK(repeat.max == 3);
  CHECK(ranges(repeat.subs.at(0)) == std::vector<std::pair<char32_t, char32_t>>{{'b', 'b'}});
  CHECK(sequence.subs[3].assertion == Assertion::kWordBoundary);

  // Under the i flag an ASCII letter is both cases, and "k" also the Kelvin sign (as RE2).
  const PatternTree folded = read_pattern("k", true);
  CHECK_FALSE(folded.approximate);
  CHECK(ranges(folded.ast) == std::vector<std::pair<char32_t, char32_t>>{{'K', 'K'}, {'k', 'k'}, {0x212A, 0x212A}});

  // A negated class holds every other code point (newline included, as in RE2).
  CHECK(ranges(read_pattern("[^a-y]", false).ast) ==
        std::vector<std::pair<char32_t, char32_t>>{{0, 'a' - 1}, {'z', kMaxCodePoint}});

  const PatternTree alternatives = read_pattern("x|(?:y)*?", false);
  const Ast& either = unwrapped(alternatives.ast);
  REQUIRE(either.kind == Ast::Kind::kAlternate);
  REQUIRE(either.subs.size() == 2);
  const Ast& lazy = unwrapped(either.subs[1]);
  CHECK(lazy.kind == Ast::Kind::kRepeat);
  CHECK(lazy.min == 0);
  CHECK(lazy.max == -1);
}

TEST_CASE("regex_tree: what RE2 decides by its own tables is read wide or narrow", "[regex_tree]") {
  // \p{Lu}: a superset read wide, a subset read narrow; either way approximate.
  const PatternTree wide = read_pattern("\\p{Lu}", false);
  const PatternTree narrow = read_pattern("\\p{Lu}", false, true);
  CHECK(wide.approximate);
  CHECK(narrow.approximate);
  const auto wide_ranges = ranges(wide.ast);
  const auto narrow_ranges = ranges(narrow.ast);
  const auto holds = [](const std::vector<std::pair<char32_t, char32_t>>& set, char32_t c) {
    return std::any_of(set.begin(), set.end(), [&](const auto& r) { return r.first <= c && c <= r.second; });
  };
  for (const char32_t c : {U'A', U'Z', U'\u00C9'}) CHECK(holds(wide_ranges, c));
  for (const char32_t c : {U'A', U'Z'}) CHECK(holds(narrow_ranges, c));
  CHECK_FALSE(holds(narrow_ranges, U'a'));
  CHECK_FALSE(holds(narrow_ranges, U'1'));
}

TEST_CASE("regex_tree: syntax outside the subset is refused", "[regex_tree]") {
  for (const char* pattern : {"(?s).", "(?m)^a", "(?U)a*", "\\Qa.b\\E", "\\C", "[[:alpha:]]", "a{1001}", "(a", "a)"}) {
    INFO(pattern);
    CHECK_THROWS_AS(read_pattern(pattern, false), Unsupported);
  }
}

}  // namespace annotate
