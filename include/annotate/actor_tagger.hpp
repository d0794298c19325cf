// SPDX-License-Identifier: MIT
// The actor stage: every mention of a state, organisation, group or person in every
// sentence, with the lexicon entry or context rule behind it; people missing from the
// lexicon are found from context ("Meng Xiaoru assesses") and later surnames resolve to them.
#ifndef ANNOTATE_ACTOR_TAGGER_HPP_
#define ANNOTATE_ACTOR_TAGGER_HPP_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/lexicon.hpp"
#include "annotate/person_finder.hpp"
#include "annotate/sentence_search.hpp"

namespace re2 {
class RE2;
}

namespace annotate {

/// The context cues of data/actor_cues.tsv, compiled.
struct ActorCues {
  struct Alias {
    std::string surface;  ///< "the North"
    std::string actor;    ///< "PRK"
    std::vector<std::string> region;  ///< ids whose mentions make the alias apply
  };
  std::shared_ptr<const PersonFinder> person_finder;  ///< the verb and title cues
  SentenceScreen person_filter;  ///< a verb or title cue, checked first
  std::set<std::string, std::less<>> not_name;
  std::vector<std::string> titles;  ///< longest first, stripped from the front of names
  std::vector<Alias> aliases;
  std::set<std::string, std::less<>> antecedent_surnames;
  std::set<std::string, std::less<>> not_surname;  ///< "He" of "He Yue" is never a surname alone
  std::size_t short_surname = 4;
  std::set<std::string, std::less<>> family_first;  ///< from data/citation_words.tsv
  /// Surface -> words that, right before it, make it part of another name: "Asian NATO"
  /// and "Mini-NATO" name an alliance that is not NATO.
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> not_after;
  /// Bit n set when a surface of `not_after` is n bytes long (n < 64): most matches need
  /// no lookup. Longer surfaces are always looked up.
  std::uint64_t not_after_lengths = 0;

  /// Loads data/actor_cues.tsv (and the family_first list of data/citation_words.tsv), or
  /// their replacements in `dir`. Throws annotate::Error on a malformed line.
  static ActorCues load(const std::optional<std::string>& dir);

  /// The bytes an alias may start with (either case), from `aliases`.
  std::array<bool, 256> alias_starts{};
};

class ActorTagger {
 public:
  ActorTagger(Lexicon lexicon, ActorCues cues);

  /// Appends doc.actors (in order of first mention) and doc.mentions (in text order) for
  /// every sentence. Places ("South China Sea") are matched so that they hide the states
  /// inside them, but are not reported. REQUIRES: doc.sentences and doc.reference_date.
  /// With `screened`, the hits of screen_patterns() in each sentence (from a
  /// SentenceCueSet), the tagger's own screen is skipped.
  void tag(Document& doc, const CueHits* screened = nullptr) const;

  /// The pattern of the sentences where someone may be named in context (a verb or title
  /// cue), for a shared SentenceCueSet.
  std::vector<std::string> screen_patterns() const { return {cues_.person_filter.pattern()->pattern()}; }

  const Lexicon& lexicon() const { return lexicon_; }

 private:
  Lexicon lexicon_;
  ActorCues cues_;
  /// Lexicon::start_pairs() and the aliases' first two bytes: a word start whose two bytes
  /// are not there starts neither a surface nor an alias.
  std::vector<std::uint64_t> start_pairs_;
};

/// "james-dj-brown" for "James D.J. Brown": lowercase ASCII letters and digits joined by '-'.
std::string person_slug(std::string_view name);

}  // namespace annotate

#endif  // ANNOTATE_ACTOR_TAGGER_HPP_
