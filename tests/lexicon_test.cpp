// SPDX-License-Identifier: MIT
#include "annotate/lexicon.hpp"

#include <cctype>
#include <catch2/catch.hpp>
#include <filesystem>

#include "annotate/error.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::scratch_dir;
using annotate::testing::write_file;

namespace {

const Lexicon& shipped() {
  static const Lexicon lexicon = Lexicon::load(std::nullopt);
  return lexicon;
}

// "surface=id/form" of the longest match at the start of `text`, or "-".
std::string match_at_start(const Lexicon& lexicon, std::string_view text) {
  const LexiconMatch match = lexicon.longest_match(text, 0, text.size());
  if (match.length == 0) return "-";
  const Form& form = lexicon.forms()[match.forms.front()];
  return std::string(text.substr(0, match.length)) + "=" + lexicon.entities()[form.entity].id + "/" + form.form;
}

}  // namespace

TEST_CASE("lexicon: every UN member and observer, Taiwan, Kosovo and former states", "[lexicon]") {
  const Lexicon& lexicon = shipped();
  std::size_t states = 0;
  for (const Entity& entity : lexicon.entities()) states += entity.type == ActorType::kState;
  CHECK(states >= 193 + 2 + 2 + 3);
  for (const char* id : {"USA", "CHN", "RUS", "KOR", "PRK", "JPN", "TWN", "XKX", "PSE", "VAT", "SUN", "UKR", "TCD"}) {
    INFO(id);
    CHECK(lexicon.entity_index(id));
  }
  CHECK(lexicon.forms().size() > 2000);
}

TEST_CASE("lexicon: longest match, word boundaries and prefixes", "[lexicon]") {
  const Lexicon& lexicon = shipped();
  CHECK(match_at_start(lexicon, "South Korean officials") == "South Korean=KOR/adjective");
  CHECK(match_at_start(lexicon, "South Korea’s choice") == "South Korea=KOR/name");
  CHECK(match_at_start(lexicon, "Seoul, too") == "Seoul=KOR/capital");
  CHECK(match_at_start(lexicon, "Seoulites") == "-");
  CHECK(match_at_start(lexicon, "Sino-Russian ties") == "Sino-=CHN/prefix");
  CHECK(match_at_start(lexicon, "Sino- ties") == "-");
  CHECK(match_at_start(lexicon, "South China Sea claims") == "South China Sea=south-china-sea/name");
  CHECK(match_at_start(lexicon, "us and them") == "-");
  CHECK(match_at_start(lexicon, "US-ROK drills") == "US=USA/abbreviation");
}

TEST_CASE("lexicon: roles by date", "[lexicon]") {
  const Lexicon& lexicon = shipped();
  const auto xi = lexicon.entity_index("xi-jinping");
  REQUIRE(xi);
  const Role* now = lexicon.role_on(*xi, "2023-08-18");
  REQUIRE(now != nullptr);
  CHECK(now->role == "head_of_state");
  CHECK(lexicon.role_on(*xi, "2005-01-01") == nullptr);
  CHECK(lexicon.role_on(*xi, "2013") != nullptr);
  const auto moon = lexicon.entity_index("moon-jae-in");
  REQUIRE(moon);
  CHECK(lexicon.role_on(*moon, "2019-06-01") != nullptr);
  CHECK(lexicon.role_on(*moon, "2023-08-18") == nullptr);
}

