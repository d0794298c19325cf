// SPDX-License-Identifier: MIT
// The red-line tagger against tests/data/redlines.tsv (one or two sentences and the claims
// expected in them a line) and against the shared corpus.
#include "annotate/redline_tagger.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "annotate/data_file.hpp"
#include "annotate/error.hpp"
#include "annotate/pipeline.hpp"
#include "annotate/reader.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::annotated;
using annotate::testing::read_file;
using annotate::testing::read_tsv_cases;
using annotate::testing::TsvCase;

namespace {


std::string ids(const Document& doc, const std::vector<std::size_t>& actors) {
  if (actors.empty()) return "-";
  std::vector<std::string> out;
  for (std::size_t a : actors) out.push_back(doc.actors[a].id);
  std::sort(out.begin(), out.end());
  std::string joined;
  for (const std::string& id : out) joined += (joined.empty() ? "" : " ") + id;
  return joined;
}

std::map<std::string, std::string> fields_of(const std::string& entry) {
  std::map<std::string, std::string> fields;
  std::istringstream parts(entry);
  for (std::string part; std::getline(parts, part, ';');) {
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos) continue;
    auto strip = [](std::string s) {
      s.erase(0, s.find_first_not_of(' '));
      s.erase(s.find_last_not_of(' ') + 1);
      return s;
    };
    fields[strip(part.substr(0, eq))] = strip(part.substr(eq + 1));
  }
  return fields;
}

std::string sorted_ids(const std::string& list) {
  std::istringstream in(list);
  std::vector<std::string> out;
  for (std::string id; in >> id;) out.push_back(id);
  std::sort(out.begin(), out.end());
  std::string joined;
  for (const std::string& id : out) joined += (joined.empty() ? "" : " ") + id;
  return joined.empty() ? "-" : joined;
}

}  // namespace

// Runs every case of a test file; returns how many agree exactly, and lists the others.
std::size_t run_cases(const std::string& file, std::size_t* total, bool require_all) {
  std::size_t exact = 0;
  for (const TsvCase& test : read_tsv_cases(file)) {
    const std::string& text = test.input;
    const std::string& expected = test.expected;
    const Document doc = annotated(text + "\n");
    std::vector<std::string> entries;
    if (expected != "-") {
      for (std::size_t start = 0;;) {
        const std::size_t bar = expected.find(" || ", start);
        entries.push_back(expected.substr(start, bar - start));
        if (bar == std::string::npos) break;
        start = bar + 4;
      }
    }
    std::vector<std::string> problems;
    if (doc.red_lines.size() != entries.size()) {
      problems.push_back(std::to_string(doc.red_lines.size()) + " claims, expected " + std::to_string(entries.size()));
    }
    for (std::size_t i = 0; i < std::min(entries.size(), doc.red_lines.size()); ++i) {
      const RedLine& claim = doc.red_lines[i];
      std::map<std::string, std::string> want = fields_of(entries[i]);
      auto differ = [&](const std::string& key, const std::string& got, const std::string& wanted) {
        if (got != wanted) problems.push_back(key + ": " + got + " instead of " + wanted);
      };
      differ("status", claim.status, want["status"]);
      differ("warners", ids(doc, claim.warners), sorted_ids(want["warners"]));
      differ("targets", ids(doc, claim.targets), sorted_ids(want["targets"]));
      differ("modality", claim.modality, want["modality"]);
      differ("cameo", claim.cameo, want["cameo"]);
      for (const auto& [key, span] : {std::pair<std::string, const std::optional<Span>*>{"trigger", &claim.trigger},
                                      {"consequence", &claim.consequence}}) {
        const std::string& core = want[key];
        // "trigger==text": exactly that text; "trigger==-": none. Otherwise a phrase the
        // span must contain, '-' for any.
        if (!core.empty() && core[0] == '=') {
          const std::string wanted_text = core.substr(1);
          const std::string got = span->has_value() ? std::string(doc.view(**span)) : std::string("-");
          if (got != wanted_text) problems.push_back(key + ": '" + got + "' instead of '" + wanted_text + "'");
          continue;
        }
        if (core == "-" || core.empty()) continue;
        if (!span->has_value() || doc.view(**span).find(core) == std::string_view::npos) {
          problems.push_back(key + " lacks '" + core + "'");
        }
      }
    }
    ++*total;
    if (problems.empty()) {
      ++exact;
      continue;
    }
    std::string report = text;
    for (const std::string& p : problems) report += "\n    " + p;
    if (require_all) {
      FAIL_CHECK(report);
    } else {
      WARN(report);
    }
  }
  return exact;
}

