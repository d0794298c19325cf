// SPDX-License-Identifier: MIT
// Actor groups and what pronouns stand for, on annotated sentences written for them.
#include "annotate/redline_actors.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace annotate;
using annotate::testing::annotated;

namespace {

// The groups of sentence `s`.
std::vector<ActorGroup> groups_of(const Document& doc, std::size_t s) {
  const Mention* first = doc.mentions.data();
  const Mention* last = doc.mentions.data() + doc.mentions.size();
  while (first != last && first->sentence < s) ++first;
  const Mention* end = first;
  while (end != last && end->sentence == s) ++end;
  return actor_groups(doc, first, end);
}

std::vector<std::string> ids(const Document& doc, const std::vector<std::size_t>& actors) {
  std::vector<std::string> out;
  for (std::size_t a : actors) out.push_back(doc.actors[a].id);
  return out;
}

}  // namespace

TEST_CASE("redline_actors: mentions joined by 'and', 'nor' or a hyphen make one group", "[redline_actors]") {
  const Document doc = annotated("Neither Seoul nor Tokyo joined, and Chinese and Russians noticed the Sino-US rift.\n");
  const std::vector<ActorGroup> groups = groups_of(doc, 0);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].span.of(doc.text) == "Seoul nor Tokyo");
  CHECK(ids(doc, groups[0].actors) == std::vector<std::string>{"KOR", "JPN"});
  CHECK(groups[1].span.of(doc.text) == "Chinese and Russians");
  CHECK(ids(doc, groups[1].actors) == std::vector<std::string>{"CHN", "RUS"});
  CHECK(groups[2].span.of(doc.text) == "Sino-US");
  CHECK(groups[2].modifier);
  CHECK_FALSE(groups[0].modifier);
}

TEST_CASE("redline_actors: the first reference in a range, the longest at one place", "[redline_actors]") {
  const Document doc = annotated("Beijing pairs its criticism with threats against its two allies and them.\n");
  const std::vector<ActorGroup> groups = groups_of(doc, 0);
  const std::vector<std::vector<ActorGroup>> none;
  const EarlierGroups history(none);
  const SentenceActors around(doc, doc.sentences[0].span, groups, history);
  const std::size_t threats = doc.text.find("threats");
  const auto first = around.find_reference(0, doc.text.size());
  REQUIRE(first);
  CHECK(first->word == "its");
  CHECK(first->at == doc.text.find("its"));
  const auto allies = around.find_reference(threats, doc.text.size());
  REQUIRE(allies);
  CHECK(allies->word == "its two allies");
  CHECK(doc.text.substr(allies->at, allies->word.size()) == "its two allies");
  // Whole words only: "pairs", "criticism" and "threats" hold no "it" or "its".
  CHECK_FALSE(around.find_reference(doc.text.find("pairs"), doc.text.find("its")));
}

TEST_CASE("redline_actors: 'it' is no person, 'he' is one, across sentences", "[redline_actors]") {
  const Document doc = annotated(
      "Medvedev warned Seoul against sending weapons to Kyiv. If it crosses this red line, relations will be "
      "destroyed, he added.\n");
  REQUIRE(doc.sentences.size() == 2);
  const std::vector<std::vector<ActorGroup>> before = {groups_of(doc, 0)};
  const EarlierGroups history(before);
  const std::vector<ActorGroup> groups = groups_of(doc, 1);
  const SentenceActors around(doc, doc.sentences[1].span, groups, history);
  const auto it = around.find_reference(doc.sentences[1].span.begin, doc.sentences[1].span.end);
  REQUIRE(it);
  CHECK(it->word == "it");
  CHECK(ids(doc, around.resolve(it->at, it->word, {})) == std::vector<std::string>{"KOR"});
  const std::size_t he = doc.text.find("he added");
  CHECK(ids(doc, around.resolve(he, "he", {})) == std::vector<std::string>{"dmitry-medvedev"});
  // With Seoul left out, the next actor of that sentence that is no person.
  REQUIRE(doc.actors[doc.mentions[1].actor].id == "KOR");
  CHECK(ids(doc, around.resolve(it->at, it->word, {doc.mentions[1].actor})) == std::vector<std::string>{"UKR"});
  // The groups of the sentence before made from its mentions when first asked for: the same.
  std::size_t second_first = 0;
  while (second_first < doc.mentions.size() && doc.mentions[second_first].sentence == 0) ++second_first;
  const std::vector<EarlierGroups::MentionRange> ranges = {{0, second_first}};
  const EarlierGroups made(doc, ranges);
  const SentenceActors around_made(doc, doc.sentences[1].span, groups, made);
  CHECK(ids(doc, around_made.resolve(it->at, it->word, {})) == std::vector<std::string>{"KOR"});
  CHECK(ids(doc, around_made.resolve(he, "he", {})) == std::vector<std::string>{"dmitry-medvedev"});
  REQUIRE(made.get().size() == 1);
  REQUIRE(made.get()[0].size() == before[0].size());
  for (std::size_t g = 0; g < before[0].size(); ++g) {
    CHECK(made.get()[0][g].span == before[0][g].span);
    CHECK(made.get()[0][g].actors == before[0][g].actors);
  }
}

TEST_CASE("redline_actors: 'its two allies' are two states, not the one whose allies they are", "[redline_actors]") {
  const Document doc = annotated(
      "Washington has drawn Japan and the Philippines closer. Beijing pairs its criticism of the United States "
      "with threats against its two allies.\n");
  REQUIRE(doc.sentences.size() == 2);
  const std::vector<std::vector<ActorGroup>> before = {groups_of(doc, 0)};
  const EarlierGroups history(before);
  const std::vector<ActorGroup> groups = groups_of(doc, 1);
  const SentenceActors around(doc, doc.sentences[1].span, groups, history);
  const std::size_t allies = doc.text.find("its two allies");
  CHECK(ids(doc, around.resolve(allies, "its two allies", {})) == std::vector<std::string>{"JPN", "PHL"});
  // Without the sentence before, no two states are left.
  const std::vector<std::vector<ActorGroup>> none;
  const EarlierGroups nothing_before(none);
  const SentenceActors alone(doc, doc.sentences[1].span, groups, nothing_before);
  CHECK(alone.resolve(allies, "its two allies", {}).empty());
}
