// SPDX-License-Identifier: MIT
#include "annotate/pattern_set.hpp"

#include <catch2/catch.hpp>

#include "annotate/error.hpp"
#include "test_support.hpp"

using annotate::Error;
using annotate::PatternSet;
using annotate::testing::all_matches;

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

TEST_CASE("match_start: the range of a match's first byte, and where a search may skip to", "[pattern_set]") {
  using annotate::MatchStart;
  const RE2 year("\\b(?:19|20)\\d\\d\\b");
  const MatchStart years(year);
  CHECK(years.skips());
  CHECK(years.low() == '1');
  CHECK(years.high() == '2');
  const std::string text = "In 1998, 30 of them; by 2023-24 (about 1,999) and 3000.";
  CHECK(years.skip(text, 0, text.size()) == text.find("1998"));
  CHECK(years.skip(text, 3, text.size()) == 3);  // a byte in the range: stay
  CHECK(years.skip(text, 4, text.size()) == text.find("2023"));  // past "998, 30 of them; by "
  CHECK(years.skip(text, text.find("3000"), text.size()) == text.size());  // no 1 or 2 left
  CHECK(years.skip(text, 0, 3) == 3);  // never past the end it is given
  // Past sixteen bytes, the vector loop and the bytes after it.
  const std::string long_text = std::string(40, 'x') + "2" + std::string(5, 'y');
  CHECK(years.skip(long_text, 0, long_text.size()) == 40);
  CHECK(years.skip(long_text, 41, long_text.size()) == long_text.size());

  // A capitalised month: capitals A to S, none of them a space or lowercase.
  const MatchStart months(RE2("(?:January|March|September) \\d{4}"));
  CHECK(months.skips());
  CHECK(months.low() == 'J');
  CHECK(months.high() == 'S');

  // Patterns whose first byte may be a lowercase letter or a space, or that match the empty
  // string, never skip: skip() stays where it is.
  for (const char* pattern : {"(?i)march", "early \\d{4}", " \\d", "x*", "\\d*"}) {
    INFO(pattern);
    const MatchStart start{RE2(pattern)};
    CHECK_FALSE(start.skips());
    CHECK(start.skip(text, 5, text.size()) == 5);
  }
  CHECK_FALSE(MatchStart().skips());

  // What may precede a match counts: "\\BB" matches a "B" only after a word byte, which
  // the start of a text is not, and "\\b-" a "-" only after one.
  const MatchStart after_words(RE2("\\BB|\\bC"));
  CHECK(after_words.skips());
  CHECK(after_words.low() == 'B');
  CHECK(after_words.high() == 'C');
  const MatchStart dash(RE2("\\b-|X"));
  CHECK(dash.skips());
  CHECK(dash.low() == '-');
  CHECK(dash.high() == 'X');
}

TEST_CASE("match_start: skipping finds exactly the matches a plain search finds", "[pattern_set]") {
  using annotate::MatchStart;
  const std::string text =
      "On 12 March 2023 and March 2024, Seoul (1998-2001) said 2020s; No. 2023. 19th 2100 20 1999\xE2\x80\x99s "
      "Q1 2024, Q4; 31/12/2020 and 2020-12-31, 1900 troops, 2013-14, 123456 and 4.2023. End 2022";
  for (const char* pattern : {"\\b(?:19|20)\\d\\d\\b", "(?:January|March|December) \\d{4}", "\\d{1,2}/\\d{1,2}/\\d{4}",
                              "Q[1-4](?: \\d{4})?", "(?:19|20)\\d\\d-(?:\\d\\d|\\d{4})", "\\d+", "\\B2|\\b1"}) {
    INFO(pattern);
    const RE2 compiled(pattern);
    const MatchStart start(compiled);
    CHECK(start.skips());
    const auto plain = all_matches(compiled, MatchStart(), text);
    CHECK_FALSE(plain.empty());
    CHECK(all_matches(compiled, start, text) == plain);
  }
}
