// SPDX-License-Identifier: MIT
// The date stage: every temporal expression in every sentence (header, headings, body and
// notes), normalised after TIMEX3 and anchored to the document's reference date.
#ifndef ANNOTATE_DATE_TAGGER_HPP_
#define ANNOTATE_DATE_TAGGER_HPP_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/date_rules.hpp"
#include "annotate/document.hpp"
#include "annotate/pattern_set.hpp"
#include "annotate/sentence_search.hpp"

namespace annotate {

/// Parses "YYYY-MM-DD" (a real calendar date). Throws annotate::Error otherwise.
ReferenceDate parse_reference_date(std::string_view text);

class DateTagger {
 public:
  /// Compiles a prefilter over all rules once; the tagger is immutable afterwards and may
  /// be shared by threads.
  explicit DateTagger(DateRules rules);

  /// Sets doc.reference_date (from `option`, else the latest full date in the notes, else
  /// the latest year in the text) and appends doc.dates in text order. An expression that
  /// needs a reference the document lacks gets X placeholders ("XXXX-03") and a
  /// date_without_anchor diagnostic.
  /// REQUIRES: doc.sentences and doc.callouts are filled.
  /// With `screened`, the hits of screen_patterns() in each sentence (from a
  /// SentenceCueSet), the tagger's own set pass is skipped.
  void tag(Document& doc, const std::optional<ReferenceDate>& option, const CueHits* screened = nullptr) const;

  /// The patterns that say which rules may match a sentence, one per rule, for a shared
  /// SentenceCueSet.
  std::vector<std::string> screen_patterns() const;

  /// The dates in `text` alone, as one sentence, against `reference`: for tests and tools.
  std::vector<DateMention> tag_sentence(std::string_view text, const ReferenceDate& reference) const {
    return tag_span(text, Span{0, text.size()}, reference);
  }
  /// The dates in text[span], as one sentence; spans are offsets into `text`.
  std::vector<DateMention> tag_span(std::string_view text, Span span, const ReferenceDate& reference) const;

 private:
  struct Match;
  struct Scratch;
  /// The rules the set finds in text[sentence], ascending.
  std::vector<int> screen(std::string_view text, Span sentence) const;
  /// Appends to `chosen` the chosen matches of the rules `candidates` (ascending rule
  /// indices) in text[sentence], in text order; their groups go to `scratch.groups`.
  /// `search_ends`, when known, holds for each candidate an offset into the sentence from
  /// which on the rule matches nowhere in the sentence alone.
  template <typename Candidates>
  void match_sentence(std::string_view text, Span sentence, const Candidates& candidates,
                      const std::uint32_t* search_ends, const std::vector<std::size_t>& callout_starts,
                      Scratch& scratch, std::vector<Match>& chosen) const;
  bool passes_guards(std::string_view text, Span sentence, const DateRule& rule, Span match,
                     const std::vector<std::size_t>& callout_starts) const;

  DateRules rules_;
  PatternSet rule_set_;  ///< which rules match a sentence, in one pass
};

}  // namespace annotate

#endif  // ANNOTATE_DATE_TAGGER_HPP_
