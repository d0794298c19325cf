// SPDX-License-Identifier: MIT
#include "annotate/callout_linker.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace annotate;
using annotate::testing::structure_of;

namespace {

// "marker@text" for each callout candidate of a one-paragraph text.
std::vector<std::string> callouts_in(const std::string& text) {
  std::vector<std::string> out;
  for (const CalloutCandidate& c :
       find_callouts(text, Span{0, text.size()}, annotate::testing::builtin_rules())) {
    out.push_back(c.marker + "@" + std::string(c.span.of(text)));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("callout_linker: numbers glued after punctuation or closing quotes", "[callout_linker]") {
  CHECK(callouts_in("the first stand-alone trilateral summit.1 He pronounced") == Strings{"1@1"});
  CHECK(callouts_in("as a cardinal shift in the world order is beginning.10") == Strings{"10@10"});
  CHECK(callouts_in("would \xE2\x80\x9C" "destabilise the region.\xE2\x80\x9D" "3 Next") == Strings{"3@3"});
  CHECK(callouts_in("called it \xE2\x80\x9Chistoric,\xE2\x80\x9D" "2 culminating") == Strings{"2@2"});
  CHECK(callouts_in("It ended in 2023.4 The next") == Strings{"4@4"});
}

TEST_CASE("callout_linker: brackets, superscripts and symbols", "[callout_linker]") {
  CHECK(callouts_in("as Snyder argues [3], the rise") == Strings{"3@[3]"});
  CHECK(callouts_in("a summit\xC2\xB9\xC2\xB2 and more\xC2\xB3.") ==
        Strings{"12@\xC2\xB9\xC2\xB2", "3@\xC2\xB3"});
  CHECK(callouts_in("consequences bound to follow.*") == Strings{"*@*"});
  CHECK(callouts_in("a second appendix.\xE2\x80\xA0 Then") == Strings{"\xE2\x80\xA0@\xE2\x80\xA0"});
}

TEST_CASE("callout_linker: numbers that are not callouts", "[callout_linker]") {
  CHECK(callouts_in("between Xi and Park in 2013-14 and in 2013-2016") == Strings{});
  CHECK(callouts_in("since the 2020 COVID-19 pandemic, three vs. three") == Strings{});
  CHECK(callouts_in("Guoji Wenti Yanjiu, No. 2, 2023 and see No.2 here") == Strings{});
  CHECK(callouts_in("growth of 3.5 percent and 1,000 troops at 3:30 today") == Strings{});
  CHECK(callouts_in("1. A list item at the start") == Strings{});
  CHECK(callouts_in("the \xE2\x80\x99" "90 crisis and (2023)4 lines") == Strings{});
  CHECK(callouts_in("*Warnings") == Strings{});
  CHECK(callouts_in("a year.12345 Then") == Strings{});
}

TEST_CASE("callout_linker: callouts link to notes and appendix headings", "[callout_linker]") {
  const std::string text =
      "Intro\n\nA body sentence ends here.1 Another follows.*\n\nMore body text.2 And a stray one.9\n\n"
      "*Warnings\n\nThe appendix text.\n\n1. First note.\n\n2. Ibid.\n\n3. Never cited.\n";
  const Document doc = structure_of(text);
  REQUIRE(doc.callouts.size() == 4);
  CHECK(doc.callouts[0].marker == "1");
  CHECK(*doc.callouts[0].target_note == 0);
  CHECK(doc.view(doc.sentences[doc.callouts[0].sentence].span) == "A body sentence ends here.1");
  CHECK(doc.callouts[1].marker == "*");
  REQUIRE(doc.callouts[1].target_section);
  CHECK(doc.view(*doc.sections[*doc.callouts[1].target_section].heading) == "*Warnings");
  CHECK(*doc.callouts[2].target_note == 1);
  CHECK_FALSE(doc.callouts[3].target_note);
  REQUIRE(doc.notes.size() == 3);
  CHECK(doc.notes[0].cited_by == std::vector<std::size_t>{0});
  CHECK(doc.notes[1].cited_by == std::vector<std::size_t>{2});
  CHECK(doc.notes[1].kind == NoteKind::kIbid);
  CHECK(*doc.notes[1].ibid_of == 0);
  CHECK(doc.notes[2].cited_by.empty());
  REQUIRE(doc.diagnostics.size() == 2);
  CHECK(doc.diagnostics[0].code == "callout_without_note");
  CHECK(doc.view(*doc.diagnostics[0].span) == "9");
  CHECK(doc.diagnostics[1].code == "note_not_cited");
  CHECK(doc.diagnostics[1].message == "note 3 is never cited in the text");
}
