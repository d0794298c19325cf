// SPDX-License-Identifier: MIT
// The red-line stage: sentences in which an actor warns or threatens another that some
// action would bring consequences, or in which a line, threshold or point of no return is
// said to be crossed, approached or not crossed; with warners, targets, trigger,
// consequence, status, modality, CAMEO code and date.
#ifndef ANNOTATE_REDLINE_TAGGER_HPP_
#define ANNOTATE_REDLINE_TAGGER_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/redline_cues.hpp"
#include "annotate/sentence_search.hpp"

namespace annotate {

class RedlineTagger {
 public:
  /// Loads data/redline_cues.tsv (or its replacement in `dir`). Throws annotate::Error
  /// with "file:line: message" on a malformed line.
  static RedlineTagger load(const std::optional<std::string>& dir);
  static RedlineTagger parse(std::string_view content, const std::string& name);

  /// Appends doc.red_lines for the body sentences (headings, header lines and notes are
  /// never claims). REQUIRES: sentences, callouts (in text order), dates, actors and mentions
  /// are filled.
  /// With `screened`, the hits of screen_patterns() in each sentence (from a
  /// SentenceCueSet), the tagger's own anchor screen is skipped.
  void tag(Document& doc, const CueHits* screened = nullptr) const;

  /// The anchor cues (warn, threat_noun, idiom, line), one pattern each in file order
  /// (case-insensitive ones as "(?i:...)"), for a shared SentenceCueSet. Only the few
  /// sentences that hold an anchor need to know which of the other cues occur, and learn
  /// it from the tagger's own set: in the shared one, those cues would slow every sentence.
  std::vector<std::string> screen_patterns() const { return cues_.anchor_patterns(); }

 private:
  explicit RedlineTagger(RedlineCues cues) : cues_(std::move(cues)) {}

  RedlineCues cues_;
};

}  // namespace annotate

#endif  // ANNOTATE_REDLINE_TAGGER_HPP_
