// SPDX-License-Identifier: MIT
// The date tagger against tests/data/dates.tsv (one sentence and its expected dates a line),
// against whole documents for the reference date, and against the shared corpus.
#include "annotate/date_tagger.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "annotate/callout_linker.hpp"
#include "annotate/error.hpp"
#include "annotate/pipeline.hpp"
#include "annotate/reader.hpp"
#include "annotate/segmenter.hpp"
#include "annotate/sentence_splitter.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::read_file;
using annotate::testing::read_tsv_cases;
using annotate::testing::TsvCase;

namespace {

const DateTagger& tagger() {
  static const DateTagger instance(DateRules::load(std::nullopt));
  return instance;
}

// "TEXT => TYPE VALUE MOD | ..." or "-", the form dates.tsv writes expectations in.
std::string describe(std::string_view sentence, const std::vector<DateMention>& dates) {
  if (dates.empty()) return "-";
  std::string out;
  for (const DateMention& d : dates) {
    if (!out.empty()) out += " | ";
    out += std::string(d.span.of(sentence)) + " => " + d.type + " " + d.value + " " +
           (d.mod.empty() ? "-" : d.mod);
  }
  return out;
}

Document annotated(const std::string& text, const std::optional<std::string>& reference = std::nullopt) {
  const Annotator annotator(std::nullopt, reference);
  ReadResult read = decode_input("mem.txt", text);
  REQUIRE_FALSE(read.error);
  annotator.annotate(read.document);
  return std::move(read.document);
}

}  // namespace

TEST_CASE("date_tagger: the expression test set", "[date_tagger]") {
  std::size_t cases = 0;
  for (const TsvCase& test : read_tsv_cases("tests/data/dates.tsv")) {
    std::string sentence = test.input;
    const std::string& expected = test.expected;
    ReferenceDate reference{2023, 9, 15};
    if (sentence.rfind("@ref=", 0) == 0) {
      reference = parse_reference_date(sentence.substr(5, 10));
      sentence = sentence.substr(16);
    }
    INFO(sentence);
    CHECK(describe(sentence, tagger().tag_sentence(sentence, reference)) == expected);
    ++cases;
  }
  CHECK(cases >= 150);
}

TEST_CASE("date_tagger: reference date from the option, the notes or the text", "[date_tagger]") {
  const std::string with_notes =
      "Beijing warned Seoul in March.1 On August 18 the summit met.\n\n"
      "1. Jane Doe, \xE2\x80\x9C" "A Title,\xE2\x80\x9D Daily News, June 30, 2023.\n";
  const Document from_notes = annotated(with_notes);
  CHECK(from_notes.reference_date.value == "2023-06-30");
  CHECK(from_notes.reference_date.source == "notes");
  REQUIRE(from_notes.dates.size() == 3);
  CHECK(from_notes.dates[0].value == "2023-03");
  CHECK(from_notes.view(from_notes.dates[0].span) == "March");
  CHECK(from_notes.dates[1].value == "2023-08-18");
  CHECK(from_notes.dates[2].value == "2023-06-30");
  CHECK(from_notes.dates[2].rule_id == "date.mdy");

  const Document from_option = annotated(with_notes, "2024-01-05");
  CHECK(from_option.reference_date.value == "2024-01-05");
  CHECK(from_option.reference_date.source == "option");
  CHECK(from_option.dates[0].value == "2024-03");

  const Document from_text = annotated("Tensions grew in 2019 and peaked in 2022. Last year was calm.\n");
  CHECK(from_text.reference_date.value == "2022");
  CHECK(from_text.reference_date.source == "text");
  REQUIRE(from_text.dates.size() == 3);
  CHECK(from_text.dates[2].value == "2021");

  const Document none = annotated("In March the talks resumed.\n");
  CHECK(none.reference_date.value.empty());
  REQUIRE(none.dates.size() == 1);
  CHECK(none.dates[0].value == "XXXX-03");
  REQUIRE(none.diagnostics.size() == 1);
  CHECK(none.diagnostics[0].code == "date_without_anchor");

  // A day the calendar lacks in a note ("2022-11-31", once a fuzzer's find: it stopped the
  // run) is no reference: the latest real day is.
  const Document impossible = annotated(
      "Moscow warned Seoul in March.1 Talks followed.2\n\n"
      "1. Jane Doe, \xE2\x80\x9C" "A Title,\xE2\x80\x9D Daily News, 2022-11-31.\n"
      "2. John Roe, \xE2\x80\x9C" "Another,\xE2\x80\x9D Daily News, 2022-10-02.\n");
  CHECK(impossible.reference_date.value == "2022-10-02");
  CHECK(impossible.reference_date.source == "notes");
  CHECK(impossible.dates.front().value == "2022-03");

  CHECK_THROWS_AS(parse_reference_date("2023-02-30"), Error);
  CHECK_THROWS_AS(parse_reference_date("2022-11-31"), Error);
  CHECK_THROWS_AS(parse_reference_date("March 2023"), Error);
  CHECK(parse_reference_date("2024-02-29").day == 29);
}