TEST_CASE("redline_tagger: the project's own cases all pass", "[redline_tagger]") {
  std::size_t total = 0;
  const std::size_t exact = run_cases("tests/data/redlines-core.tsv", &total, true);
  CHECK(total >= 60);
  CHECK(exact == total);
}

TEST_CASE("redline_tagger: the independent challenge set, at least its current score", "[redline_tagger]") {
  // tests/data/redlines.tsv was written independently of the tagger and is stricter than it
  // yet: the cases that still disagree are listed as warnings. The floor is the score the
  // tagger reaches now, so that any regression fails.
  std::size_t total = 0;
  const std::size_t exact = run_cases("tests/data/redlines.tsv", &total, false);
  CHECK(total >= 120);
  CHECK(exact >= 120);
}

TEST_CASE("redline_tagger: spans, cues, rule and date", "[redline_tagger]") {
  const Document doc = annotated(
      "In March 2023, Chinese officials warned Seoul of negative consequences from tilting to Washington.\n");
  REQUIRE(doc.red_lines.size() == 1);
  const RedLine& claim = doc.red_lines[0];
  CHECK(claim.status == "warned");
  CHECK(doc.view(*claim.trigger) == "tilting to Washington");
  CHECK(doc.view(*claim.consequence) == "negative consequences");
  REQUIRE(claim.cues.size() == 1);
  CHECK(doc.view(claim.cues[0]) == "warned");
  CHECK(claim.cue_rules[0] == "warn.verb");
  CHECK(claim.rule_id == "redline.warn");
  REQUIRE(claim.date);
  CHECK(doc.dates[*claim.date].value == "2023-03");
}

TEST_CASE("redline_tagger: callouts, nested cues and quotes stay out of the claim's spans", "[redline_tagger]") {
  // A footnote callout glued to a trigger or consequence is the sentence's, not the claim's;
  // "crossing a line" is one cue; a quote mark is part of a cue only with its pair.
  const Document doc = annotated(
      "Beijing warned Seoul of serious consequences from strengthening its alignment with Washington.2\n\n"
      "Moscow warned of the serious consequences bound to follow.*\n\n"
      "Seoul is crossing a line, Chinese say.\n\n"
      "Seoul does the minimum, not crossing \u201cred lines.\u201d\n\n"
      "Seoul crossed \u201cred lines\u201d in August.\n\n"
      "1. A note.\n");
  REQUIRE(doc.red_lines.size() == 5);
  const auto text_of = [&](const std::optional<Span>& span) { return span ? std::string(doc.view(*span)) : "-"; };
  const auto cues_of = [&](const RedLine& claim) {
    std::string out;
    for (const Span& cue : claim.cues) out += (out.empty() ? "" : " | ") + std::string(doc.view(cue));
    return out;
  };
  CHECK(text_of(doc.red_lines[0].trigger) == "strengthening its alignment with Washington");
  CHECK(text_of(doc.red_lines[0].consequence) == "serious consequences");
  CHECK(text_of(doc.red_lines[1].consequence) == "the serious consequences bound to follow");
  CHECK(cues_of(doc.red_lines[2]) == "crossing a line");
  CHECK(doc.red_lines[2].cue_rules == std::vector<std::string>{"line.a_line"});
  CHECK(cues_of(doc.red_lines[3]) == "not crossing | red lines");
  CHECK(cues_of(doc.red_lines[4]) == "crossed | \u201cred lines\u201d");
}

TEST_CASE("redline_tagger: a malformed cue file fails with file:line", "[redline_tagger]") {
  CHECK_THROWS_WITH(RedlineTagger::parse("warn\tw\n", "c.tsv"), "c.tsv:1: expected 3 tab-separated fields (kind, id, pattern)");
  CHECK_THROWS_WITH(RedlineTagger::parse("boast\tb\tx\n", "c.tsv"), "c.tsv:1: unknown kind 'boast'");
}

