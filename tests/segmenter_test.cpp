// SPDX-License-Identifier: MIT
#include "annotate/segmenter.hpp"

#include <catch2/catch.hpp>

#include "annotate/reader.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::structure_of;

namespace {

std::string field(const Document& doc, const std::optional<Span>& span) {
  return span ? std::string(doc.view(*span)) : std::string("<none>");
}

// "kind level parent heading" per section, parent as a 1-based index or 0.
std::vector<std::string> outline(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) {
    out.push_back(std::string(to_string(s.kind)) + " " + std::to_string(s.level) + " " +
                  std::to_string(s.parent ? *s.parent + 1 : 0) + " " + field(doc, s.heading));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("segmenter: the header's series, quoted title and subtitle", "[segmenter]") {
  const Document doc = structure_of(
      "National Commentaries\n\n\xE2\x80\x9C" "A Quiet Summit in Vilnius\xE2\x80\x9D\n\nA View from Tokyo\n\n"
      "EMAIL\n\nThe body begins here. It has two sentences.\n");
  CHECK(field(doc, doc.header.series) == "National Commentaries");
  CHECK(field(doc, doc.header.title) == "A Quiet Summit in Vilnius");
  CHECK(field(doc, doc.header.subtitle) == "A View from Tokyo");
  CHECK(field(doc, doc.header.byline) == "<none>");
  REQUIRE(doc.boilerplate.size() == 1);
  CHECK(doc.view(doc.boilerplate[0].span) == "EMAIL");
  CHECK(doc.boilerplate[0].rule_id == "boilerplate.email");
  REQUIRE(doc.paragraphs.size() == 4);
  CHECK(doc.paragraphs[0].kind == ParagraphKind::kSeries);
  CHECK(doc.paragraphs[1].kind == ParagraphKind::kTitle);
  CHECK(doc.view(doc.paragraphs[1].span) == "\xE2\x80\x9C" "A Quiet Summit in Vilnius\xE2\x80\x9D");
  CHECK(doc.paragraphs[2].kind == ParagraphKind::kSubtitle);
  CHECK(doc.paragraphs[3].kind == ParagraphKind::kBody);
  CHECK(outline(doc) == Strings{"front 1 0 <none>"});
  CHECK(doc.sentences.size() == 5);
}

TEST_CASE("segmenter: header without quotes, and a byline", "[segmenter]") {
  const Document doc = structure_of(
      "Asia Policy Brief\nSeoul Between Two Giants\nHow the ROK Hedges\nBy Jane Doe\n"
      "Seoul has hedged for a decade. It may not last.\n");
  CHECK(field(doc, doc.header.series) == "Asia Policy Brief");
  CHECK(field(doc, doc.header.title) == "Seoul Between Two Giants");
  CHECK(field(doc, doc.header.subtitle) == "How the ROK Hedges");
  CHECK(field(doc, doc.header.byline) == "By Jane Doe");
  CHECK(doc.paragraphs[3].kind == ParagraphKind::kByline);
}

TEST_CASE("segmenter: one sentence or one paragraph is all body", "[segmenter]") {
  for (const char* text : {"Pakistan today threatened to break off relations with India",
                           "Pakistan today threatened to break off relations with India.\n",
                           "Seoul hedged. Tokyo did not. Beijing warned both.\n"}) {
    const Document doc = structure_of(text);
    CHECK(field(doc, doc.header.title) == "<none>");
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].kind == SectionKind::kFront);
    REQUIRE(doc.paragraphs.size() == 1);
    CHECK(doc.paragraphs[0].kind == ParagraphKind::kBody);
  }
}

TEST_CASE("segmenter: responses, appendix sub-sections and trailing notes", "[segmenter]") {
  const Document doc = structure_of(
      "Opening paragraph that states a thesis.1\n\n"
      "Background Matters\n\nA paragraph of background.\n\n"
      "Response 1. Wait and see\n\nFirst option text.\n\n"
      "Response 2. Exert economic pressure as before\n\nSecond option text.*\n\n"
      "*Warnings\n\nChinese Warnings\n\nChinese text.2\n\nRussian Warnings\n\nRussian text.\n\n"
      "1. A note.\n\n2. Another note.\n\nNow Reading Something Else\n");
  CHECK(outline(doc) == Strings{"front 1 0 <none>", "section 1 0 Background Matters",
                                "response 1 0 Response 1. Wait and see",
                                "response 1 0 Response 2. Exert economic pressure as before",
                                "appendix 1 0 *Warnings", "section 2 5 Chinese Warnings",
                                "section 2 5 Russian Warnings", "notes 1 0 <none>"});
  const Section& second = doc.sections[3];
  CHECK(*second.number == 2);
  CHECK(doc.view(*second.title) == "Exert economic pressure as before");
  CHECK(doc.view(second.span) == "Response 2. Exert economic pressure as before\n\nSecond option text.*");
  const Section& appendix = doc.sections[4];
  CHECK(appendix.symbol == "*");
  CHECK(doc.view(*appendix.title) == "Warnings");
  CHECK(doc.view(appendix.span) ==
        "*Warnings\n\nChinese Warnings\n\nChinese text.2\n\nRussian Warnings\n\nRussian text.");
  CHECK(doc.view(doc.sections[7].span) == "1. A note.\n\n2. Another note.");
  CHECK(doc.sections[7].rule_id == "notes.trailing_block");
  REQUIRE(doc.notes.size() == 2);
  CHECK(doc.view(doc.notes[0].span) == "A note.");
  CHECK(doc.notes[1].n == 2);
  REQUIRE(doc.boilerplate.size() == 1);
  CHECK(doc.view(doc.boilerplate[0].span) == "Now Reading Something Else");
  CHECK(doc.paragraphs.back().kind == ParagraphKind::kNote);
}