TEST_CASE("lexicon: --lexicon files add and override entries", "[lexicon]") {
  const std::string dir = scratch_dir("lexicon");
  write_file(dir + "/mine.tsv",
             "# my additions\n@entity\tkiep\torganization\tKorea Institute for Economic Policy\tKOR\n"
             "KIEP\tkiep\tabbreviation\tcs\nSeoul\tkiep\talias\tcs\n");
  const Lexicon lexicon = Lexicon::load(std::nullopt, {dir + "/mine.tsv"});
  CHECK(match_at_start(lexicon, "KIEP reports") == "KIEP=kiep/abbreviation");
  CHECK(match_at_start(lexicon, "Seoul reports") == "Seoul=kiep/alias");  // replaced, not added
  CHECK(lexicon.entities()[*lexicon.entity_index("kiep")].affiliation == "KOR");

  write_file(dir + "/bad.tsv", "Seoul\tKOR\n\nNowhere\tXXX\tname\tcs\n");
  try {
    Lexicon::load(std::nullopt, {dir + "/bad.tsv"});
    FAIL("a malformed lexicon must throw");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == dir + "/bad.tsv:1: expected a form: surface, id, form, case");
  }
  write_file(dir + "/bad.tsv", "Nowhere\tXXX\tname\tcs\n");
  CHECK_THROWS_WITH(Lexicon::load(std::nullopt, {dir + "/bad.tsv"}), dir + "/bad.tsv:1: unknown actor id 'XXX'");
  write_file(dir + "/bad.tsv", "Seoul\tKOR\tcity\tcs\n");
  CHECK_THROWS_WITH(Lexicon::load(std::nullopt, {dir + "/bad.tsv"}), dir + "/bad.tsv:1: unknown form 'city'");
  CHECK_THROWS_AS(Lexicon::load(std::nullopt, {dir + "/missing.tsv"}), Error);
  std::filesystem::remove_all(dir);
}

TEST_CASE("lexicon: the first-run screen lets every surface through", "[lexicon]") {
  const Lexicon& lexicon = shipped();
  auto may_start = [&](const std::string& text) {
    return lexicon.may_start(text, 0, Lexicon::first_run_end(text, 0, text.size()));
  };
  for (const Form& form : lexicon.forms()) {
    INFO(form.surface);
    // In running text, the surface followed by more words.
    CHECK(may_start(form.surface + " and more"));
    if (form.case_insensitive) {
      std::string upper = form.surface;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      CHECK(may_start(upper + ", then"));
    }
  }
  CHECK(Lexicon::first_run_end("Sino-Russian", 0, 12) == 4);
  CHECK(Lexicon::first_run_end("G\xC3\xBCl", 0, 4) == 1);
  CHECK(Lexicon::first_run_end(", and", 0, 5) == 0);
  CHECK_FALSE(may_start("and Seoul"));
  CHECK_FALSE(may_start("of them"));
  CHECK_FALSE(may_start("Seouls"));  // a longer word than any surface's first run
  CHECK(may_start("Seoul's"));
  CHECK(may_start("Sino-Japanese"));
  CHECK(lexicon.longest_match("and Seoul", 0, 9).length == 0);
}

TEST_CASE("lexicon: the two-byte screen lets every surface through and stops common words", "[lexicon]") {
  const Lexicon& lexicon = shipped();
  const auto& pairs = lexicon.start_pairs();
  auto has = [&](std::string_view text) {
    return Lexicon::has_pair(pairs, static_cast<unsigned char>(text[0]),
                             text.size() > 1 ? static_cast<unsigned char>(text[1]) : 0);
  };
  for (const Form& form : lexicon.forms()) {
    INFO(form.surface);
    CHECK(has(form.surface));
    if (form.case_insensitive) {
      std::string flipped = form.surface;
      for (char& c : flipped) c = std::isalpha(static_cast<unsigned char>(c)) ? static_cast<char>(c ^ 0x20) : c;
      CHECK(has(flipped));
    }
  }
  // "six-party talks" ignores case; "Seoul" does not.
  CHECK(has("Six-Party Talks"));
  CHECK(has("SIX"));
  CHECK_FALSE(has("SEOUL"));
  for (const char* word : {"and", "which", "were", "of", "x"}) {
    INFO(word);
    CHECK_FALSE(has(word));
  }
  // A one-byte surface passes whatever follows it, the end of the text (0) included.
  const std::string dir = annotate::testing::scratch_dir("lexicon_pairs");
  write_file(dir + "/one.tsv", "X\tKOR\talias\tcs\nqz\tKOR\talias\tci\n");
  const Lexicon mine = Lexicon::load(std::nullopt, {dir + "/one.tsv"});
  for (unsigned second = 0; second < 256; ++second) {
    CHECK(Lexicon::has_pair(mine.start_pairs(), 'X', static_cast<unsigned char>(second)));
  }
  CHECK(Lexicon::has_pair(mine.start_pairs(), 'Q', 'Z'));
  CHECK(Lexicon::has_pair(mine.start_pairs(), 'q', 'Z'));
  CHECK_FALSE(Lexicon::has_pair(mine.start_pairs(), 'x', ' '));
  std::filesystem::remove_all(dir);
}
