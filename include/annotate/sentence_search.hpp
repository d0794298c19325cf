// SPDX-License-Identifier: MIT
// Which sentences a pattern may occur in, from one search of the whole text. Stages that
// screen sentences with a filter pattern use it instead of a match call per sentence,
// whose set-up costs more than scanning a sentence does.
#ifndef ANNOTATE_SENTENCE_SEARCH_HPP_
#define ANNOTATE_SENTENCE_SEARCH_HPP_

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "annotate/document.hpp"

namespace annotate {

/// A pattern that screens sentences, with what can be known of it once: whether it may
/// assert the ends of its text. Copies share the pattern.
class SentenceScreen {
 public:
  /// Without a pattern, every sentence passes.
  SentenceScreen() = default;
  explicit SentenceScreen(std::shared_ptr<const re2::RE2> pattern);

  /// One flag per sentence of `doc`: true where a match of the pattern starts. The search
  /// resumes at the end of each sentence it lands in. A match that runs from one sentence
  /// into the next marks the first, so the flags are a superset of the sentences the
  /// pattern matches alone: callers still decide sentence by sentence. Every flag is true
  /// when there is no pattern or it may assert the ends of its text (may_anchor_to_ends).
  /// REQUIRES: doc.sentences are in text order and do not overlap.
  std::vector<bool> flags(const Document& doc) const;

  /// The pattern, or nullptr.
  const re2::RE2* pattern() const { return pattern_.get(); }

 private:
  std::shared_ptr<const re2::RE2> pattern_;
  bool screens_ = false;  ///< false when every sentence passes
};

/// True when `pattern` may assert the ends of the text it is matched against (^, $, \A,
/// \z outside a character class): matched against a whole document instead of one
/// sentence, such a pattern could miss, so it cannot screen sentences. Conservative: a
/// pattern it cannot read counts as anchored.
bool may_anchor_to_ends(std::string_view pattern);

}  // namespace annotate

#endif  // ANNOTATE_SENTENCE_SEARCH_HPP_
