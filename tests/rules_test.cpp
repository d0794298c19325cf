// SPDX-License-Identifier: MIT
#include "annotate/rules.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "annotate/error.hpp"
#include "test_support.hpp"

using namespace annotate;

namespace {

std::string parse_error(std::string_view structure, std::string_view abbreviations = "") {
  try {
    Rules::parse(structure, "rules.tsv", abbreviations, "abbr.txt");
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitUsage);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("rules: the shipped rules load and match whole lines", "[rules]") {
  const Rules& rules = annotate::testing::builtin_rules();
  CHECK(rules.heading_max_words() == 15);
  CHECK(rules.heading_max_chars() == 120);
  auto response = rules.match(LineRuleKind::kResponse, "Response 2. Exert economic pressure");
  REQUIRE(response);
  CHECK(response->rule->id == "response.keyword");
  CHECK(response->groups[0] == "2");
  CHECK(response->groups[1] == "Exert economic pressure");
  CHECK_FALSE(rules.match(LineRuleKind::kBoilerplate, "EMAIL the author"));
  CHECK(rules.match(LineRuleKind::kBoilerplate, "EMAIL")->rule->id == "boilerplate.email");
  CHECK(rules.is_abbreviation("U.S."));
  CHECK(rules.is_abbreviation("e.g."));
  CHECK_FALSE(rules.is_abbreviation("Korea."));
}

TEST_CASE("rules: one screening pass names the rules a line matches", "[rules]") {
  const Rules& rules = annotate::testing::builtin_rules();
  auto ids = [&](std::string_view line) {
    std::vector<std::string> out;
    for (int index : rules.screen(line)) out.push_back(rules.line_rules()[static_cast<std::size_t>(index)].id);
    return out;
  };
  CHECK(ids("Response 2. Exert economic pressure") == std::vector<std::string>{"response.keyword"});
  CHECK(ids("EMAIL") == std::vector<std::string>{"boilerplate.email"});
  CHECK(ids("1. Kim, “Title,” Venue, 2023.") == std::vector<std::string>{"note_item.period"});
  CHECK(ids("Seoul hedged, as it often does.").empty());
  // Screened or not, match() finds the same rule and groups.
  for (std::string_view line : {"Response 2. Exert economic pressure", "EMAIL", "IV. Outlook", "*Warnings",
                                "Notes", "[3] Ibid.", "By Kim Min-ji", "Seoul hedged."}) {
    INFO(line);
    const std::vector<int> screened = rules.screen(line);
    for (LineRuleKind kind : {LineRuleKind::kBoilerplate, LineRuleKind::kResponse, LineRuleKind::kNumberedSection,
                              LineRuleKind::kMarkdown, LineRuleKind::kAppendix, LineRuleKind::kNotesHeading,
                              LineRuleKind::kNoteItem, LineRuleKind::kByline, LineRuleKind::kIbid}) {
      const auto plain = rules.match(kind, line);
      const auto fast = rules.match(kind, line, &screened);
      REQUIRE(plain.has_value() == fast.has_value());
      if (plain) {
        CHECK(plain->rule == fast->rule);
        CHECK(plain->groups == fast->groups);
      }
    }
  }
}

TEST_CASE("rules: malformed files fail with file:line messages", "[rules]") {
  CHECK(parse_error("# comment\n\nx.y\tboilerplate\n") ==
        "rules.tsv:3: expected 3 tab-separated fields (id, kind, pattern), found 2");
  CHECK(parse_error("x.y\tnonsense\tA\n") == "rules.tsv:1: unknown rule kind 'nonsense'");
  CHECK(parse_error("x.y\tboilerplate\t(unclosed\n").rfind("rules.tsv:1: bad pattern: ", 0) == 0);
  CHECK(parse_error("x.y\tresponse\tResponse (\\d+)\n") ==
        "rules.tsv:1: a response pattern needs 2 capture groups");
  CHECK(parse_error("limit.heading_words\tlimit\tmany\n") ==
        "rules.tsv:1: limit must be a whole number");
  CHECK(parse_error("limit.other\tlimit\t3\n") == "rules.tsv:1: unknown limit 'limit.other'");
  CHECK(parse_error("", "U.S.\nno period\n") == "abbr.txt:2: expected one abbreviation ending in '.'");
}

TEST_CASE("rules: --data-dir replaces shipped files one by one", "[rules]") {
  const std::string dir = annotate::testing::scratch_dir("rules");
  annotate::testing::write_file(dir + "/abbreviations.txt", "Kor.\n");
  const Rules rules = Rules::from_directory(dir);
  CHECK(rules.is_abbreviation("Kor."));
  CHECK_FALSE(rules.is_abbreviation("U.S."));
  // The structure rules were not replaced, so the shipped ones still apply.
  CHECK(rules.match(LineRuleKind::kResponse, "Option 1: Wait"));

  annotate::testing::write_file(dir + "/structure_rules.tsv", "broken\n");
  try {
    Rules::from_directory(dir);
    FAIL("a malformed rule file must throw");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          dir + "/structure_rules.tsv:1: expected 3 tab-separated fields (id, kind, pattern), found 1");
  }
  CHECK_THROWS_AS(Rules::from_directory(dir + "/missing"), Error);
  std::filesystem::remove_all(dir);
}
