// SPDX-License-Identifier: MIT
#include "annotate/sentence_splitter.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace annotate;

namespace {

std::vector<std::string> sentences_of(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& span :
       split_sentence_spans(text, Span{0, text.size()}, annotate::testing::builtin_rules())) {
    out.emplace_back(span.of(text));
  }
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("sentence_splitter: plain sentences", "[sentence_splitter]") {
  CHECK(sentences_of("Seoul hedged. Beijing warned it! Was this a turning point? Yes.") ==
        Sentences{"Seoul hedged.", "Beijing warned it!", "Was this a turning point?", "Yes."});
  CHECK(sentences_of("No final punctuation") == Sentences{"No final punctuation"});
}

TEST_CASE("sentence_splitter: abbreviations do not end sentences", "[sentence_splitter]") {
  CHECK(sentences_of("The U.S. President spoke. James D.J. Brown agreed.") ==
        Sentences{"The U.S. President spoke.", "James D.J. Brown agreed."});
  CHECK(sentences_of("See No. 2 of the journal. Then vs. Then.") ==
        Sentences{"See No. 2 of the journal.", "Then vs. Then."});
  CHECK(sentences_of("They react, e.g. a nuclear test. It follows.") ==
        Sentences{"They react, e.g. a nuclear test.", "It follows."});
  CHECK(sentences_of("John S. Van Oudenaren wrote it.") ==
        Sentences{"John S. Van Oudenaren wrote it."});
}

TEST_CASE("sentence_splitter: a glued callout stays with its sentence", "[sentence_splitter]") {
  CHECK(sentences_of("The first summit.1 He pronounced it a deal.") ==
        Sentences{"The first summit.1", "He pronounced it a deal."});
  CHECK(sentences_of("It would \xE2\x80\x9C" "destabilise the region.\xE2\x80\x9D" "3 Xi agreed.") ==
        Sentences{"It would \xE2\x80\x9C" "destabilise the region.\xE2\x80\x9D" "3", "Xi agreed."});
  CHECK(sentences_of("Bound to follow.* Chinese warnings grew.") ==
        Sentences{"Bound to follow.*", "Chinese warnings grew."});
  CHECK(sentences_of("It ends here.\xC2\xB9 Next one.[2] Last.") ==
        Sentences{"It ends here.\xC2\xB9", "Next one.[2]", "Last."});
}

TEST_CASE("sentence_splitter: quotes, parentheses and lowercase continuations",
          "[sentence_splitter]") {
  CHECK(sentences_of("He said \xE2\x80\x9Cwhy?\xE2\x80\x9D and left. (See The Asan Forum, July 2023). "
                     "Reviewing it helps.") ==
        Sentences{"He said \xE2\x80\x9Cwhy?\xE2\x80\x9D and left.", "(See The Asan Forum, July 2023).",
                  "Reviewing it helps."});
  CHECK(sentences_of("Growth was 3.5 percent. It fell.") ==
        Sentences{"Growth was 3.5 percent.", "It fell."});
  CHECK(sentences_of("It ended in 2021. 2022 was worse.") ==
        Sentences{"It ended in 2021.", "2022 was worse."});
  CHECK(sentences_of("1. Keep the sea lanes open. Then talk.") ==
        Sentences{"1. Keep the sea lanes open.", "Then talk."});
}
