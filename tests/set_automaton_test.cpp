// SPDX-License-Identifier: MIT
// SetAutomaton must answer exactly as RE2::Set does: checked on hand-picked cases with
// their expected answers, on random texts over the characters where RE2's rules are
// subtle (\b, case folding, UTF-8), and with every pattern set the stages build, on every
// sentence and line of the project's texts and the shared commentary.
#include "annotate/set_automaton.hpp"

#include <re2/set.h>

#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <random>

#include "annotate/actor_tagger.hpp"
#include "annotate/date_tagger.hpp"
#include "annotate/pattern_set.hpp"
#include "annotate/redline_cues.hpp"
#include "test_support.hpp"

namespace annotate {
namespace {

std::vector<int> re2_set_hits(const std::vector<std::string>& patterns, RE2::Anchor anchor, RE2::Options options,
                              std::string_view text) {
  options.set_log_errors(false);
  RE2::Set set(options, anchor);
  for (const std::string& pattern : patterns) REQUIRE(set.Add(pattern, nullptr) >= 0);
  REQUIRE(set.Compile());
  std::vector<int> hits;
  set.Match(re2::StringPiece(text.data(), text.size()), &hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

// The automaton's answer, once checked against RE2::Set's.
std::vector<int> automaton_hits(const std::vector<std::string>& patterns, RE2::Anchor anchor,
                                const RE2::Options& options, std::string_view text) {
  const auto automaton = SetAutomaton::compile(patterns, anchor, options);
  REQUIRE(automaton.has_value());
  std::vector<int> hits{99};  // cleared by match()
  REQUIRE(automaton->match(text, &hits));
  REQUIRE(hits == re2_set_hits(patterns, anchor, options, text));
  return hits;
}

// The automaton's and RE2's answers for every text, one set each, compared text by text.
void require_same_answers(const std::vector<std::string>& patterns, RE2::Anchor anchor, RE2::Options options,
                          const std::vector<std::string>& texts) {
  options.set_log_errors(false);
  const auto automaton = SetAutomaton::compile(patterns, anchor, options);
  REQUIRE(automaton.has_value());
  RE2::Set set(options, anchor);
  for (const std::string& pattern : patterns) REQUIRE(set.Add(pattern, nullptr) >= 0);
  REQUIRE(set.Compile());
  // Where each pattern's last match ends: the longest match from each start that has one.
  RE2::Options longest = options;
  longest.set_longest_match(true);
  std::vector<std::unique_ptr<RE2>> alone;
  for (const std::string& pattern : patterns) alone.push_back(std::make_unique<RE2>(pattern, longest));
  const bool exact = automaton->confirmed_by_re2() == 0;
  std::vector<int> expected;
  std::vector<int> found;
  std::vector<std::size_t> ends;
  // Each text's answer and search ends, for the texts matched in pairs below.
  std::vector<std::vector<int>> answers;
  std::vector<std::vector<std::size_t>> answer_ends;
  for (const std::string& text : texts) {
    expected.clear();
    set.Match(re2::StringPiece(text.data(), text.size()), &expected);
    std::sort(expected.begin(), expected.end());
    REQUIRE(automaton->match(text, &found, &ends));
    INFO("text: " << text);
    if (found != expected) REQUIRE(found == expected);
    answers.push_back(found);
    answer_ends.emplace_back();
    for (const int p : found) answer_ends.back().push_back(ends[static_cast<std::size_t>(p)]);
    if (anchor != RE2::UNANCHORED) continue;
    for (const int p : found) {
      std::size_t last_end = 0;
      re2::StringPiece match;
      for (std::size_t start = 0; start <= text.size(); ++start) {
        if (alone[static_cast<std::size_t>(p)]->Match(re2::StringPiece(text.data(), text.size()), start, text.size(),
                                                      RE2::ANCHOR_START, &match, 1)) {
          last_end = std::max(last_end, static_cast<std::size_t>(match.data() - text.data()) + match.size());
        }
      }
      INFO("pattern " << patterns[static_cast<std::size_t>(p)]);
      // No match ends past it, nor does a search from it find one; exact patterns get the
      // last match's end, or one more where the pattern may match the empty string.
      const std::size_t search_end = ends[static_cast<std::size_t>(p)];
      REQUIRE(search_end >= last_end);
      if (exact) REQUIRE(search_end <= last_end + 1);
      if (search_end <= text.size()) {
        REQUIRE_FALSE(alone[static_cast<std::size_t>(p)]->Match(re2::StringPiece(text.data(), text.size()), search_end,
                                                                text.size(), RE2::UNANCHORED, nullptr, 0));
      }
    }
  }
  // Walked side by side, each text of a pair (neighbours: longer and shorter, equal, empty)
  // gets the answer and the search ends it gets alone.
  std::vector<int> second;
  std::vector<std::size_t> second_ends;
  const auto ends_of = [](const std::vector<int>& hits, const std::vector<std::size_t>& all) {
    std::vector<std::size_t> out;
    for (const int p : hits) out.push_back(all[static_cast<std::size_t>(p)]);
    return out;
  };
  for (std::size_t k = 0; k + 1 < texts.size(); ++k) {
    INFO("pair: " << texts[k] << " | " << texts[k + 1]);
    REQUIRE(automaton->match_pair(texts[k], &found, &ends, texts[k + 1], &second, &second_ends));
    if (found != answers[k] || second != answers[k + 1]) {
      REQUIRE(found == answers[k]);
      REQUIRE(second == answers[k + 1]);
    }
    if (ends_of(found, ends) != answer_ends[k]) REQUIRE(ends_of(found, ends) == answer_ends[k]);
    if (ends_of(second, second_ends) != answer_ends[k + 1]) {
      REQUIRE(ends_of(second, second_ends) == answer_ends[k + 1]);
    }
  }
}

const RE2::Options kCaseSensitive;

RE2::Options ignoring_case() {
  RE2::Options options;
  options.set_case_sensitive(false);
  return options;
}

}  // namespace

TEST_CASE("set_automaton: which patterns occur, as RE2::Set says, on cases with known answers", "[set_automaton]") {
  const std::vector<std::string> words = {"\\bwarn(?:s|ed)?\\b", "\\b(?P<year>19[0-9]{2}|20[0-9]{2})\\b", "line",
                                          "^Now", "end\\.$"};
  CHECK(automaton_hits(words, RE2::UNANCHORED, kCaseSensitive, "They warned in 2023 of the line.") ==
        std::vector<int>{0, 1, 2});
  CHECK(automaton_hits(words, RE2::UNANCHORED, kCaseSensitive, "forewarned in 20234").empty());
  CHECK(automaton_hits(words, RE2::UNANCHORED, kCaseSensitive, "Now the end.") == std::vector<int>{3, 4});
  CHECK(automaton_hits(words, RE2::UNANCHORED, kCaseSensitive, "Not now; the end. ").empty());
  CHECK(automaton_hits(words, RE2::UNANCHORED, kCaseSensitive, "").empty());
  // Whole texts only.
  const std::vector<std::string> lines = {"Response\\s+(\\d{1,2})\\.\\s+(\\S.*)", "(?i)e-?mail(?: this)?", "x*"};
  CHECK(automaton_hits(lines, RE2::ANCHOR_BOTH, kCaseSensitive, "Response 3. Engage Seoul") == std::vector<int>{0});
  CHECK(automaton_hits(lines, RE2::ANCHOR_BOTH, kCaseSensitive, "EMAIL THIS") == std::vector<int>{1});
  CHECK(automaton_hits(lines, RE2::ANCHOR_BOTH, kCaseSensitive, "email this!").empty());
  CHECK(automaton_hits(lines, RE2::ANCHOR_BOTH, kCaseSensitive, "") == std::vector<int>{2});
  CHECK(automaton_hits(lines, RE2::ANCHOR_BOTH, kCaseSensitive, "Response 3.\nEngage") == std::vector<int>{0});
  CHECK(automaton_hits(lines, RE2::ANCHOR_BOTH, kCaseSensitive, "Response 3. Engage\nSeoul").empty());  // . is no \n
  // RE2 folds k to the Kelvin sign and s to the long s, in literals, classes and \w.
  const std::vector<std::string> folds = {"(?i)kiss", "(?i)[^k]", "(?i)\\W", "[^k]"};
  CHECK(automaton_hits(folds, RE2::UNANCHORED, kCaseSensitive, "\xE2\x84\xAAi\xC5\xBF\xC5\xBF") ==
        std::vector<int>{0, 1, 3});
  CHECK(automaton_hits(folds, RE2::UNANCHORED, kCaseSensitive, "K\xE2\x84\xAAk") == std::vector<int>{3});
  CHECK(automaton_hits({"k"}, RE2::UNANCHORED, ignoring_case(), "\xE2\x84\xAA") == std::vector<int>{0});
}

TEST_CASE("set_automaton: Unicode properties and non-ASCII letters under the i flag are confirmed by RE2",
          "[set_automaton]") {
  const std::vector<std::string> patterns = {"\\p{Lu}\\p{Ll}+", "(?i)\xC3\xA9t\xC3\xA9", "[^\\p{L}]x", "\\pN"};
  const auto automaton = SetAutomaton::compile(patterns, RE2::UNANCHORED, kCaseSensitive);
  REQUIRE(automaton.has_value());
  CHECK(automaton->confirmed_by_re2() == 4);
  CHECK(automaton_hits(patterns, RE2::UNANCHORED, kCaseSensitive, "\xC3\x89t\xC3\x89") == std::vector<int>{0, 1});
  CHECK(automaton_hits(patterns, RE2::UNANCHORED, kCaseSensitive, "ete \xC3\xA9x").empty());
  CHECK(automaton_hits(patterns, RE2::UNANCHORED, kCaseSensitive, "\xE2\x80\x99x 7") == std::vector<int>{2, 3});
  // Caseless punctuation under the i flag stays exact.
  const auto quotes = SetAutomaton::compile({"[\xE2\x80\x9C\"]red\xE2\x80\x9D"}, RE2::UNANCHORED, ignoring_case());
  REQUIRE(quotes.has_value());
  CHECK(quotes->confirmed_by_re2() == 0);
}

TEST_CASE("set_automaton: [Kk] and [Ss] gathered into an alternation's class take RE2's whole fold",
          "[set_automaton]") {
  // RE2 reads "[kK]" as k under its case flag: alone it matches k and K only, but gathered
  // with other one-character branches into one class it gains the Kelvin sign (and [sS]
  // the long s). The automaton reads such a branch wide and narrow, and RE2 confirms.
  const std::string kelvin = "\xE2\x84\xAA";
  const std::string long_s = "\xC5\xBF";
  const std::vector<std::string> patterns = {"(?:[a-c]|[kK])", "(?:x|[kK])b", "[kK]", "[kK]b", "(?:[Ss]|x)y",
                                             "(?:[Ss]ee|x)", "(?:[Aa]|x)"};
  for (const std::string& text :
       std::vector<std::string>{kelvin, kelvin + "b", "k", "Kb", long_s + "y", "Sy", "Xy", long_s + "ee", "A"}) {
    INFO(text);
    automaton_hits(patterns, RE2::UNANCHORED, kCaseSensitive, text);
  }
  CHECK(automaton_hits(patterns, RE2::UNANCHORED, kCaseSensitive, kelvin + "b") == std::vector<int>{0, 1});
  CHECK(automaton_hits(patterns, RE2::UNANCHORED, kCaseSensitive, long_s + "y") == std::vector<int>{4});
  CHECK(SetAutomaton::compile({"(?:x|[kK])b"}, RE2::UNANCHORED, kCaseSensitive)->confirmed_by_re2() == 1);
  // A pair inside a longer branch keeps ASCII: no confirmation needed.
  CHECK(SetAutomaton::compile({"(?:[Ss]ee|x)", "[kK]b"}, RE2::UNANCHORED, kCaseSensitive)->confirmed_by_re2() == 0);
}

TEST_CASE("set_automaton: syntax it does not read leaves the set to RE2", "[set_automaton]") {
  for (const std::string pattern : {"(?s).", "(?m)^a", "\\Qa.b\\E", "[[:alpha:]]", "\\C", "(?U)a+"}) {
    INFO(pattern);
    CHECK_FALSE(SetAutomaton::compile({"a", pattern}, RE2::UNANCHORED, kCaseSensitive).has_value());
  }
  RE2::Options longest;
  longest.set_never_nl(true);
  CHECK_FALSE(SetAutomaton::compile({"a"}, RE2::UNANCHORED, longest).has_value());
  CHECK_FALSE(SetAutomaton::compile({"a"}, RE2::ANCHOR_START, kCaseSensitive).has_value());
  // PatternSet answers all the same, from RE2::Set.
  const PatternSet set({"a", "(?s)b.c"}, {"a", "b"}, RE2::UNANCHORED, RE2::Options(), "test");
  CHECK_FALSE(set.automated());
  CHECK(set.match("ab\nc") == std::vector<int>{0, 1});
  const PatternSet automated({"a", "b.c"}, {"a", "b"}, RE2::UNANCHORED, RE2::Options(), "test");
  CHECK(automated.automated());
  CHECK(automated.match("ab\nc") == std::vector<int>{0});
}

TEST_CASE("set_automaton: the same answers as RE2::Set on random texts", "[set_automaton]") {
  // Each pattern exercises a piece of the syntax; the texts are made of the characters
  // on which RE2's rules are subtle.
  const std::vector<std::string> patterns = {
      "\\bab\\b",       "\\Bb",           "a\\B",         "^a",
      "b$",             "\\Aab\\z",       "(?i)K",        "(?i)[s-t]+",
      "(?i:ab)C",       "(?i)a(?-i)B",    "[^a-c ]",      "(?i)[^k\\s]",
      "\\w\\W\\w",      "(?i)\\w+\\b",    "\\S\\s\\S",    "\\d{2,3}",
      "a{2}",           "(?:ab|ba){1,2}c", "x*",          "a.b",
      "[\\x{2019}']s",  "\xE2\x80\x99",   "[\xC3\xA9-\xC3\xAB]", "(?:a|)b?",
      "_\\b",           "[-a]",           "a{0}b",        "(?i)\xC5\xBF",
      "[^\\x00-\\x{10FFFF}]",
      // Classes RE2 confirms, read wide and narrow.
      "\\p{Lu}\\p{Ll}",  "(?i)\\p{Lu}b",  "[^\\p{L}]",     "\\P{Ll}k",
      "(?i)[^\xC3\xA9]",  "\\p{Greek}|a\\pLs", "(?i)[a\xC3\x89]+_", "[\\p{Lu}\\d]{2}"};
  const std::vector<std::string> pieces = {"a",    "b",    "c",    "A",     "B",     "k",  "K",    "s", "S", "_",
                                           " ",    "\n",   "1",    "2",     "-",     "'",  "x",    "t",
                                           "\xE2\x84\xAA" /* Kelvin */,     "\xC5\xBF" /* long s */,
                                           "\xE2\x80\x99" /* ’ */,          "\xC3\xA9" /* é */,
                                           "\xC3\x89" /* É */,              "\xF0\x9F\x98\x80" /* emoji */};
  std::mt19937 random(20261203);
  std::vector<std::string> texts = {""};
  for (int t = 0; t < 3000; ++t) {
    std::string text;
    const auto length = std::uniform_int_distribution<int>(0, 9)(random);
    for (int k = 0; k < length; ++k) text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    texts.push_back(text);
  }
  require_same_answers(patterns, RE2::UNANCHORED, kCaseSensitive, texts);
  require_same_answers(patterns, RE2::ANCHOR_BOTH, kCaseSensitive, texts);
  // Without the patterns RE2 confirms, the ends of the last matches are exact too.
  std::vector<std::string> exact;
  for (const std::string& pattern : patterns) {
    if (SetAutomaton::compile({pattern}, RE2::UNANCHORED, kCaseSensitive)->confirmed_by_re2() == 0) exact.push_back(pattern);
  }
  REQUIRE(exact.size() + 9 == patterns.size());
  require_same_answers(exact, RE2::UNANCHORED, kCaseSensitive, texts);
  require_same_answers(patterns, RE2::UNANCHORED, ignoring_case(), texts);
  require_same_answers(patterns, RE2::ANCHOR_BOTH, ignoring_case(), texts);
}

TEST_CASE("set_automaton: the same answers as RE2::Set for random patterns", "[set_automaton]") {
  // Patterns put together at random from pieces of the syntax (groups, case flags,
  // repetition, assertions, Perl classes, properties, non-ASCII literals), each set tried
  // on random texts; patterns RE2 rejects are left out.
  const std::vector<std::string> atoms = {
      "a", "b", "k", "s", "K", "_", " ", "1", "-", "\\.", ".", "\\w", "\\W", "\\s", "\\S", "\\d", "\\b", "\\B", "^",
      "$", "[a-c]", "[^a-c]", "[^\\s]", "[kK]", "[^k]", "\\p{Lu}", "\\p{Ll}", "\\P{L}", "[^\\p{Lu}]", "\xC3\xA9",
      "\xE2\x80\x99", "\xC5\xBF", "\\x{212A}", "(?i:s)", "(?i:\xC3\xA9)", "(?i)[^s]", "[]a]"};
  const std::vector<std::string> pieces = {"a", "b", "k", "K", "s", "S", "_", " ", "\n", "1", "-", ".", "x",
                                           "\xC3\xA9", "\xC3\x89", "\xE2\x80\x99", "\xC5\xBF", "\xE2\x84\xAA"};
  std::mt19937 random(20261204);
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  std::function<std::string(int)> pattern = [&](int depth) {
    std::string out;
    for (std::size_t n = 1 + pick(4); n > 0; --n) {
      const std::size_t kind = pick(10);
      std::string atom = depth < 3 && kind == 0   ? "(?:" + pattern(depth + 1) + "|" + pattern(depth + 1) + ")"
                         : depth < 3 && kind == 1 ? "(?i:" + pattern(depth + 1) + ")"
                                                  : atoms[pick(atoms.size())];
      const char* repeats[] = {"*", "+", "?", "{1,3}", "*?"};
      if (atom != "^" && atom != "$" && atom != "\\b" && atom != "\\B" && pick(2) == 0) atom += repeats[pick(5)];
      out += atom;
    }
    return out;
  };
  std::size_t sets = 0;
  for (int round = 0; round < 150; ++round) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(pick(2) == 0);
    const RE2::Anchor anchor = pick(2) == 0 ? RE2::UNANCHORED : RE2::ANCHOR_BOTH;
    std::vector<std::string> patterns;
    for (std::size_t n = 1 + pick(5); n > 0; --n) {
      const std::string candidate = pattern(0);
      if (RE2(candidate, options).ok()) patterns.push_back(candidate);
    }
    if (patterns.empty()) continue;
    std::vector<std::string> texts;
    for (int t = 0; t < 60; ++t) {
      std::string text;
      for (std::size_t n = pick(12); n > 0; --n) text += pieces[pick(pieces.size())];
      texts.push_back(text);
    }
    INFO("patterns: " << patterns.size() << ", the first " << patterns[0]);
    require_same_answers(patterns, anchor, options, texts);
    ++sets;
  }
  CHECK(sets > 100);
}

TEST_CASE("set_automaton: a text that needs more states than the cache holds", "[set_automaton]") {
  // After each "a", the next sixteen bytes decide: the DFA has a state for every string of
  // sixteen a/b bytes, 65,536 in all, more than a cache holds.
  const std::vector<std::string> patterns = {"a(?:a|b){16}c", "d"};
  const auto automaton = SetAutomaton::compile(patterns, RE2::UNANCHORED, kCaseSensitive);
  REQUIRE(automaton.has_value());
  std::mt19937 random(7);
  std::string text;
  // Texts that grow until the cache has been emptied: the answers stay exact (and no
  // call gives up: none empties it twice).
  std::vector<int> hits;
  while (automaton->cache_resets() == 0) {
    for (int k = 0; k < 2000; ++k) text += std::bernoulli_distribution(0.5)(random) ? 'a' : 'b';
    REQUIRE(automaton->match(text + "abbbbbbbbbbbbbbbbcd", &hits));
    CHECK(hits == std::vector<int>{0, 1});
    REQUIRE(automaton->match(text + "bbbbbbbbbbbbbbbbbc", &hits));  // the "a" is one byte too far back
    CHECK(hits.empty());
  }
  CHECK(text.size() > 4000);
  // A text that would empty it again and again: the automaton gives up, and PatternSet
  // asks RE2::Set instead.
  for (int k = 0; k < 400000; ++k) text += std::bernoulli_distribution(0.5)(random) ? 'a' : 'b';
  CHECK_FALSE(automaton->match(text, &hits));
  const PatternSet set(patterns, {"a", "d"}, RE2::UNANCHORED, RE2::Options(), "test");
  REQUIRE(set.automated());
  CHECK(set.match(text).empty());
  CHECK(set.match(text + "abbbbbbbbbbbbbbbbc") == std::vector<int>{0});
  CHECK(set.match("abbbbbbbbbbbbbbbbc") == std::vector<int>{0});
  // Two texts side by side: where the cache is emptied during the pair, the automaton
  // gives up on both, and PatternSet matches them alone (the long one with RE2::Set).
  std::vector<int> other;
  std::vector<std::size_t> ends;
  std::vector<std::size_t> other_ends;
  CHECK_FALSE(automaton->match_pair(text, &hits, &ends, "xdx", &other, &other_ends));
  set.match_pair(text + "abbbbbbbbbbbbbbbbc", &hits, &ends, "xdx", &other, &other_ends);
  CHECK(hits == std::vector<int>{0});
  CHECK(other == std::vector<int>{1});
  CHECK(other_ends[1] == 2);
  set.match_pair("xdx", &hits, &ends, text, &other, &other_ends);
  CHECK(hits == std::vector<int>{1});
  CHECK(other.empty());
}

TEST_CASE("set_automaton: the stages' pattern sets answer as RE2::Set on every sentence and line",
          "[set_automaton]") {
  std::vector<std::string> files = testing::files_in(testing::source_path("tests/data/variants"), ".txt");
  files.push_back(testing::source_path("data/samples/sample-commentary.txt"));
  if (const auto shared = testing::shared_corpus_file()) files.push_back(*shared);
  std::vector<std::string> sentences;
  std::vector<std::string> lines;
  for (const std::string& path : files) {
    const std::string text = testing::read_file(path);
    const Document doc = testing::annotated(text);
    for (const Sentence& sentence : doc.sentences) sentences.emplace_back(sentence.span.of(doc.text));
    for (std::size_t begin = 0; begin < text.size();) {
      const std::size_t end = std::min(text.find('\n', begin), text.size());
      lines.push_back(text.substr(begin, end - begin));
      begin = end + 1;
    }
  }
  for (const char* tsv : {"tests/data/dates.tsv", "tests/data/redlines.tsv", "tests/data/redlines-heldout.tsv"}) {
    for (const testing::TsvCase& c : testing::read_tsv_cases(tsv)) sentences.push_back(c.input);
  }
  REQUIRE(sentences.size() > 300);

  const DateTagger dates(DateRules::load(std::nullopt));
  const ActorCues actor_cues = ActorCues::load(std::nullopt);
  const RedlineCues redline_cues = RedlineCues::load(std::nullopt);
  // The shared screen, as SentenceCueSet builds it.
  std::vector<std::string> screen = dates.screen_patterns();
  screen.push_back(actor_cues.person_filter.pattern()->pattern());
  for (const std::string& anchor : redline_cues.anchor_patterns()) screen.push_back(anchor);
  require_same_answers(screen, RE2::UNANCHORED, kCaseSensitive, sentences);
  // The red-line cue set (case-insensitive, with Unicode properties RE2 confirms).
  std::vector<std::string> cues;
  for (std::size_t c = 0; c < redline_cues.size(); ++c) cues.push_back(redline_cues[c].pattern->pattern());
  require_same_answers(cues, RE2::UNANCHORED, ignoring_case(), sentences);
  // The line rules, against whole lines.
  std::vector<std::string> line_rules;
  for (const LineRule& rule : testing::builtin_rules().line_rules()) line_rules.push_back(rule.pattern->pattern());
  require_same_answers(line_rules, RE2::ANCHOR_BOTH, kCaseSensitive, lines);
  require_same_answers(line_rules, RE2::ANCHOR_BOTH, kCaseSensitive, sentences);
}

}  // namespace annotate
