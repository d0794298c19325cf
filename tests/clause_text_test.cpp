// SPDX-License-Identifier: MIT
// The clause-level scanning helpers of the red-line tagger, on sentences written for them.
#include "annotate/clause_text.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace annotate;

TEST_CASE("clause_text: words between offsets, counted by spaces", "[clause_text]") {
  const std::string text = "Beijing  warned Seoul of   consequences.";
  CHECK(words_between(text, 0, text.size()) == 5);
  CHECK(words_between(text, 7, 16) == 1);  // "  warned "
  CHECK(words_between(text, 16, 16) == 0);
  CHECK(words_between(text, 20, 10) == 0);  // an empty or reversed range
}

TEST_CASE("clause_text: a clause ends at clause punctuation, an em dash or a period before a space", "[clause_text]") {
  const std::string text = "If Seoul joins, Moscow will act \xE2\x80\x94 swiftly; so it said (twice). U.S. Army";
  CHECK(clause_end(text, 0, text.size()) == text.find(','));
  CHECK(clause_end(text, text.find("Moscow"), text.size()) == text.find("\xE2\x80\x94"));
  CHECK(clause_end(text, text.find("swiftly"), text.size()) == text.find(';'));
  CHECK(clause_end(text, text.find("so it"), text.size()) == text.find('('));
  // "U.S." keeps its periods: only a period before a space or the end closes a clause.
  const std::size_t army = text.find("U.S.");
  CHECK(clause_end(text, army, text.size()) == army + 3);
  CHECK(clause_end(text, army, army + 2) == army + 1);  // a period right before `end` closes it
  CHECK(clause_end(text, army, army + 1) == army + 1);  // never past `end`
}

TEST_CASE("clause_text: clause ends found sixteen bytes at a time agree with a byte-by-byte reading", "[clause_text]") {
  // The scan looks at sixteen bytes at once: every start and end over texts whose marks
  // fall on each side of a block's edge, an em dash cut by `end` and a period at `end`.
  const auto one_by_one = [](const std::string& text, std::size_t from, std::size_t end) {
    for (std::size_t i = from; i < end; ++i) {
      const char c = text[i];
      if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return i;
      if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\x94") == 0) return i;
      if (c == '.' && (i + 1 == end || text[i + 1] == ' ')) return i;
    }
    return end;
  };
  const std::vector<std::string> texts = {
      "Seoul and Tokyo and Washington went on talking for a long while before the U.S. side said so.",
      "warned that a move\xE2\x80\x93" "any move\xE2\x80\x94would be answered in kind, and soon; then (not now)",
      "no stop at all in this clause though it is well over sixteen bytes long and then some more",
      "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s. end: \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94"};
  for (const std::string& text : texts) {
    for (std::size_t from = 0; from <= text.size(); ++from) {
      for (std::size_t end = from; end <= text.size(); ++end) {
        INFO(text << " from " << from << " end " << end);
        REQUIRE(clause_end(text, from, end) == one_by_one(text, from, end));
      }
    }
  }
}

TEST_CASE("clause_text: trimming drops spaces, final punctuation and a dangling word", "[clause_text]") {
  const std::string text = "  nationalize Japanese assets in. ";
  const Span trimmed = trim_span(text, Span{0, text.size()});
  CHECK(Span{trimmed}.of(text) == "nationalize Japanese assets");
  const std::string plain = "a firm response,";
  CHECK(trim_span(plain, Span{0, plain.size()}).of(plain) == "a firm response");
  CHECK(trim_span(plain, Span{3, 3}).empty());
}

TEST_CASE("clause_text: the earliest of several words, the first listed winning a tie", "[clause_text]") {
  const std::string text = "it may well sever ties, and it will";
  auto [at, length] = earliest_of(text, {" will ", " may well ", " may "}, 0, text.size());
  CHECK(at == text.find(" may well "));
  CHECK(length == std::string(" may well ").size());
  // Bounded by `stop`: " will" at the end has no space after it, and nothing else is found.
  auto [none, zero] = earliest_of(text, {" will ", " would "}, 0, text.size());
  CHECK(none == std::string::npos);
  CHECK(zero == 0);
  auto [later, later_length] = earliest_of(text, {" may "}, 5, text.size());
  CHECK(later == std::string::npos);
  CHECK(later_length == 0);
}

