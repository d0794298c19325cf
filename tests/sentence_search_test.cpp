// SPDX-License-Identifier: MIT
#include "annotate/sentence_search.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace annotate;
using annotate::testing::structure_of;

namespace {

// The texts of the flagged sentences, joined by " | ".
std::string flagged(const Document& doc, const std::vector<bool>& flags) {
  std::string out;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    if (!flags[s]) continue;
    if (!out.empty()) out += " | ";
    out += std::string(doc.view(doc.sentences[s].span));
  }
  return out;
}

SentenceScreen screen(const char* pattern) { return SentenceScreen(std::make_shared<const re2::RE2>(pattern)); }

}  // namespace

TEST_CASE("sentence_search: one search flags every sentence the pattern occurs in", "[sentence_search]") {
  const Document doc = structure_of(
      "Seoul warned Tokyo. Nothing happened then. Moscow warned Seoul twice, and warned again.\n\n"
      "A new paragraph without it. Beijing warned.\n");
  REQUIRE(doc.sentences.size() == 5);
  const std::vector<bool> flags = screen("\\bwarned\\b").flags(doc);
  REQUIRE(flags.size() == 5);
  CHECK(flagged(doc, flags) == "Seoul warned Tokyo. | Moscow warned Seoul twice, and warned again. | Beijing warned.");
  CHECK(flagged(doc, screen("\\bnowhere\\b").flags(doc)).empty());
}

TEST_CASE("sentence_search: a match running into the next sentence flags only the first", "[sentence_search]") {
  const Document doc = structure_of("It ended in a red. Line drawn. Then quiet.\n");
  REQUIRE(doc.sentences.size() == 3);
  const std::vector<bool> flags = screen("red\\.\\s+Line").flags(doc);
  CHECK(flagged(doc, flags) == "It ended in a red.");
}

TEST_CASE("sentence_search: matches outside every sentence are skipped", "[sentence_search]") {
  Document doc;
  doc.text = "xx Seoul xx Seoul";
  doc.sentences.push_back(Sentence{0, Span{12, 17}});
  const std::vector<bool> flags = screen("Seoul").flags(doc);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0]);
}

TEST_CASE("sentence_search: a pattern anchored to the ends of its text screens nothing out", "[sentence_search]") {
  const Document doc = structure_of("Seoul hedged. Tokyo warned.\n");
  REQUIRE(doc.sentences.size() == 2);
  // "^Tokyo" matches the second sentence alone, never the whole text: both stay candidates.
  CHECK(flagged(doc, screen("^Tokyo").flags(doc)) == "Seoul hedged. | Tokyo warned.");
}

TEST_CASE("sentence_search: without a pattern every sentence passes", "[sentence_search]") {
  const Document doc = structure_of("Seoul hedged. Tokyo warned.\n");
  CHECK(SentenceScreen().flags(doc) == std::vector<bool>{true, true});
}

TEST_CASE("sentence_search: which patterns may assert the ends of their text", "[sentence_search]") {
  CHECK(may_anchor_to_ends("^Ibid"));
  CHECK(may_anchor_to_ends("notes$"));
  CHECK(may_anchor_to_ends("(?:a|^b)"));
  CHECK(may_anchor_to_ends("\\Aword"));
  CHECK(may_anchor_to_ends("word\\z"));
  CHECK(may_anchor_to_ends("[unclosed"));
  CHECK(may_anchor_to_ends("trailing\\"));
  CHECK_FALSE(may_anchor_to_ends("\\((?:[Ss]ee|[Cc]f\\.)\\s+([^()]{3,300})\\)"));
  CHECK_FALSE(may_anchor_to_ends("cost \\$5"));
  CHECK_FALSE(may_anchor_to_ends("[$^]"));
  CHECK_FALSE(may_anchor_to_ends("[]^]x"));
  CHECK_FALSE(may_anchor_to_ends("[^]$]x"));
  CHECK_FALSE(may_anchor_to_ends("\\bwarn\\b"));
}

namespace {

// The hits of one list, sentence by sentence: "0,2 | - | 1".
std::string hits_of(const CueHits& hits) {
  std::string out;
  for (std::size_t s = 0; s < hits.sentences(); ++s) {
    if (s > 0) out += " | ";
    std::string one;
    for (const std::uint16_t index : hits.in(s)) one += (one.empty() ? "" : ",") + std::to_string(index);
    out += one.empty() ? "-" : one;
  }
  return out;
}

}  // namespace

TEST_CASE("sentence_search: one set pass tells each list which of its patterns occur where", "[sentence_search]") {
  const Document doc = structure_of("Seoul warned Tokyo in 2023. Nothing happened then. WARNED again in May.\n");
  REQUIRE(doc.sentences.size() == 3);
  const SentenceCueSet set({{"\\b(?:19|20)[0-9]{2}\\b", "\\bMay\\b", "^Nothing"}, {"(?i:\\bwarned\\b)", "\\bwarned\\b"}},
                           {"dates", "warnings"});
  const std::vector<CueHits> hits = set.find(doc);
  REQUIRE(hits.size() == 2);
  // "^" is the start of the sentence: each sentence is matched alone.
  CHECK(hits_of(hits[0]) == "0 | 2 | 1");
  CHECK(hits_of(hits[1]) == "0,1 | - | 0");
  CHECK(hits[1].any(0));
  CHECK_FALSE(hits[1].any(1));
}

TEST_CASE("sentence_search: a set over no sentences, and a pattern that does not compile", "[sentence_search]") {
  const SentenceCueSet set({{"a"}, {}}, {"first", "second"});
  const std::vector<CueHits> hits = set.find(Document{});
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].sentences() == 0);
  CHECK(hits[1].sentences() == 0);
  CHECK_THROWS_WITH(SentenceCueSet({{"a"}, {"(unclosed"}}, {"first", "second"}),
                    Catch::StartsWith("second: a screening pattern does not compile: "));
}
