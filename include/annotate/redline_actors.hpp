// SPDX-License-Identifier: MIT
// The actors around a red-line claim: a sentence's mentions joined into groups ("Seoul and
// Tokyo", "Chinese and Russians"), and what its pronouns and plain references ("it", "its
// two allies", "he") stand for. The red-line tagger reads roles off these.
#ifndef ANNOTATE_REDLINE_ACTORS_HPP_
#define ANNOTATE_REDLINE_ACTORS_HPP_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/span.hpp"

namespace annotate {

/// Mentions next to each other, or joined only by "and", "or", "nor", ", and", "and the", "as well
/// as", "&" or a hyphen: one group of actors, each actor once, in order of mention.
struct ActorGroup {
  Span span;
  std::vector<std::size_t> actors;  ///< indices into Document::actors
  bool modifier = false;            ///< opens with a prefix ("Sino-US struggle"): never a subject
};

/// The groups of the mentions [first, last), in text order.
/// REQUIRES: [first, last) are one sentence's mentions, in text order.
std::vector<ActorGroup> actor_groups(const Document& doc, const Mention* first, const Mention* last);

/// `actors` without those in `exclude`, in their order.
std::vector<std::size_t> without(const std::vector<std::size_t>& actors, const std::vector<std::size_t>& exclude);

/// A pronoun or plain reference to actors found in a sentence (not a note's Reference).
struct ActorReference {
  std::size_t at = 0;     ///< its first byte in Document::text
  std::string_view word;  ///< which one: "it", "They", "its two allies", ...
};

/// The groups of the sentences before one that named actors, nearest last: given whole, or
/// made from those sentences' mentions when first asked for. Only a reference that looks
/// past its own sentence asks, and most claims have none; making them for every claim
/// was a tenth of the red-line stage. Holds references to its arguments.
class EarlierGroups {
 public:
  /// One sentence's mentions, [first, last) of Document::mentions.
  struct MentionRange {
    std::size_t first;
    std::size_t last;
  };
  explicit EarlierGroups(const std::vector<std::vector<ActorGroup>>& groups) : given_(&groups) {}
  EarlierGroups(const Document& doc, const std::vector<MentionRange>& ranges) : doc_(&doc), ranges_(&ranges) {}
  EarlierGroups(const EarlierGroups&) = delete;
  EarlierGroups& operator=(const EarlierGroups&) = delete;

  const std::vector<std::vector<ActorGroup>>& get() const;

 private:
  const std::vector<std::vector<ActorGroup>>* given_ = nullptr;
  const Document* doc_ = nullptr;
  const std::vector<MentionRange>* ranges_ = nullptr;
  mutable std::optional<std::vector<std::vector<ActorGroup>>> made_;
};

/// One sentence's groups and those of the sentences before it that named actors, for
/// finding references and what they stand for. Holds references to its arguments.
class SentenceActors {
 public:
  /// `history`: the groups of earlier sentences, nearest last.
  SentenceActors(const Document& doc, Span sentence, const std::vector<ActorGroup>& groups,
                 const EarlierGroups& history)
      : doc_(doc), sentence_(sentence), groups_(groups), history_(history) {}

  /// The first whole-word reference that starts and ends in [from, to); at one place the
  /// longest ("its two allies" before "its").
  std::optional<ActorReference> find_reference(std::size_t from, std::size_t to) const;

  /// What the reference `word` at `at` stands for, leaving out `exclude`: inside the
  /// sentence, the nearest earlier group that is not a preposition's object
  /// ("differentiated Seoul from Tokyo, suggesting that it" is Seoul); at its start or
  /// failing that, the subject of the nearest earlier sentence with enough actors. "the
  /// two", "both" and "its two allies" want two actors, "allies" and "the two" states;
  /// "its two allies" are never the one whose allies they are; "it" is never a person,
  /// "he", "she", "him" and "her" always are. Empty when nothing fits.
  std::vector<std::size_t> resolve(std::size_t at, std::string_view word, const std::vector<std::size_t>& exclude) const;

 private:
  const Document& doc_;
  Span sentence_;
  const std::vector<ActorGroup>& groups_;
  const EarlierGroups& history_;
};

}  // namespace annotate

#endif  // ANNOTATE_REDLINE_ACTORS_HPP_