TEST_CASE("clause_text: the words before and at an offset", "[clause_text]") {
  const std::string text = "China would  cross, then act.";
  const std::size_t cross = text.find("cross");
  CHECK(word_before(text, cross, 0) == "would");
  CHECK(word_before(text, text.find("would"), 0) == "China");
  CHECK(word_before(text, 3, 0) == "Chi");
  CHECK(word_before(text, cross, cross).empty());  // `limit` is never passed
  CHECK(word_at(text, text.find("would") + 5, text.size()) == "cross");  // spaces skipped, comma ends it
  CHECK(word_at(text, text.find("act"), text.size()) == "act");
  CHECK(word_at(text, text.size(), text.size()).empty());
}

TEST_CASE("clause_text: an actor after a preposition", "[clause_text]") {
  const std::string text = "Economists in Seoul and officials from  Tokyo met Beijing.";
  CHECK(after_preposition(text, text.find("Seoul"), 0));
  CHECK(after_preposition(text, text.find("Tokyo"), 0));
  CHECK_FALSE(after_preposition(text, text.find("Beijing"), 0));
  CHECK_FALSE(after_preposition(text, 0, 0));
}

TEST_CASE("clause_text: a subject ends where its auxiliary or modal begins", "[clause_text]") {
  const std::string text = "The August 18 summit may be taken as the point";
  const std::size_t end = verb_group_start(text, Span{0, text.size()});
  CHECK(text.substr(0, end) == "The August 18 summit");
  const std::string drills = "the joint drills of Washington and Seoul had";
  CHECK(drills.substr(0, verb_group_start(drills, Span{0, drills.size()})) ==
        "the joint drills of Washington and Seoul");
  // The first word is never the verb ("Has Seoul ...", a question), and without a verb the
  // whole span is the subject.
  const std::string question = "Has Seoul";
  CHECK(verb_group_start(question, Span{0, question.size()}) == question.size());
  const std::string noun = "satellite launch";
  CHECK(verb_group_start(noun, Span{0, noun.size()}) == noun.size());
  // A hedge in the auxiliary's place ends the subject too.
  const std::string hedged = "Kyiv's use of Western missiles appears to have";
  CHECK(hedged.substr(0, verb_group_start(hedged, Span{0, hedged.size()})) == "Kyiv's use of Western missiles");
  const std::string adverb = "the drills probably crossed";
  CHECK(adverb.substr(0, verb_group_start(adverb, Span{0, adverb.size()})) == "the drills");
}

TEST_CASE("clause_text: a consequence ends where the first searches in turn would end it", "[clause_text]") {
  CHECK(consequence_end("cut off gas over unpaid bills, he said", 0, 38) == 11);
  CHECK(consequence_end("abandon the plan in 2019 during the dispute", 0, 43) == 16);
  CHECK(consequence_end("abandon it in Seoul", 0, 19) == 19);
  // " as " first in the list: " for as " ends at " as ", whose space " for " needs.
  CHECK(consequence_end("sanctions for as long as needed", 0, 31) == 13);
  // Against the searches one after another, on random texts of the words and their parts.
  const auto by_searches = [](std::string_view text, std::size_t start, std::size_t end) {
    std::size_t stop = clause_end(text, start, end);
    for (std::string_view marker : {" over ", " after ", " if ", " unless ", " should ", " as ", " because ",
                                    " in response to ", " for ", " from ", " during ", " since ", " until "}) {
      stop = std::min(stop, std::min(text.substr(0, stop).find(marker, start), stop));
    }
    for (std::size_t at = text.substr(0, stop).find(" in ", start); at != std::string_view::npos && at + 4 < stop;
         at = text.substr(0, stop).find(" in ", at + 1)) {
      if (text[at + 4] >= '0' && text[at + 4] <= '9') return at;
    }
    return stop;
  };
  const std::vector<std::string> words = {"over", "after", "if", "unless", "should", "as", "because", "in",
                                          "response", "to", "for", "from", "during", "since", "until", "2019",
                                          "9", "Seoul", ",", "x", "in response to"};
  std::mt19937 random(11);
  for (int t = 0; t < 20000; ++t) {
    std::string text;
    for (int n = std::uniform_int_distribution<int>(0, 12)(random); n > 0; --n) {
      text += std::bernoulli_distribution(0.85)(random) ? " " : "";
      text += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)];
    }
    const std::size_t start = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    const std::size_t end = std::uniform_int_distribution<std::size_t>(start, text.size())(random);
    INFO("\"" << text << "\" from " << start << " to " << end);
    REQUIRE(consequence_end(text, start, end) == by_searches(text, start, end));
  }
}