TEST_CASE("date_tagger: a year before a callout is still a year", "[date_tagger]") {
  const Document doc = annotated("The dispute began in 2019.4 It continues.\n\n4. A note, 2020.\n");
  REQUIRE(doc.callouts.size() == 1);
  REQUIRE(doc.dates.size() == 2);
  CHECK(doc.view(doc.dates[0].span) == "2019");
  CHECK(doc.dates[0].sentence == 0);
}

TEST_CASE("date_tagger: the shared screen's search ends change nothing, word bytes beside a sentence or not",
          "[date_tagger]") {
  // The Annotator's screen says where each rule's last match in a sentence ends; the
  // tagger stops searching there only where the sentence's edges read as they do alone.
  for (const std::string text :
       {"The dispute began in 2019.4 It continues in 2020 and 2021.5 Then 2022, 2023.\n\n4. A note.\n5. Another.\n",
        "Talks (2019-2020) and 2021.\n\nEarly 2023 and late 2024; in March 2025 and 2026.\n"}) {
    INFO(text);
    ReadResult alone = decode_input("mem.txt", text);
    REQUIRE_FALSE(alone.error);
    Document& doc = alone.document;
    segment(doc, annotate::testing::builtin_rules());
    split_sentences(doc, annotate::testing::builtin_rules());
    link_callouts(doc, annotate::testing::builtin_rules());
    tagger().tag(doc, std::nullopt);
    const Document screened = annotated(text);
    REQUIRE(screened.dates.size() == doc.dates.size());
    CHECK(screened.dates.size() >= 5);
    CHECK(describe(screened.text, screened.dates) == describe(doc.text, doc.dates));
  }
}

TEST_CASE("date_tagger: the shared corpus", "[date_tagger][corpus]") {
  const auto path = annotate::testing::shared_corpus_file();
  if (!path) return;
  const Document doc = annotated(read_file(*path));
  CHECK(doc.reference_date.value == "2023-08-18");
  CHECK(doc.reference_date.source == "notes");
  std::vector<std::string> found;
  for (const DateMention& d : doc.dates) {
    found.push_back(std::string(doc.view(d.span)) + "=" + d.value + (d.mod.empty() ? "" : "/" + d.mod));
  }
  auto has = [&](const std::string& item) { return std::find(found.begin(), found.end(), item) != found.end(); };
  for (const char* expected :
       {"the 2020s=202", "2013-14=2013/2014", "2013-2016=2013/2016", "2021=2021", "the first half of 2023=2023-H1",
        "August 18=2023-08-18", "2018-19=2018/2019", "the end of 2017=2017/END", "2013-16=2013/2016",
        "July 2023=2023-07", "the 2010s=201", "March=2023-03", "April 20=2023-04-20", "2021-2022=2021/2022",
        "2018-20=2018/2020", "early 2023=2023/START", "the first part of the 2020s=202/START",
        "December 2022=2022-12", "July=2023-07", "August 18, 2023=2023-08-18", "December 30, 2020=2020-12-30",
        "July/August 2023=2023-07/2023-08", "annual=P1Y", "annually=P1Y", "two decades=P20Y", "a year and a half=P18M",
        "1950=1950", "1937=1937", "2027=2027"}) {
    INFO(expected);
    CHECK(has(expected));
  }
  for (const std::string& item : found) {
    INFO(item);
    CHECK(item.find("19=") != 0);  // "COVID-19" is not a date
    CHECK(item.rfind("No.", 0) != 0);
  }
}
