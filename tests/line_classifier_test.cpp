// SPDX-License-Identifier: MIT
#include "annotate/line_classifier.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace annotate;
using annotate::testing::builtin_rules;

namespace {

LineClass class_of(std::string_view line) {
  const std::vector<Line> lines = classify_lines(line, builtin_rules());
  REQUIRE(lines.size() == 1);
  return lines[0].kind;
}

}  // namespace

TEST_CASE("line_classifier: Roman numerals in canonical form only", "[line_classifier]") {
  CHECK(roman_value("I") == 1);
  CHECK(roman_value("IV") == 4);
  CHECK(roman_value("IX") == 9);
  CHECK(roman_value("XIV") == 14);
  CHECK(roman_value("IIII") == 0);
  CHECK(roman_value("VX") == 0);
  CHECK(roman_value("") == 0);
  CHECK(roman_value("MIX") == 1009);
}

TEST_CASE("line_classifier: plain headings are short lines without final punctuation",
          "[line_classifier]") {
  const Rules& rules = builtin_rules();
  CHECK(looks_like_heading("Chinese and Russian Thinking prior to Camp David", rules));
  CHECK(looks_like_heading("\xE2\x80\x9CThe Camp David Trilateral\xE2\x80\x9D", rules));
  CHECK_FALSE(looks_like_heading("\xE2\x80\x9Cunfriendly country.\xE2\x80\x9D", rules));
  CHECK_FALSE(looks_like_heading("Yet, this is improbable.", rules));
  CHECK_FALSE(looks_like_heading("Now, how will China react?", rules));
  CHECK_FALSE(looks_like_heading("lowercase start of a line", rules));
  CHECK_FALSE(looks_like_heading("2023", rules));
  CHECK_FALSE(looks_like_heading(
      "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
      "sixteen",
      rules));
}

TEST_CASE("line_classifier: each kind of line", "[line_classifier]") {
  CHECK(class_of("EMAIL") == LineClass::kBoilerplate);
  CHECK(class_of("Now Reading A Perspective from China and Russia") == LineClass::kBoilerplate);
  CHECK(class_of("Response 1. Focus on domestic divisions") == LineClass::kResponse);
  CHECK(class_of("Option 2: Wait and see") == LineClass::kResponse);
  CHECK(class_of("Scenario 3 \xE2\x80\x93 A sudden collapse") == LineClass::kResponse);
  CHECK(class_of("II. Background") == LineClass::kNumberedSection);
  CHECK(class_of("IIII. Background") == LineClass::kPlainHeading);
  CHECK(class_of("## Background") == LineClass::kMarkdown);
  CHECK(class_of("*Warnings") == LineClass::kAppendix);
  CHECK(class_of("Appendix: Sources") == LineClass::kAppendix);
  CHECK(class_of("Notes") == LineClass::kNotesHeading);
  CHECK(class_of("Endnotes") == LineClass::kNotesHeading);
  CHECK(class_of("3. Ibid.") == LineClass::kNoteItem);
  CHECK(class_of("[4] Cheng Xiaohe, \xE2\x80\x9CUS-DPRK Relations\xE2\x80\x9D") == LineClass::kNoteItem);
  CHECK(class_of("By Jane Doe") == LineClass::kByline);
  CHECK(class_of("By 2030, Seoul will have to choose.") == LineClass::kBody);
  CHECK(class_of("Chinese Warnings") == LineClass::kPlainHeading);
  CHECK(class_of("Chinese have warned Seoul repeatedly.") == LineClass::kBody);
}

TEST_CASE("line_classifier: spans are trimmed lines, titles inside them", "[line_classifier]") {
  const std::string text = "  Response 4. Boost ties to North Korea   \r\n\r\n\xC2\xA0" "Body text here.\r\n";
  const std::vector<Line> lines = classify_lines(text, builtin_rules());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].span.of(text) == "Response 4. Boost ties to North Korea");
  CHECK(*lines[0].number == 4);
  CHECK(lines[0].title->of(text) == "Boost ties to North Korea");
  CHECK(lines[0].rule->id == "response.keyword");
  CHECK(lines[1].span.of(text) == "Body text here.");
}
