// SPDX-License-Identifier: MIT
#include "annotate/pattern_set.hpp"

#include <catch2/catch.hpp>

#include "annotate/error.hpp"

using annotate::Error;
using annotate::PatternSet;

TEST_CASE("pattern_set: which patterns occur, ascending, anywhere or against the whole text", "[pattern_set]") {
  const std::vector<std::string> patterns{"\\bwarned\\b", "^Seoul", "[0-9]{4}", "(?i:TOKYO)", "nowhere"};
  const std::vector<std::string> labels{"a", "b", "c", "d", "e"};
  const PatternSet anywhere(patterns, labels, RE2::UNANCHORED, RE2::Options(), "test");
  CHECK(anywhere.size() == 5);
  CHECK(anywhere.match("Seoul warned Tokyo in 2023.") == std::vector<int>{0, 1, 2, 3});
  CHECK(anywhere.match("Then Seoul warned.") == std::vector<int>{0});  // "^" is the text's start
  CHECK(anywhere.match("").empty());
  std::vector<int> hits{7, 8};
  anywhere.match("tokyo", &hits);  // cleared first
  CHECK(hits == std::vector<int>{3});

  const PatternSet whole({"Seoul", "Seoul.*", "[A-Z][a-z]+"}, {"a", "b", "c"}, RE2::ANCHOR_BOTH, RE2::Options(), "test");
  CHECK(whole.match("Seoul") == std::vector<int>{0, 1, 2});
  CHECK(whole.match("Seoul warned") == std::vector<int>{1});
  CHECK(whole.match("warned Seoul").empty());
}

TEST_CASE("pattern_set: a pattern that does not compile is named by its label", "[pattern_set]") {
  CHECK_THROWS_AS(PatternSet({"ok", "(unclosed"}, {"rules.tsv:1", "rules.tsv:2"}, RE2::UNANCHORED, RE2::Options(), "rules.tsv"),
                  Error);
  CHECK_THROWS_WITH(PatternSet({"ok", "(unclosed"}, {"rules.tsv:1", "rules.tsv:2"}, RE2::UNANCHORED, RE2::Options(), "rules.tsv"),
                    Catch::StartsWith("rules.tsv:2: "));
}