TEST_CASE("segmenter: a trailing numbered list no callout cites is body text", "[segmenter]") {
  const Document doc = structure_of(
      "Three steps matter for Seoul now.\n\n1. Talk to Tokyo.\n\n2. Reassure Beijing.\n");
  CHECK(doc.notes.empty());
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[2].kind == ParagraphKind::kBody);
  CHECK(doc.sections.size() == 1);
}

TEST_CASE("segmenter: a Notes heading, wrapped notes and numbering gaps", "[segmenter]") {
  const Document doc = structure_of(
      "Body text cites a source [1] and another [3].\n\nNotes\n\n[1] Jane Doe, \xE2\x80\x9C" "A Title,\xE2\x80\x9D\n"
      "Foreign Affairs, 2023.\n\n[3] Ibid., p. 12.\n");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[1].kind == SectionKind::kNotes);
  CHECK(doc.view(*doc.sections[1].heading) == "Notes");
  REQUIRE(doc.notes.size() == 2);
  CHECK(doc.view(doc.notes[0].span) == "Jane Doe, \xE2\x80\x9C" "A Title,\xE2\x80\x9D\nForeign Affairs, 2023.");
  CHECK(doc.notes[1].kind == NoteKind::kIbid);
  CHECK(*doc.notes[1].ibid_of == 0);
  REQUIRE(doc.callouts.size() == 2);
  CHECK(*doc.callouts[1].target_note == 1);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].code == "notes_numbering");
  CHECK(doc.diagnostics[0].message == "note 3 follows note 1; expected 2");
}

TEST_CASE("segmenter: Markdown and Roman headings, CRLF line ends", "[segmenter]") {
  const Document doc = structure_of(
      "## The Setting\r\n\r\nText one.\r\n\r\n### A Detail\r\n\r\nText two.\r\n\r\n"
      "II. The Options\r\n\r\nText three.\r\n");
  // Markdown levels are the number of '#'; "#" is the title when it opens the document.
  CHECK(outline(doc) == Strings{"section 2 0 ## The Setting", "section 3 1 ### A Detail",
                                "section 1 0 II. The Options"});
  CHECK(doc.view(*doc.sections[0].title) == "The Setting");
  CHECK(*doc.sections[2].number == 2);
  CHECK(doc.view(*doc.sections[2].title) == "The Options");
  CHECK(doc.view(doc.paragraphs[1].span) == "Text one.");
  CHECK(doc.view(doc.sections[0].span) == "## The Setting\r\n\r\nText one.\r\n\r\n### A Detail\r\n\r\nText two.");
}

TEST_CASE("segmenter: the shared corpus", "[segmenter][corpus]") {
  const auto path = annotate::testing::shared_corpus_file();
  if (!path) return;
  ReadResult read = read_input(*path);
  REQUIRE_FALSE(read.error);
  Document doc = std::move(read.document);
  doc = segment_text(doc.text, annotate::testing::builtin_rules());

  CHECK(field(doc, doc.header.series) == "National Commentaries");
  CHECK(field(doc, doc.header.title) == "The Impact of the Camp David Trilateral");
  CHECK(field(doc, doc.header.subtitle) == "A Perspective from China and Russia");
  REQUIRE(doc.boilerplate.size() == 2);
  CHECK(doc.view(doc.boilerplate[0].span) == "EMAIL");
  CHECK(doc.view(doc.boilerplate[1].span) == "Now Reading A Perspective from China and Russia");

  CHECK(outline(doc) ==
        Strings{"front 1 0 <none>",
                "section 1 0 \xE2\x80\x9CThe Camp David Trilateral\xE2\x80\x9D",
                "section 1 0 Chinese and Russian Thinking prior to Camp David",
                "response 1 0 Response 1. Focus on domestic divisions within South Korea and Japan",
                "response 1 0 Response 2. Exert economic pressure as occurred after the THAAD "
                "deployment decision",
                "response 1 0 Response 3. Apply military pressure as a warning to both South Korea "
                "and Japan",
                "response 1 0 Response 4. Boost ties to North Korea in a manner that makes it more "
                "threatening",
                "response 1 0 Response 5. Split over how to respond in light of a growing "
                "Sino-Russian split in Central Asia",
                "appendix 1 0 *Warnings", "section 2 9 Chinese Warnings",
                "section 2 9 Russian Warnings", "notes 1 0 <none>"});
  for (int n = 1; n <= 5; ++n) CHECK(*doc.sections[static_cast<std::size_t>(2 + n)].number == n);
  CHECK(doc.view(*doc.sections[4].title) ==
        "Exert economic pressure as occurred after the THAAD deployment decision");

  REQUIRE(doc.notes.size() == 10);
  REQUIRE(doc.callouts.size() == 11);
  std::vector<std::string> markers;
  for (const Callout& c : doc.callouts) {
    markers.push_back(c.marker);
    CHECK((c.target_note || c.target_section));
  }
  CHECK(markers == Strings{"1", "*", "2", "3", "4", "5", "6", "7", "8", "9", "10"});
  CHECK(doc.view(*doc.sections[*doc.callouts[1].target_section].heading) == "*Warnings");
  for (std::size_t n = 0; n < 10; ++n) {
    CHECK(doc.notes[n].n == static_cast<int>(n + 1));
    CHECK(doc.notes[n].cited_by.size() == 1);
  }
  CHECK(doc.view(doc.notes[2].span) == "Ibid.");
  CHECK(*doc.notes[2].ibid_of == 1);
  CHECK(doc.diagnostics.empty());
  CHECK(doc.paragraphs.size() == 62);
}
