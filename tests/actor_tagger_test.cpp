// SPDX-License-Identifier: MIT
// The actor tagger against tests/data/actors.tsv (a sentence and its expected mentions a
// line, each line a document of its own), unit cases, and the shared corpus.
#include "annotate/actor_tagger.hpp"

#include <catch2/catch.hpp>
#include <re2/re2.h>
#include <filesystem>
#include <sstream>

#include "annotate/person_finder.hpp"
#include "annotate/pipeline.hpp"
#include "annotate/reader.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::annotated;
using annotate::testing::read_file;
using annotate::testing::read_tsv_cases;
using annotate::testing::TsvCase;
using annotate::testing::source_path;

namespace {


// "TEXT=ID/FORM | ..." or "-", as actors.tsv writes expectations.
std::string describe(const Document& doc) {
  if (doc.mentions.empty()) return "-";
  std::string out;
  for (const Mention& m : doc.mentions) {
    if (!out.empty()) out += " | ";
    out += std::string(doc.view(m.span)) + "=" + doc.actors[m.actor].id + "/" + std::string(m.form);
  }
  return out;
}

}  // namespace

TEST_CASE("actor_tagger: the sentence test set", "[actor_tagger]") {
  std::size_t cases = 0;
  std::set<std::string> states;
  for (const TsvCase& test : read_tsv_cases("tests/data/actors.tsv")) {
    INFO(test.input);
    const Document doc = annotated(test.input + "\n");
    CHECK(describe(doc) == test.expected);
    for (const Actor& actor : doc.actors) {
      if (actor.type == ActorType::kState) states.insert(actor.id);
    }
    ++cases;
  }
  CHECK(cases >= 80);
  CHECK(states.size() >= 60);
}

TEST_CASE("actor_tagger: people from context and their surnames", "[actor_tagger]") {
  const Document doc = annotated(
      "As Zhu Jiejin and He Yue write, Moscow is wary. Cheng Xiaohe pointedly observed that Seoul hedged. "
      "Cheng added more. He said nothing.\n");
  CHECK(describe(doc) ==
        "Zhu Jiejin=zhu-jiejin/name | He Yue=he-yue/name | Moscow=RUS/capital | Cheng Xiaohe=cheng-xiaohe/name | "
        "Seoul=KOR/capital | Cheng=cheng-xiaohe/surname");
  CHECK(doc.actors[0].rule_id == "person.verb");
  CHECK(doc.actors[0].type == ActorType::kPerson);
  CHECK(doc.actors[0].affiliation.empty());
}

TEST_CASE("actor_tagger: the person filter never hides a name the finder would find", "[actor_tagger]") {
  const ActorCues cues = ActorCues::load(std::nullopt);
  const PersonFinder& finder = *cues.person_finder;
  REQUIRE(cues.person_filter.pattern() != nullptr);
  auto screened_in = [&](std::string_view sentence) {
    return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *cues.person_filter.pattern());
  };
  CHECK(screened_in("Meng Xiaoru assesses that the thaw will not last."));
  CHECK(screened_in("Ambassador Xing Haiming, speaking in Seoul, was blunt."));
  CHECK_FALSE(screened_in("Seoul hedged in 2019."));
  CHECK(finder.find("Meng Xiaoru assesses that the thaw will not last.").size() == 1);
  CHECK(finder.find("Seoul hedged in 2019.").empty());
  // Every sentence of the bundled sample and the layout variants where find() finds a name
  // passes the filter.
  std::vector<std::string> paths = {source_path("data/samples/sample-commentary.txt")};
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/data/variants"))) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  std::size_t found = 0;
  for (const std::string& path : paths) {
    const Document doc = annotated(read_file(path));
    for (const Sentence& sentence : doc.sentences) {
      const std::string_view text = sentence.span.of(doc.text);
      if (finder.find(text).empty()) continue;
      ++found;
      INFO(text);
      CHECK(screened_in(text));
    }
  }
  CHECK(found > 0);
}

