// SPDX-License-Identifier: MIT
// The red-line cue table: loading, and finding cues in a sentence.
#include "annotate/redline_cues.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "annotate/error.hpp"

using namespace annotate;

namespace {

const char* const kCues =
    "warn\twarn.verb\t\\b(?:warn|warned)\\b\n"
    "threat_noun\tthreat.noun\t\\bthreats\\s+to\\b\n"
    "consequence\tconsequence.war\t\\bwar\\b\n"
    "consequence\tconsequence.any\t\\bwar\\s+games\\b|\\bwar\\b\n";

}  // namespace

TEST_CASE("redline_cues: a malformed line names its file and line", "[redline_cues]") {
  CHECK_THROWS_WITH(RedlineCues::parse("warn\tw\n", "c.tsv"), "c.tsv:1: expected 3 tab-separated fields (kind, id, pattern)");
  CHECK_THROWS_WITH(RedlineCues::parse("# note\nboast\tb\tx\n", "c.tsv"), "c.tsv:2: unknown kind 'boast'");
  CHECK_THROWS_AS(RedlineCues::parse("warn\tw\t(unclosed\n", "c.tsv"), Error);
}

TEST_CASE("redline_cues: what a warning's cue needs, from the optional fourth field", "[redline_cues]") {
  const RedlineCues cues = RedlineCues::parse(
      "warn\twarn.plain\t\\bwarned\\b\n"
      "warn\twarn.dash\t\\bcautioned\\b\t-\n"
      "warn\twarn.vow\t\\bvowed\\b\tthreat\n"
      "idiom\tidiom.said\t\\bsaid it will\\b\tcondition\n",
      "c.tsv");
  REQUIRE(cues.size() == 4);
  CHECK(cues[0].needs == CueNeeds::kNothing);
  CHECK(cues[1].needs == CueNeeds::kNothing);
  CHECK(cues[2].needs == CueNeeds::kThreat);
  CHECK(cues[3].needs == CueNeeds::kCondition);
  CHECK_THROWS_WITH(RedlineCues::parse("warn\tw\tx\tsometimes\n", "c.tsv"),
                    "c.tsv:1: unknown needs 'sometimes' (-, threat or condition)");
  CHECK_THROWS_WITH(RedlineCues::parse("line\tl\tx\tthreat\n", "c.tsv"),
                    "c.tsv:1: only warn, threat_noun and idiom cues have needs");
  CHECK_THROWS_WITH(RedlineCues::parse("warn\tw\tx\tthreat\textra\n", "c.tsv"),
                    "c.tsv:1: expected at most 4 tab-separated fields (kind, id, pattern, needs)");
}

TEST_CASE("redline_cues: hits in order, the cue listed first at one offset, none after a hyphen", "[redline_cues]") {
  const RedlineCues cues = RedlineCues::parse(kCues, "c.tsv");
  REQUIRE(cues.size() == 4);
  const std::string text = "They WARNED of war, a cold-war and war games.";
  const Span all{0, text.size()};
  const std::vector<CueHit> warns = cues.find(text, all, "warn");
  REQUIRE(warns.size() == 1);
  CHECK(warns[0].span.of(text) == "WARNED");  // case ignored
  const std::vector<CueHit> consequences = cues.find(text, all, "consequence");
  // "war" twice by each cue, "war games" once; the "war" of "cold-war" by neither.
  REQUIRE(consequences.size() == 4);
  CHECK(consequences[0].span.of(text) == "war");
  CHECK(consequences[0].cue->id == "consequence.war");
  CHECK(consequences[1].cue->id == "consequence.any");
  CHECK(consequences[2].span.begin == text.find("war games"));
  CHECK(consequences[2].cue->id == "consequence.war");
  CHECK(consequences[3].span.of(text) == "war games");
  const std::vector<CueHit> first = cues.find(text, all, "consequence", nullptr, RedlineCues::Wanted::kFirst);
  REQUIRE(first.size() == 1);
  CHECK(first[0].span.begin == text.find("war"));
  CHECK(cues.find(text, all, "idiom").empty());  // a kind with no cues
}

TEST_CASE("redline_cues: which cues occur, and only those are searched", "[redline_cues]") {
  const RedlineCues cues = RedlineCues::parse(kCues, "c.tsv");
  const std::string text = "Threats to Seoul grew.";
  const RedlineCues::Presence present = cues.present_in(text);
  CHECK(present.present == std::vector<bool>{false, true, false, false});
  CHECK(present.search_end[1] == std::string("Threats to").size());
  // The set ignores case, so it marks threat.noun for "Threats"; the cue itself keeps its
  // case (a threat noun is lowercase, "Moscow's threats"), so the search finds nothing.
  CHECK(cues.find(text, Span{0, text.size()}, "threat_noun", &present).empty());
  const std::string lower = "threats to Seoul grew.";
  CHECK(cues.find(lower, Span{0, lower.size()}, "threat_noun", &present).size() == 1);
  const RedlineCues::Presence none{std::vector<bool>(cues.size()), std::vector<std::size_t>(cues.size())};
  CHECK(cues.find(lower, Span{0, lower.size()}, "threat_noun", &none).empty());
  CHECK(cues.anchor_patterns() == std::vector<std::string>{"(?i:\\b(?:warn|warned)\\b)", "\\bthreats\\s+to\\b"});
}

TEST_CASE("redline_cues: where each cue's last match ends, and searches that stop there", "[redline_cues]") {
  // (None of these cues matches the empty string: a search from the end of its last
  // match finds nothing.)
  const RedlineCues cues = RedlineCues::parse(kCues, "c.tsv");
  const std::string text = "They warned of war, war games and war. Then peace.";
  const RedlineCues::Presence presence = cues.present_in(text);
  CHECK(presence.present == std::vector<bool>{true, false, true, true});
  const std::size_t last_war = text.rfind("war") + 3;
  CHECK(presence.search_end[0] == text.find("warned") + 6);
  CHECK(presence.search_end[2] == last_war);
  CHECK(presence.search_end[3] == last_war);
  // The same hits with the presence as without it.
  const Span all{0, text.size()};
  const std::vector<CueHit> plain = cues.find(text, all, "consequence");
  const std::vector<CueHit> screened = cues.find(text, all, "consequence", &presence);
  REQUIRE(plain.size() == 6);
  REQUIRE(screened.size() == plain.size());
  for (std::size_t h = 0; h < plain.size(); ++h) {
    CHECK(screened[h].cue == plain[h].cue);
    CHECK(screened[h].span.begin == plain[h].span.begin);
    CHECK(screened[h].span.end == plain[h].span.end);
  }
  CHECK(screened.back().span.end == last_war);
}