TEST_CASE("redline_tagger: the shared corpus", "[redline_tagger][corpus]") {
  const auto path = annotate::testing::shared_corpus_file();
  if (!path) return;
  const Document doc = annotated(read_file(*path));
  auto find = [&](std::string_view needle) -> const RedLine* {
    for (const RedLine& claim : doc.red_lines) {
      if (doc.view(doc.sentences[claim.sentence].span).find(needle) != std::string_view::npos) return &claim;
    }
    return nullptr;
  };
  struct Expected {
    const char* sentence;
    const char* status;
    const char* warners;
    const char* targets;
  };
  for (const Expected& e : std::initializer_list<Expected>{
           {"Chinese have warned Seoul repeatedly", "warned", "CHN", "KOR"},
           {"threats against its two allies", "warned", "CHN RUS", "JPN KOR"},
           {"crossed far more red lines", "crossed", "-", "-"},
           {"have been warning Seoul and Tokyo of dire consequences", "conditional", "CHN RUS", "JPN KOR"},
           {"stay short of the line of probable retaliation", "not_crossed", "CHN RUS", "KOR"},
           {"has crossed the threshold", "crossed", "CHN RUS", "-"},
           {"threats to nationalize South Korean assets", "warned", "RUS", "KOR"},
           {"Seoul is crossing a line", "crossed", "-", "KOR"},
           {"Putin warned Seoul against supplying weapons", "warned", "vladimir-putin", "KOR"},
           {"If Seoul initiates the split by crossing", "conditional", "-", "KOR"},
           {"If the ROK irreversibly worsens relation", "conditional", "RUS", "KOR"},
           {"no \xE2\x80\x9Cred line\xE2\x80\x9D has been crossed", "not_crossed", "RUS", "-"}}) {
    INFO(e.sentence);
    const RedLine* claim = find(e.sentence);
    REQUIRE(claim != nullptr);
    CHECK(claim->status == e.status);
    CHECK(ids(doc, claim->warners) == e.warners);
    CHECK(ids(doc, claim->targets) == e.targets);
  }
  for (const char* not_claim : {"Given the growing threat from North Korea", "the North Korean threat",
                                "early warning system", "makes it more threatening"}) {
    INFO(not_claim);
    CHECK(find(not_claim) == nullptr);
  }
}

// A held-out set: written by someone who saw neither the tagger's code nor the other sets,
// its score is how the tagger does on text it was not built against. The floor is the score
// when the set was written; later fixes its misses suggested make the score since no
// longer one of unseen text.
void check_held_out(const std::string& file, std::size_t cases, std::size_t first_score) {
  std::size_t total = 0;
  const std::size_t exact = run_cases(file, &total, false);
  WARN(file << ": " << exact << " of " << total << " exact");
  CHECK(total >= cases);
  CHECK(exact >= first_score);
}

TEST_CASE("redline_tagger: the held-out sets, at least their scores when they were written", "[redline_tagger]") {
  // Written after the tagger had been fitted to the two sets above.
  check_held_out("tests/data/redlines-heldout.tsv", 59, 36);
  // After the fixes the first one's misses suggested.
  check_held_out("tests/data/redlines-heldout2.tsv", 57, 29);
  // After the second one's, in the style of long-form commentary.
  check_held_out("tests/data/redlines-heldout3.tsv", 53, 22);
}

TEST_CASE("redline_tagger: a cue of the data's own that needs a threat counts only with one", "[redline_tagger]") {
  // A weak verb added to the shipped cues: with `threat`, "hinted that" is a warning only
  // when what would follow is a measure against someone.
  const std::string shipped(embedded_data_file(RedlineCues::kFile));
  for (const char* needs : {"threat", "-"}) {
    const RedlineTagger tagger =
        RedlineTagger::parse(shipped + "warn\twarn.hinted\t\\bhinted\\s+that\\b\t" + needs + "\n", "cues.tsv");
    Document threat = annotated("Beijing hinted that it would impose sanctions on Seoul.\n");
    Document mild = annotated("Beijing hinted that it would deepen cooperation with Seoul.\n");
    threat.red_lines.clear();
    mild.red_lines.clear();
    tagger.tag(threat);
    tagger.tag(mild);
    INFO("needs " << needs);
    REQUIRE(threat.red_lines.size() == 1);
    CHECK(threat.red_lines[0].cue_rules == std::vector<std::string>{"warn.hinted"});
    CHECK(threat.red_lines[0].consequence);
    CHECK(threat.red_lines[0].cameo == "1312");
    CHECK(mild.red_lines.size() == (std::string(needs) == "threat" ? 0u : 1u));
  }
}
