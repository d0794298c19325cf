// SPDX-License-Identifier: MIT
// The red-line tagger's cues (data/redline_cues.tsv): loading them, and finding them in a
// sentence, with a set pass that tells which cues occur before any is searched for its
// positions.
#ifndef ANNOTATE_REDLINE_CUES_HPP_
#define ANNOTATE_REDLINE_CUES_HPP_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/pattern_set.hpp"
#include "annotate/sentence_search.hpp"

namespace annotate {

/// What a warning's anchor cue asks of the rest of the sentence before it makes a claim
/// (the optional fourth field of data/redline_cues.tsv).
enum class CueNeeds {
  kNothing,
  /// "threat": a threat-like consequence (one that holds a consequence or CAMEO cue), or
  /// a crossing that would happen ("vowed to take military action", "made clear that
  /// sending troops would cross a red line"; not "vowed to deepen cooperation").
  kThreat,
  /// "condition": a governing condition and a threat-like consequence ("said it will use
  /// force if ..."; not "said it would resume talks if ...").
  kCondition,
};

/// One cue pattern of data/redline_cues.tsv.
struct RedlineCue {
  std::string kind;  ///< warn, threat_noun, idiom, line, cross, not_cross, negation, ...
  std::string id;
  std::shared_ptr<const re2::RE2> pattern;
  bool anchor = false;  ///< a claim's anchor: warn, threat_noun, idiom or line
  CueNeeds needs = CueNeeds::kNothing;  ///< for the anchors of warnings: warn, threat_noun, idiom
};

/// A cue found in the text.
struct CueHit {
  const RedlineCue* cue;
  Span span;
};

/// The cues in file order. Immutable once loaded; threads may share it, and copies share
/// the set and screen that are built on first use.
class RedlineCues {
 public:
  static constexpr const char* kFile = "redline_cues.tsv";

  /// Loads data/redline_cues.tsv (or its replacement in `dir`): `kind <TAB> id <TAB>
  /// pattern`, and for warn, threat_noun and idiom cues an optional `<TAB> needs` ("-",
  /// "threat" or "condition", see CueNeeds). Throws annotate::Error with "file:line:
  /// message" on a malformed line, an unknown kind or an unknown need.
  static RedlineCues load(const std::optional<std::string>& dir);
  static RedlineCues parse(std::string_view content, const std::string& name);

  /// Every cue but those of `condition`, `threat_noun`, `trigger_marker` and `hedge` (which
  /// need capitals or lowercase: "Should Seoul ...", "Moscow's threats") ignores case.
  static bool ignores_case(std::string_view kind);

  std::size_t size() const { return cues_.size(); }
  const RedlineCue& operator[](std::size_t c) const { return cues_[c]; }

  /// The anchor cues, one pattern each in file order (case-insensitive ones as
  /// "(?i:...)"), for a SentenceCueSet shared with other stages.
  std::vector<std::string> anchor_patterns() const;

  /// How many hits a caller needs: every one, or only the earliest (ties going to the cue
  /// listed first), for which each cue is searched up to its first match only.
  enum class Wanted { kAll, kFirst };

  /// Which cues occur in a text, from one set pass, and where each one's last match ends.
  struct Presence {
    std::vector<bool> present;            ///< by cue
    std::vector<std::size_t> search_end;  ///< by cue, for those present: a search from there on finds nothing
    bool operator[](std::size_t c) const { return present[c]; }
  };

  /// The hits of the cues of `kind` in text[span], in order (at one offset, the cue listed
  /// first); with `present` (of text[span]), only the cues it marks are searched, and
  /// not past their last match. A match right after a hyphen ends a compound
  /// ("Cold-War", "post-war") and is no hit.
  std::vector<CueHit> find(std::string_view text, Span span, std::string_view kind,
                           const Presence* present = nullptr, Wanted wanted = Wanted::kAll) const;

  /// Which cues occur in `text`, from one set pass.
  Presence present_in(std::string_view text) const;
  /// No cue present (where there is no text to look in).
  Presence none_present() const { return Presence{std::vector<bool>(cues_.size()), std::vector<std::size_t>(cues_.size())}; }

  /// One flag per sentence of `doc`: true where an anchor cue may occur (see SentenceScreen).
  std::vector<bool> anchor_flags(const Document& doc) const;

 private:
  struct Screens {
    std::once_flag built;
    PatternSet cue_set;            ///< every cue, to see which occur in a sentence
    SentenceScreen anchor_filter;  ///< any anchor cue
  };
  const Screens& screens() const;

  std::vector<RedlineCue> cues_;
  /// The indices into cues_ of each kind's cues, in file order, kinds in order of first
  /// appearance: a dozen kinds, looked up some twenty times a claim, found faster in a
  /// list than in a map of strings.
  std::vector<std::pair<std::string, std::vector<std::size_t>>> by_kind_;
  const std::vector<std::size_t>* cues_of_kind(std::string_view kind) const;
  std::shared_ptr<Screens> screens_ = std::make_shared<Screens>();
};

}  // namespace annotate

#endif  // ANNOTATE_REDLINE_CUES_HPP_
