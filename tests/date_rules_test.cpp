// SPDX-License-Identifier: MIT
#include "annotate/date_rules.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "annotate/error.hpp"
#include "test_support.hpp"

using namespace annotate;

namespace {

std::string parse_error(std::string_view rules, std::string_view words = "month\tMay\t05\n") {
  try {
    DateRules::parse(rules, "r.tsv", words, "w.tsv");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("date_rules: the shipped rules load", "[date_rules]") {
  const DateRules rules = DateRules::load(std::nullopt);
  CHECK(rules.rules().size() > 30);
  CHECK(*rules.word_value("month", "Sept") == "09");
  CHECK(*rules.word_value("mod", "early") == "START");
  CHECK(rules.is_count_noun("troops"));
  CHECK_FALSE(rules.word_value("month", "march"));  // the verb is not a month
  CHECK(rules.has_word("number_prefix", "No."));
  CHECK(rules.has_word("count_noun", "Troops"));  // capitalised at a sentence's start
  CHECK_FALSE(rules.has_word("count_noun", "ago"));
  CHECK_FALSE(rules.has_word("no_such_class", "troops"));
}

TEST_CASE("date_rules: rules that start with digits or capitals skip to them, finding the same", "[date_rules]") {
  const DateRules rules = DateRules::load(std::nullopt);
  std::map<std::string, std::string> ranges;
  for (const DateRule& rule : rules.rules()) {
    if (rule.start.skips()) ranges[rule.id] = {static_cast<char>(rule.start.low()), static_cast<char>(rule.start.high())};
  }
  CHECK(ranges["year.bare"] == "12");
  CHECK(ranges["date.iso"] == "12");
  CHECK(ranges["date.dmy"] == "09");
  CHECK(ranges["date.month_year"] == "AS");
  CHECK(ranges.count("date.mod_year") == 0);  // "early 2023", "Early 2023": a lowercase start
  // Every rule finds the same matches with and without skipping, over the sample and the
  // date test cases.
  std::string text = testing::read_file(testing::source_path("data/samples/sample-commentary.txt"));
  for (const testing::TsvCase& c : testing::read_tsv_cases("tests/data/dates.tsv")) text += c.input + "\n";
  std::size_t found = 0;
  for (const DateRule& rule : rules.rules()) {
    INFO(rule.id);
    const auto plain = testing::all_matches(*rule.pattern, MatchStart(), text);
    CHECK(testing::all_matches(*rule.pattern, rule.start, text) == plain);
    found += plain.size();
  }
  CHECK(found > 100);
}

TEST_CASE("date_rules: malformed files fail with file:line", "[date_rules]") {
  CHECK(parse_error("x\tDATE\t{year}\n") ==
        "r.tsv:1: expected 6 tab-separated fields (id, type, value, mod, guard, pattern), found 3");
  CHECK(parse_error("x\tTIME\t{year}\t-\t-\t(?P<year>\\d{4})\n") ==
        "r.tsv:1: type must be DATE, DURATION, SET or macro");
  CHECK(parse_error("x\tDATE\t{year}\t-\t-\t{WEEKDAY}\n") ==
        "r.tsv:1: unknown word class or macro {WEEKDAY}");
  CHECK(parse_error("x\tDATE\t{year}\t-\tsometimes\t{MONTH}\n") == "r.tsv:1: guard must be - or number");
  CHECK(parse_error("x\tDATE\t{year}\t-\t-\t(unclosed\n").rfind("r.tsv:1: bad pattern: ", 0) == 0);
  CHECK(parse_error("", "month\tMay\n") == "w.tsv:1: expected 3 tab-separated fields (class, word, value)");
}

TEST_CASE("date_rules: templates read named groups and the reference date", "[date_rules]") {
  const DateRules rules = DateRules::parse(
      "mdy\tDATE\t{year}-{month}-{day}\t-\t-\t(?P<month>{MONTH}) (?P<day>\\d+), (?P<year>\\d{4})\n"
      "ago\tDATE\t{ry-num}\t-\t-\t(?P<num>{NUMBER}) years ago\n"
      "dur\tDURATION\t{duration}\t-\t-\t(?P<num>{NUMBER}) (?P<unit>{UNIT})\n"
      "mod\tDATE\t{year}\t{mod}\t-\t(?P<mod>{MOD}) (?P<year>\\d{4})\n",
      "r.tsv",
      "month\tMay\t05\nnumber\ttwo\t2\nnumber\tseveral\tX\nunit\tdecades\t10Y\nunit\tyears\tY\n"
      "mod\tearly\tSTART\n",
      "w.tsv");
  const ReferenceDate reference{2023, 9, 15};
  auto groups = [](std::initializer_list<std::string_view> list) { return std::vector<std::string_view>(list); };
  const DateValue full = rules.evaluate(rules.rules()[0], groups({"May 4, 2021", "May", "4", "2021"}), reference);
  CHECK(full.value == "2021-05-04");
  CHECK(full.mod.empty());
  CHECK_FALSE(full.needs_reference);
  const DateValue ago = rules.evaluate(rules.rules()[1], groups({"two years ago", "two"}), reference);
  CHECK(ago.value == "2021");
  CHECK(ago.needs_reference);
  const DateValue unanchored = rules.evaluate(rules.rules()[1], groups({"two years ago", "two"}), ReferenceDate{});
  CHECK(unanchored.value == "XXXX");
  CHECK_FALSE(unanchored.anchored);
  CHECK(rules.evaluate(rules.rules()[2], groups({"two decades", "two", "decades"}), reference).value == "P20Y");
  CHECK(rules.evaluate(rules.rules()[2], groups({"several decades", "several", "decades"}), reference).value ==
        "PXDE");
  CHECK(rules.evaluate(rules.rules()[2], groups({"two years", "two", "years"}), reference).value == "P2Y");
  const DateValue mod = rules.evaluate(rules.rules()[3], groups({"early 2023", "early", "2023"}), reference);
  CHECK(mod.value == "2023");
  CHECK(mod.mod == "START");
}
