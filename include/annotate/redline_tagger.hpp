// SPDX-License-Identifier: MIT
// The red-line stage: sentences in which an actor warns or threatens another that some
// action would bring consequences, or in which a line, threshold or point of no return is
// said to be crossed, approached or not crossed; with warners, targets, trigger,
// consequence, status, modality, CAMEO code and date.
#ifndef ANNOTATE_REDLINE_TAGGER_HPP_
#define ANNOTATE_REDLINE_TAGGER_HPP_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "annotate/document.hpp"
#include "annotate/pattern_set.hpp"
#include "annotate/sentence_search.hpp"

namespace annotate {

/// One cue pattern of data/redline_cues.tsv.
struct RedlineCue {
  std::string kind;  ///< warn, threat_noun, idiom, line, cross, not_cross, negation, ...
  std::string id;
  std::shared_ptr<const re2::RE2> pattern;
  bool anchor = false;  ///< a claim's anchor: warn, threat_noun, idiom or line
};

class RedlineTagger {
 public:
  static constexpr const char* kCuesFile = "redline_cues.tsv";

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
  std::vector<std::string> screen_patterns() const;

 private:
  static bool ignores_case(std::string_view kind);
  struct Hit {
    const RedlineCue* cue;
    Span span;
  };
  /// How many hits a caller needs: every one, or only the earliest (ties going to the cue
  /// listed first), for which each cue is searched up to its first match only.
  enum class Wanted { kAll, kFirst };
  /// The hits of the cues of `kind` in text[sentence], in order; with `present`, only the
  /// cues it marks (the set found them in this sentence) are searched.
  std::vector<Hit> hits(std::string_view text, Span sentence, std::string_view kind,
                        const std::vector<bool>* present = nullptr, Wanted wanted = Wanted::kAll) const;

  std::vector<RedlineCue> cues_;
  /// The indices into cues_ of each kind's cues, in file order.
  std::map<std::string, std::vector<std::size_t>, std::less<>> cues_by_kind_;
  // The tagger's own screens, built on first use; copies share them.
  struct OwnScreens {
    std::once_flag built;
    PatternSet cue_set;             ///< every cue, to see which occur in a sentence
    SentenceScreen anchor_filter;  ///< any anchor cue, for tag() without `screened`
  };
  const OwnScreens& own_screens() const;
  std::shared_ptr<OwnScreens> own_screens_ = std::make_shared<OwnScreens>();
};

}  // namespace annotate

#endif  // ANNOTATE_REDLINE_TAGGER_HPP_
