// SPDX-License-Identifier: MIT
// People named in context cues: a name of two or three capitalised words (initials allowed)
// before a verb of saying ("Meng Xiaoru assesses", "As Zhu Jiejin and He Yue write",
// "Cheng Xiaohe pointedly observed") or after a title ("Ambassador Xing Haiming"). A scan
// over word tokens, so its cost is linear in the sentence and small.
#ifndef ANNOTATE_PERSON_FINDER_HPP_
#define ANNOTATE_PERSON_FINDER_HPP_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annotate {

/// A name found next to a cue, and the cue kind that found it.
struct FoundName {
  std::string name;
  std::string_view rule_id;  ///< "person.verb" or "person.title" (literals)
};

/// The words of `phrase`, split at spaces (views into it).
std::vector<std::string_view> split_words(std::string_view phrase);

class PersonFinder {
 public:
  /// `verbs` and `titles` may have several words ("pointed out", "Prime Minister");
  /// `not_name` words never start or end a name.
  PersonFinder(std::vector<std::string> verbs, std::vector<std::string> titles,
               std::set<std::string, std::less<>> not_name);
  // The phrase index holds views into the phrases: an object stays where it was made.
  PersonFinder(const PersonFinder&) = delete;
  PersonFinder& operator=(const PersonFinder&) = delete;

  static constexpr std::size_t kFirstWordWords = 1024;  ///< 64-bit words of the first-word bits

  /// The names in `sentence`, in order, titles removed, possessives dropped.
  std::vector<FoundName> find(std::string_view sentence) const;

 private:
  using Phrases = std::vector<std::vector<std::string>>;
  /// Phrases by their first word, longest first: a token is looked up once, not compared
  /// with every phrase.
  struct PhraseIndex {
    std::unordered_map<std::string_view, std::vector<const std::vector<std::string>*>> by_first_word;
    /// The first words, hashed, a bit each: almost every token is ruled out before the map.
    std::vector<std::uint64_t> first_words = std::vector<std::uint64_t>(kFirstWordWords);
  };
  static PhraseIndex index_of(const Phrases& phrases);

  Phrases verbs_;   ///< each split into words
  Phrases titles_;
  PhraseIndex verbs_by_first_word_;
  PhraseIndex titles_by_first_word_;
  std::set<std::string, std::less<>> not_name_;
  std::set<std::string, std::less<>> title_words_;  ///< last words of titles: never in a name
};

}  // namespace annotate

#endif  // ANNOTATE_PERSON_FINDER_HPP_
