// SPDX-License-Identifier: MIT
#include "annotate/lexicon.hpp"

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

TEST_CASE("lexicon: the two-byte screen lets every surface through", "[lexicon]") {
  const Lexicon& lexicon = shipped();
  for (const Form& form : lexicon.forms()) {
    INFO(form.surface);
    const char second = form.surface.size() > 1 ? form.surface[1] : 'x';
    CHECK(lexicon.may_start(form.surface[0], second));
    if (form.case_insensitive && form.surface[0] >= 'a' && form.surface[0] <= 'z') {
      CHECK(lexicon.may_start(static_cast<char>(form.surface[0] - 'a' + 'A'), second));
    }
  }
  CHECK_FALSE(lexicon.may_start('a', 'n'));  // "and", "any"
  CHECK_FALSE(lexicon.may_start('o', 'f'));  // "of"
  CHECK(lexicon.may_start('S', 'e'));        // "Seoul"
  CHECK(lexicon.longest_match("and Seoul", 0, 9).length == 0);
}