TEST_CASE("actor_tagger: surnames need their full name first when short or a word", "[actor_tagger]") {
  CHECK(describe(annotated("Moon rose over Seoul. The moon was full.\n")) == "Seoul=KOR/capital");
  CHECK(describe(annotated("Moon Jae-in met Xi Jinping. Moon smiled and Xi nodded.\n")) ==
        "Moon Jae-in=moon-jae-in/name | Xi Jinping=xi-jinping/name | Moon=moon-jae-in/surname | "
        "Xi=xi-jinping/surname");
  CHECK(describe(annotated("Medvedev threatened Kyiv.\n")) ==
        "Medvedev=dmitry-medvedev/surname | Kyiv=UKR/capital");
}

TEST_CASE("actor_tagger: what one document learns of an actor does not reach the next", "[actor_tagger]") {
  // The per-entity tables are kept by the thread from document to document (and reset):
  // a full name seen in one document does not license a short surname in the next, and
  // each document numbers its own actors from the first.
  const Document first = annotated("Xi Jinping met Moon Jae-in in Seoul.\n");
  CHECK(describe(first) == "Xi Jinping=xi-jinping/name | Moon Jae-in=moon-jae-in/name | Seoul=KOR/capital");
  const Document second = annotated("Seoul waited. Xi said nothing and Moon rose.\n");
  CHECK(describe(second) == "Seoul=KOR/capital");
  REQUIRE(second.actors.size() == 1);
  CHECK(second.mentions[0].actor == 0);
  CHECK(second.actors[0].mention_count == 1);
  const Document third = annotated("Xi Jinping spoke. Xi left.\n");
  CHECK(describe(third) == "Xi Jinping=xi-jinping/name | Xi=xi-jinping/surname");
  CHECK(third.actors.size() == 1);
}

TEST_CASE("actor_tagger: the North and the South only in a Korean context", "[actor_tagger]") {
  CHECK(describe(annotated("North Korea tested a missile. Seoul protested. The South fears the North.\n")) ==
        "North Korea=PRK/name | Seoul=KOR/capital | The South=KOR/alias | the North=PRK/alias");
  CHECK(describe(annotated("The North voted against the South in the Civil War.\n")) == "-");
  CHECK(describe(annotated("North Korea and South Korea face the North Korean threat.\n")) ==
        "North Korea=PRK/name | South Korea=KOR/name | North Korean=PRK/adjective");
}

TEST_CASE("actor_tagger: words the two-byte screen passes and stops", "[actor_tagger]") {
  // An alias at the very end of a sentence, one in capitals after a quote, the sentence's
  // last byte a word of its own; the case-insensitive surface in capitals.
  CHECK(describe(annotated("Seoul and Pyongyang met. Seoul trusts the South")) ==
        "Seoul=KOR/capital | Pyongyang=PRK/capital | Seoul=KOR/capital | the South=KOR/alias");
  CHECK(describe(annotated("Seoul and Pyongyang met. \xE2\x80\x9CThe North\xE2\x80\x9D waits. A")) ==
        "Seoul=KOR/capital | Pyongyang=PRK/capital | The North=PRK/alias");
  CHECK(describe(annotated("The SIX-PARTY TALKS failed; the thesis stands.\n")) ==
        "SIX-PARTY TALKS=six-party-talks/name");
  // A one-byte surface of an override is found before any second byte and at the end.
  const std::string dir = annotate::testing::scratch_dir("actor_pairs");
  annotate::testing::write_file(dir + "/one.tsv", "X\tKOR\talias\tcs\n");
  const Annotator annotator(std::nullopt, std::nullopt, {dir + "/one.tsv"});
  ReadResult read = decode_input("mem.txt", "X, then X.\nX");
  REQUIRE_FALSE(read.error);
  annotator.annotate(read.document);
  CHECK(describe(read.document) == "X=KOR/alias | X=KOR/alias | X=KOR/alias");
  // An alias whose first two bytes start no surface ("yonder"): its own pairs let it in.
  REQUIRE_FALSE(Lexicon::has_pair(Lexicon::load(std::nullopt).start_pairs(), 'y', 'o'));
  std::string cues = read_file(source_path("data/actor_cues.tsv"));
  annotate::testing::write_file(dir + "/actor_cues.tsv", cues + "alias\tyonder North\tPRK\tKOR PRK\n");
  const Annotator with_alias(dir);
  ReadResult yonder = decode_input("mem.txt", "Seoul and Pyongyang met. Yonder North waits; yonder North\n");
  REQUIRE_FALSE(yonder.error);
  with_alias.annotate(yonder.document);
  CHECK(describe(yonder.document) ==
        "Seoul=KOR/capital | Pyongyang=PRK/capital | Yonder North=PRK/alias | yonder North=PRK/alias");
  std::filesystem::remove_all(dir);
}

