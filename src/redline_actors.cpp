// SPDX-License-Identifier: MIT
// Actor groups and reference resolution for the red-line tagger (see redline_actors.hpp).
#include "annotate/redline_actors.hpp"

#include <algorithm>
#include <cctype>

#include "annotate/clause_text.hpp"

namespace annotate {

namespace {

bool only_joiners(std::string_view between) {
  for (std::string_view joiner : {" and ", ", and ", " or ", " as well as ", " nor ", "-", "\xE2\x80\x93", " & ",
                                  " and the ", ", and the ", " or the "}) {
    if (between == joiner) return true;
  }
  return between.empty();
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::vector<ActorGroup> actor_groups(const Document& doc, const Mention* first, const Mention* last) {
  std::vector<ActorGroup> groups;
  for (const Mention* it = first; it != last; ++it) {
    const Mention& m = *it;
    if (!groups.empty() && only_joiners(doc.view(Span{groups.back().span.end, m.span.begin}))) {
      groups.back().span.end = m.span.end;
      if (std::find(groups.back().actors.begin(), groups.back().actors.end(), m.actor) == groups.back().actors.end()) {
        groups.back().actors.push_back(m.actor);
      }
    } else {
      groups.push_back(ActorGroup{m.span, {m.actor}, m.form == "prefix"});
    }
  }
  return groups;
}

const std::vector<std::vector<ActorGroup>>& EarlierGroups::get() const {
  if (given_ != nullptr) return *given_;
  if (!made_) {
    made_.emplace();
    for (const MentionRange& range : *ranges_) {
      made_->push_back(actor_groups(*doc_, doc_->mentions.data() + range.first, doc_->mentions.data() + range.last));
    }
  }
  return *made_;
}

std::vector<std::size_t> without(const std::vector<std::size_t>& actors, const std::vector<std::size_t>& exclude) {
  std::vector<std::size_t> out;
  for (std::size_t a : actors) {
    if (std::find(exclude.begin(), exclude.end(), a) == exclude.end()) out.push_back(a);
  }
  return out;
}

std::optional<ActorReference> SentenceActors::find_reference(std::size_t from, std::size_t to) const {
  static constexpr std::string_view kReferences[] = {"its two allies", "their allies", "its allies", "the two",
                                                     "they", "They", "them", "it", "It", "both", "Both",
                                                     "their", "Their", "its", "Its", "He", "he", "She", "she",
                                                     "him", "her"};
  const std::string_view text = doc_.text;
  // Word by word: the first word start where a reference ends a word wins, and at one
  // place the reference listed first.
  for (std::size_t at = from; at < to; ++at) {
    if (!is_letter(text[at]) || (at > 0 && is_letter(text[at - 1]))) continue;
    for (std::string_view reference : kReferences) {
      if (reference[0] != text[at] || at + reference.size() > to) continue;
      if (text.compare(at, reference.size(), reference) != 0) continue;
      if (at + reference.size() >= text.size() || !is_letter(text[at + reference.size()])) {
        return ActorReference{at, reference};
      }
    }
  }
  return std::nullopt;
}

std::vector<std::size_t> SentenceActors::resolve(std::size_t at, std::string_view word,
                                                 const std::vector<std::size_t>& exclude) const {
  const std::string_view text = doc_.text;
  const bool states_only = word.find("allies") != std::string_view::npos || word == "the two";
  // "the two", "both", "its two allies" need two actors; "they" may be one plural noun
  // ("Chinese often refer ... They cite").
  const bool two = word.find("two") != std::string_view::npos || word == "both" || word == "Both";
  const std::size_t wanted = two ? 2 : 1;
  // "criticism of the United States with threats against its two allies": the allies are
  // not the one whose allies they are, the nearest actor before the reference.
  std::vector<std::size_t> excluded = exclude;
  if (word.find("allies") != std::string_view::npos) {
    for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
      if (g->span.end > at) continue;
      excluded.insert(excluded.end(), g->actors.begin(), g->actors.end());
      break;
    }
  }
  // "Medvedev warned Seoul ... If it crosses": "it" is Seoul, no person.
  const bool personal = word == "he" || word == "He" || word == "she" || word == "She" || word == "him" || word == "her";
  const bool impersonal = word == "it" || word == "It" || word == "its" || word == "Its";
  auto usable = [&](const ActorGroup& g) {
    std::vector<std::size_t> actors;
    for (std::size_t a : without(g.actors, excluded)) {
      const ActorType type = doc_.actors[a].type;
      if (states_only && type != ActorType::kState) continue;
      if ((personal && type != ActorType::kPerson) || (impersonal && type == ActorType::kPerson)) continue;
      actors.push_back(a);
    }
    return actors;
  };
  if (words_between(text, sentence_.begin, at) > 1) {
    for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
      if (g->span.end > at || after_preposition(text, g->span.begin, sentence_.begin)) continue;
      const std::vector<std::size_t> actors = usable(*g);
      if (actors.size() >= wanted) return actors;
    }
  }
  const std::vector<std::vector<ActorGroup>>& history = history_.get();
  for (auto sentence_groups = history.rbegin(); sentence_groups != history.rend(); ++sentence_groups) {
    std::vector<std::size_t> actors;
    for (const ActorGroup& g : *sentence_groups) {
      const std::vector<std::size_t> group_actors = usable(g);
      if (group_actors.size() >= wanted && (!states_only || actors.empty())) return group_actors;
      for (std::size_t a : group_actors) {
        if (std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
      }
    }
    if (actors.size() >= wanted) return actors;
  }
  return {};
}

}  // namespace annotate