TEST_CASE("actor_tagger: names on either side of the scan's 64-byte blocks", "[actor_tagger]") {
  // Word starts are found 64 bytes of a sentence at a time (16 with SSE2, byte by byte
  // where the text ends): each name at every offset around a block's edges, after a
  // non-ASCII character, and at the very end of the text.
  for (std::size_t pad = 0; pad <= 140; ++pad) {
    INFO(pad);
    const std::string text = "Seoul met " + std::string(pad, ' ') + "Beijing\xE2\x80\x99s envoy, T\xC3\xA9" "a and Tokyo " +
                             std::string(pad % 7, ' ') + "\xE2\x80\x94Moscow";
    const Document doc = annotated(text);
    CHECK(describe(doc) == "Seoul=KOR/capital | Beijing=CHN/capital | Tokyo=JPN/capital | Moscow=RUS/capital");
    REQUIRE(doc.mentions.size() == 4);
    CHECK(doc.mentions[3].span.end == text.size());
  }
}

TEST_CASE("actor_tagger: roles follow the reference date", "[actor_tagger]") {
  const Document doc = annotated("Xi Jinping met Moon Jae-in.\n\n1. A source, June 1, 2019.\n");
  REQUIRE(doc.actors.size() == 2);
  CHECK(doc.actors[0].role == "head_of_state");
  CHECK(doc.actors[1].role == "head_of_state");
  const Document later = annotated("Xi Jinping met Moon Jae-in.\n\n1. A source, June 1, 2023.\n");
  CHECK(later.actors[1].role.empty());
}

TEST_CASE("actor_tagger: the shared corpus", "[actor_tagger][corpus]") {
  const auto path = annotate::testing::shared_corpus_file();
  if (!path) return;
  const Document doc = annotated(read_file(*path));
  std::map<std::string, std::size_t> counts;
  for (const Actor& actor : doc.actors) counts[actor.id] = actor.mention_count;
  for (const char* id : {"CHN", "RUS", "USA", "JPN", "KOR", "PRK", "UKR", "TWN", "xi-jinping", "vladimir-putin",
                         "joe-biden", "yoon-suk-yeol", "moon-jae-in", "kishida-fumio", "abe-shinzo", "park-geun-hye",
                         "cheng-xiaohe", "meng-xiaoru", "yang-fan", "ling-shengli", "wang-fudong", "zhu-jiejin",
                         "he-yue", "deng-hao", "xing-haiming", "konstantin-asmolov", "liudmila-zakharova",
                         "james-dj-brown", "dmitry-medvedev", "nato", "sco", "un", "six-party-talks", "the-west"}) {
    INFO(id);
    CHECK(counts[id] > 0);
  }
  // The places hide the states inside them.
  for (const Mention& m : doc.mentions) {
    const std::string_view sentence = doc.view(doc.sentences[m.sentence].span);
    const std::string_view text = doc.view(m.span);
    INFO(sentence);
    if (text == "China") CHECK(sentence.find("South China Sea") == std::string_view::npos);
    CHECK(text != "us");
  }
  CHECK(counts["KOR"] >= 90);
  CHECK(counts["CHN"] >= 100);
}
