// SPDX-License-Identifier: MIT
// Red-line claims from cues. A claim needs an anchor: a verb of warning or threatening, a
// threat noun with a complement, a set phrase, or a line that is crossed or not crossed; a
// bare noun ("the North Korean threat") is no claim. Roles come from the actor mentions
// around the anchor, with pronouns and plain references resolved to the nearest sentence
// before that names actors.
#include "annotate/redline_tagger.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <mutex>
#include <set>
#include <utility>

#include "annotate/clause_text.hpp"
#include "annotate/data_file.hpp"
#include "annotate/error.hpp"
#include "annotate/redline_actors.hpp"
#include "annotate/sentence_search.hpp"

namespace annotate {

namespace {

// What anchors a claim: a line crossed or not, a verb of warning, a threat noun, a set phrase.
enum class ClaimKind { kNone, kLine, kWarn, kNoun, kIdiom };

// The claim's rule id after "redline.": "line", "warn", "noun", "idiom".
const char* name_of(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kLine: return "line";
    case ClaimKind::kWarn: return "warn";
    case ClaimKind::kNoun: return "noun";
    case ClaimKind::kIdiom: return "idiom";
    case ClaimKind::kNone: break;
  }
  return "none";
}

}  // namespace

// One sentence with an anchor cue, read for its claim in steps (read()): the anchor and
// the claim's kind, a governing condition, the roles, the trigger, the consequence, then
// what each says of the others and whether the claim stands. Each step leaves what it
// found in the members below for the steps after it. A fresh one per sentence.
struct SentenceClaim {
  using Wanted = RedlineCues::Wanted;

  SentenceClaim(const Document& document, const RedlineCues& cue_table, std::size_t index,
                std::optional<std::size_t> date, const RedlineCues::Presence& cues_present,
                const std::vector<ActorGroup>& sentence_groups,
                const EarlierGroups& earlier_groups)
      : doc(document), cues(cue_table), text(document.text), s(index), sentence(document.sentences[index].span),
        sentence_date(date), present(cues_present), groups(sentence_groups), history(earlier_groups) {}

  const Document& doc;
  const RedlineCues& cues;
  std::string_view text;
  std::size_t s;  ///< the sentence's index
  Span sentence;
  std::optional<std::size_t> sentence_date;
  const RedlineCues::Presence& present;  ///< which cues occur in the sentence
  const std::vector<ActorGroup>& groups;
  const EarlierGroups& history;  ///< of the sentences before, nearest last

  // Only the cues that occur in this sentence are searched for positions.
  std::vector<CueHit> hits(std::string_view text_view, Span span, std::string_view cue_kind,
                           Wanted wanted = Wanted::kAll) const {
    return cues.find(text_view, span, cue_kind, span == sentence ? &present : nullptr, wanted);
  }

  std::optional<RedLine> read();

  // The steps of read(), in order; each returns false when the sentence holds no claim.
  bool find_anchor();
  void warned_by(ClaimKind anchor_kind, const CueHit& hit);
  std::string_view state_of(std::size_t actor) const;
  bool find_condition();
  bool find_roles();
  bool find_trigger();
  bool find_consequence();
  bool settle_trigger_and_targets();
  bool finish();

  // What the steps find, for the steps after them.
  RedLine claim;
  SentenceActors around{doc, sentence, groups, history};  ///< pronouns and what they stand for
  std::optional<Span> anchor;  ///< the cue that makes the sentence a claim
  ClaimKind kind = ClaimKind::kNone;
  std::vector<CueHit> lines;       ///< the first line cue, if any
  std::vector<CueHit> crosses;     ///< the first crossing, if any
  std::vector<CueHit> conditions;  ///< every conditional cue
  bool hypothetical_crossing = false;  ///< "would cross", with no "not"
  const CueHit* condition = nullptr;   ///< the condition that governs the claim, in `conditions`
  const ActorGroup* before = nullptr;  ///< the last group before the anchor
  const ActorGroup* after = nullptr;   ///< the first group after it
  bool passive = false;                ///< "Seoul was warned by Beijing"
  std::string_view first_cue;          ///< the rule id of the claim's first cue
  CueNeeds anchor_needs = CueNeeds::kNothing;  ///< what a warning's anchor cue asks for (set with it)
  bool threaten = false;               ///< the anchor is a form of "threaten" (set with it)

  std::optional<ActorReference> find_reference(std::size_t from, std::size_t to) const;
  std::vector<std::size_t> resolve(std::size_t at, std::string_view word, const std::vector<std::size_t>& exclude) const;
  std::size_t anchor_clause_begin_of(std::size_t at) const;
  std::size_t anchor_clause_end_of(std::size_t from) const;
  std::string_view word_before_at(std::size_t at) const;
  std::vector<std::size_t> subject(std::size_t words) const;
  void line_roles();
  void warning_roles();
  void conditional_consequence();
  const ActorGroup* near_before(std::size_t words) const;
  const ActorGroup* near_after(std::size_t words) const;
  std::optional<Span> after_modal(std::size_t modal, std::size_t modal_length, std::size_t stop) const;
  std::optional<Span> past_crossing(std::optional<Span> consequence, std::size_t stop) const;
};

// The start of the clause that holds text[at]: after the last comma or semicolon.
std::size_t SentenceClaim::anchor_clause_begin_of(std::size_t at) const {
  while (at > sentence.begin && text[at - 1] != ',' && text[at - 1] != ';') --at;
  return at;
}

// The group just before the anchor, when at most `words` words lie between.
const ActorGroup* SentenceClaim::near_before(std::size_t words) const {
  return before != nullptr && words_between(text, before->span.end, anchor->begin) <= words ? before : nullptr;
}

// The group just after the anchor, when at most `words` words lie between.
const ActorGroup* SentenceClaim::near_after(std::size_t words) const {
  return after != nullptr && words_between(text, anchor->end, after->span.begin) <= words ? after : nullptr;
}

// What follows "would": after a light verb its object ("would lead to war", "would come
// at a cost"), else the verb phrase itself ("would sever ties", "would cost it dearly").
std::optional<Span> SentenceClaim::after_modal(std::size_t modal, std::size_t modal_length, std::size_t stop) const {
  std::size_t verb_end = modal + modal_length;
  while (verb_end < stop && text[verb_end] != ' ') ++verb_end;
  const std::string_view verb = text.substr(modal + modal_length, verb_end - modal - modal_length);
  bool light = false;
  for (std::string_view word : {"lead", "come", "bring", "invite", "make", "prompt", "trigger", "mean", "result",
                                "provoke", "draw"}) {
    light = light || verb == word;
  }
  Span consequence = trim_span(text, Span{light ? verb_end : modal + modal_length, stop});
  for (std::string_view preposition : {"to ", "at ", "in "}) {
    if (light && consequence.of(text).rfind(preposition, 0) == 0) consequence.begin += preposition.size();
  }
  if (consequence.empty()) return std::nullopt;
  return trim_span(text, consequence);
}

// "would cross a red line and bring a military response": the crossing is what the
// warning is about; what follows it, if anything, is the consequence.
std::optional<Span> SentenceClaim::past_crossing(std::optional<Span> consequence, std::size_t stop) const {
  if (!hypothetical_crossing || !consequence || consequence->begin != crosses.front().span.begin) return consequence;
  const std::size_t line_end = std::max(crosses.front().span.end, lines.front().span.end);
  const std::size_t then = text.substr(0, stop).find(" and ", line_end);
  if (then == std::string_view::npos || words_between(text, line_end, then) > 2) return std::nullopt;
  return after_modal(then, 5, stop);
}

// The state an actor is or belongs to ("" for none): what tells domestic politics.
std::string_view SentenceClaim::state_of(std::size_t actor) const {
  const Actor& a = doc.actors[actor];
  return a.type == ActorType::kState ? std::string_view(a.id) : std::string_view(a.affiliation);
}

// A warning, threat noun or set phrase as the claim's anchor.
void SentenceClaim::warned_by(ClaimKind anchor_kind, const CueHit& hit) {
  kind = anchor_kind;
  anchor = hit.span;
  const std::string_view word = hit.span.of(text);
  threaten = kind == ClaimKind::kWarn && word.size() >= 8 && (word.substr(0, 8) == "threaten" || word.substr(0, 8) == "Threaten");
  anchor_needs = hit.cue->needs;
  claim.cues.push_back(hit.span);
  claim.cue_rules.push_back(hit.cue->id);
  claim.status = "warned";
}

bool SentenceClaim::find_anchor() {
  // Of lines, threat nouns, idioms and crossings, only the first counts.
  lines = hits(text, sentence, "line", Wanted::kFirst);
  const std::vector<CueHit> warns = hits(text, sentence, "warn");
  const std::vector<CueHit> nouns = hits(text, sentence, "threat_noun", Wanted::kFirst);
  const std::vector<CueHit> idioms = hits(text, sentence, "idiom", Wanted::kFirst);
  const std::vector<CueHit> negations = hits(text, sentence, "negation");
  auto negated_before = [&](std::size_t at) {
    return std::any_of(negations.begin(), negations.end(), [&](const CueHit& n) {
      return n.span.end <= at && words_between(text, n.span.end, at) <= 2;
    });
  };
  // A verb in -ing form is a verb only when something it governs follows ("warning
  // Seoul"), not in "an early warning system" or "makes it more threatening".
  auto real_warn = [&](const CueHit& hit) {
    const std::string_view word = hit.span.of(text);
    // "No Chinese official has threatened ...": a negated subject negates the claim.
    if (text.substr(sentence.begin, 3) == "No " && clause_end(text, sentence.begin, sentence.end) > hit.span.begin) {
      return false;
    }
    // "more threatening to Seoul": an adjective after a degree word.
    for (std::string_view degree : {"more ", "most ", "less ", "very ", "so ", "too ", "as "}) {
      const std::size_t at = hit.span.begin - std::min(hit.span.begin - sentence.begin, degree.size());
      if (hit.span.begin >= sentence.begin + degree.size() && text.substr(at, degree.size()) == degree &&
          (at == sentence.begin || text[at - 1] == ' ')) {  // "more", not the end of "has"
        return false;
      }
    }
    if (word.size() < 4 || word.substr(word.size() - 3) != "ing") return !negated_before(hit.span.begin);
    const std::string_view next = word_at(text, hit.span.end, sentence.end);
    const bool actor_next = std::any_of(groups.begin(), groups.end(), [&](const ActorGroup& g) {
      return g.span.begin >= hit.span.end && words_between(text, hit.span.end, g.span.begin) <= 1;
    });
    return actor_next || next == "that" || next == "of" || next == "against" || next == "about" || next == "to" ||
           next == "them" || next == "it";
  };

  claim.sentence = s;
  const std::vector<CueHit> not_crosses = hits(text, sentence, "not_cross", Wanted::kFirst);
  crosses = hits(text, sentence, "cross", Wanted::kFirst);
  // "would cross a red line", "would be crossing it": a crossing that has not happened.
  const auto hypothetical = [&](std::size_t at) {
    std::string_view word = word_before(text, at, sentence.begin);
    if (word == "be") word = word_before(text, at - word.size() - 1, sentence.begin);
    return is_modal(word);
  };
  hypothetical_crossing = not_crosses.empty() && !crosses.empty() && hypothetical(crosses.front().span.begin);
  // "warned Biden against crossing red lines", "warned Tokyo that sending warships would
  // cross a red line": the crossing is what the warning is about.
  const auto warn_before_line = std::find_if(warns.begin(), warns.end(), [&](const CueHit& w) {
    if (lines.empty() || w.span.end > lines.front().span.begin) return false;
    return text.substr(w.span.end, lines.front().span.begin - w.span.end).find(" against ") != std::string_view::npos ||
           (hypothetical_crossing && w.span.end <= crosses.front().span.begin);
  });
  // "Turnout crossed the 60 percent threshold": a threshold or a plain line is a red line
  // only where some actor is involved; "red lines" and "the point of no return" always are.
  // "Inflation in Turkey crossed the 60 percent threshold": an actor only after a
  // preposition involves no one in a threshold.
  const bool actor_involved = std::any_of(groups.begin(), groups.end(), [&](const ActorGroup& g) {
    return lines.empty() || lines.front().cue->id != "line.threshold" || !after_preposition(text, g.span.begin, sentence.begin);
  });
  const bool line_counts = !lines.empty() && (actor_involved || lines.front().cue->id == "line.red" ||
                                               lines.front().cue->id == "line.no_return");
  if (line_counts && (!crosses.empty() || !not_crosses.empty()) && warn_before_line == warns.end()) {
    kind = ClaimKind::kLine;
    const CueHit& line = lines.front();
    claim.cues.push_back(line.span);
    claim.cue_rules.push_back(line.cue->id);
    if (!not_crosses.empty()) {
      claim.status = "not_crossed";
      claim.cues.insert(claim.cues.begin(), not_crosses.front().span);
      claim.cue_rules.insert(claim.cue_rules.begin(), not_crosses.front().cue->id);
      anchor = not_crosses.front().span;
    } else {
      const CueHit& cross = crosses.front();
      claim.status = negated_before(cross.span.begin) ? "not_crossed" : hypothetical_crossing ? "conditional" : "crossed";
      // "crossing a line" is a line cue that holds its own crossing: one cue, not two.
      if (!line.span.contains(cross.span)) {
        claim.cues.insert(cross.span.begin < line.span.begin ? claim.cues.begin() : claim.cues.end(), cross.span);
        claim.cue_rules.insert(cross.span.begin < line.span.begin ? claim.cue_rules.begin() : claim.cue_rules.end(),
                               cross.cue->id);
      }
      anchor = cross.span;
    }
  } else if (auto warn = std::find_if(warns.begin(), warns.end(), real_warn); warn != warns.end()) {
    warned_by(ClaimKind::kWarn, *warn);
  } else if (!nouns.empty() && !negated_before(nouns.front().span.begin)) {
    warned_by(ClaimKind::kNoun, nouns.front());
  } else if (!idioms.empty() && !negated_before(idioms.front().span.begin)) {
    warned_by(ClaimKind::kIdiom, idioms.front());
  } else {
    return false;
  }

  return true;
}

bool SentenceClaim::find_condition() {
  // A conditional before the anchor's clause ends makes the claim conditional; for a line,
  // what follows "if" is the trigger.
  conditions = hits(text, sentence, "condition");
  for (const CueHit& c : conditions) {
    if (claim.status == "not_crossed") break;
    if (c.span.of(text).find("nything") != std::string_view::npos) continue;  // "If anything, ..."
    if (c.span.begin < clause_end(text, anchor->end, sentence.end)) {
      condition = &c;
      break;
    }
  }
  if (condition != nullptr) {
    claim.status = "conditional";
    // The condition's first word is the cue; what follows it is the trigger ("Should
    // Seoul deploy ..." matches into "Seoul", hence the space).
    std::size_t start = text.substr(0, condition->span.end).find(' ', condition->span.begin);
    start = start == std::string_view::npos ? condition->span.end : start + 1;
    if (text.substr(condition->span.begin, 2) == "In" || text.substr(condition->span.begin, 2) == "in") {
      start = condition->span.end;  // "in case"
    }
    const std::size_t end = kind == ClaimKind::kLine && anchor->begin > condition->span.end
                                ? std::max(claim.cues.back().end, anchor->end)
                                : clause_end(text, start, sentence.end);
    claim.trigger = trim_span(text, Span{start, end});
  }

  return true;
}

// The first pronoun or plain reference in [from, to) (see SentenceActors).
std::optional<ActorReference> SentenceClaim::find_reference(std::size_t from, std::size_t to) const {
  return around.find_reference(from, to);
}

// What the reference `word` at `at` stands for, leaving out `exclude` (see SentenceActors).
std::vector<std::size_t> SentenceClaim::resolve(std::size_t at, std::string_view word,
                                                const std::vector<std::size_t>& exclude) const {
  return around.resolve(at, word, exclude);
}

std::size_t SentenceClaim::anchor_clause_end_of(std::size_t from) const { return clause_end(text, from, sentence.end); }

// The word ending just before text[at] (spaces skipped), or an empty view.
std::string_view SentenceClaim::word_before_at(std::size_t at) const {
  while (at > sentence.begin && text[at - 1] == ' ') --at;
  std::size_t start = at;
  while (start > sentence.begin && text[start - 1] != ' ') --start;
  return text.substr(start, at - start);
}

// The subject of the anchor: a group just before it (within `words` words), or a pronoun
// standing for one.
std::vector<std::size_t> SentenceClaim::subject(std::size_t words) const {
  // The reference nearest the anchor: "Manila would lose its fishing rights if it
  // crossed" is about "it", not "its".
  auto reference = find_reference(before != nullptr ? before->span.end : sentence.begin, anchor->begin);
  while (reference && words_between(text, reference->at, anchor->begin) > 4) {
    reference = find_reference(reference->at + reference->word.size(), anchor->begin);
  }
  if (reference) {
    return resolve(reference->at, reference->word, {});
  }
  // "They positively cite ... teaching Seoul a lesson and warn": a pronoun opening the
  // sentence is its subject unless an actor stands right before the verb as its
  // subject; not one after a preposition or across a comma ("They describe ..., present
  // it as dictated by Washington, and warn that ...").
  const auto opening = find_reference(sentence.begin, std::min(anchor->begin, sentence.begin + 6));
  const bool opens_with_pronoun = opening && opening->at == sentence.begin;
  if (const ActorGroup* g = near_before(words); opens_with_pronoun) {
    const bool subject_before_verb =
        g != nullptr && words_between(text, g->span.end, anchor->begin) <= 2 &&
        text.substr(g->span.end, anchor->begin - g->span.end).find(',') == std::string_view::npos &&
        !after_preposition(text, g->span.begin, sentence.begin);
    if (!subject_before_verb) return resolve(opening->at, opening->word, {});
  }
  if (const ActorGroup* g = near_before(words)) {
    // "the Japanese ambassador", "of the United States", "Economists in Seoul": objects
    // and modifiers, not the subject.
    // "summoned the Japanese ambassador" is an object; "If the ROK worsens" is a subject.
    bool determiner_object = false;
    for (std::string_view determiner : {"the ", "a "}) {
      if (g->span.begin < sentence.begin + determiner.size() ||
          text.substr(g->span.begin - determiner.size(), determiner.size()) != determiner) {
        continue;
      }
      const std::size_t before_determiner = g->span.begin - determiner.size();
      const std::string_view previous = word_before_at(before_determiner);
      determiner_object = !previous.empty() && previous != "If" && previous != "if" && previous != "When" &&
                          previous != "when" && previous != "and" && previous != "but" && previous != "that" &&
                          previous != "Unless" && previous != "unless" && previous.back() != ',';
    }
    // "the Chinese have warned"; not "summoned the Japanese ambassador and threatened",
    // where the verb belongs to the sentence's subject.
    // Nor "... of the United States with threats against": a preposition between them.
    const std::string_view between = text.substr(g->span.end, anchor->begin - g->span.end);
    bool joined = between.find(" and ") != std::string_view::npos;
    for (std::string_view preposition : {" with ", " of ", " for ", " from ", " by ", " to "}) {
      joined = joined || between.find(preposition) != std::string_view::npos;
    }
    const bool next_to_verb = words_between(text, g->span.end, anchor->begin) <= 2 && !joined;
    const bool object = g->modifier ||
                        (!next_to_verb && (after_preposition(text, g->span.begin, sentence.begin) || determiner_object));
    if (!object) return g->actors;
    if (!groups.empty() && &groups.front() != g && groups.front().span.end <= anchor->begin &&
        !after_preposition(text, groups.front().span.begin, sentence.begin)) {
      return groups.front().actors;
    }
    return {};
  }
  if (opens_with_pronoun) return resolve(opening->at, opening->word, {});
  if (!groups.empty() && groups.front().span.end <= anchor->begin) return groups.front().actors;
  return {};
}

// Roles of a line: who crosses it (or stays short of it), and whose line it is.
void SentenceClaim::line_roles() {
  // The one crossing (or not) is the subject; whoever drew the line is named elsewhere.
  claim.targets = subject(6);
  // "Manila's decision to host US missile launchers may have crossed ...": the owner of
  // the subject crosses, not an actor inside it.
  std::size_t subject_begin = anchor_clause_begin_of(anchor->begin);
  while (subject_begin < anchor->begin && text[subject_begin] == ' ') ++subject_begin;
  for (const ActorGroup& g : groups) {
    const std::string_view rest = text.substr(g.span.end, 4);
    if (g.span.begin == subject_begin && g.span.end < anchor->begin &&
        (rest.rfind("\xE2\x80\x99s ", 0) == 0 || rest.rfind("'s ", 0) == 0)) {
      claim.targets = g.actors;
    }
  }
  // "Beijing said it had crossed a red line": who says so drew the line, and "it" is
  // someone else.
  for (const ActorGroup& g : groups) {
    if (g.span.end >= anchor->begin || text.substr(g.span.end, 6) != " said " || g.actors != claim.targets) continue;
    if (const auto reference = find_reference(g.span.end, anchor->begin)) {
      claim.targets = resolve(reference->at, reference->word, g.actors);
    }
  }
  // "the joint drills of Washington and Seoul had crossed": the crossers inside the subject.
  if (const ActorGroup* g = near_before(6); g && claim.targets.empty() == false && g->actors != claim.targets &&
                                       text.substr(g->span.begin >= 3 ? g->span.begin - 3 : 0, 3) == "of ") {
    claim.targets = g->actors;
  }
  // "the point of no return for Seoul"
  const std::size_t for_at = text.substr(0, sentence.end).find(" for ", claim.cues.back().end);
  if (claim.targets.empty() && for_at != std::string_view::npos) {
    for (const ActorGroup& g : groups) {
      if (g.span.begin == for_at + 5) claim.targets = g.actors;
    }
  }
  // "no red line has been crossed by Tokyo"
  const std::size_t by = text.substr(0, sentence.end).find(" by ", anchor->begin);
  if (claim.targets.empty() && by != std::string_view::npos) {
    for (const ActorGroup& g : groups) {
      if (g.span.begin == by + 4) claim.targets = g.actors;
    }
  }
  // Whoever drew the line: the sentence's subject when it is not the one crossing
  // ("Beijing and Moscow ... suggesting that it could stay short"), the subject of the
  // main clause after a condition, or an actor introducing a clause after the line
  // ("the threshold that Chinese and Russians had indicated", "but Russia should").
  const std::size_t condition_end =
      condition != nullptr ? clause_end(text, condition->span.end, sentence.end) : sentence.begin;
  const ActorGroup* main_subject = nullptr;  // the first actor after the condition's clause
  for (const ActorGroup& g : groups) {
    if (condition != nullptr && g.span.begin >= condition_end && !without(g.actors, claim.targets).empty()) {
      main_subject = &g;
      break;
    }
  }
  const std::size_t anchor_clause_end = clause_end(text, anchor->end, sentence.end);
  for (const ActorGroup& g : groups) {
    const bool first = &g == &groups.front() && g.span.end <= anchor->begin &&
                       words_between(text, sentence.begin, g.span.begin) <= 3 &&
                       !after_preposition(text, g.span.begin, sentence.begin);
    const bool after_condition = &g == main_subject;
    // "Washington’s red line": the line's owner.
    const std::string_view rest = text.substr(g.span.end, std::min<std::size_t>(8, sentence.end - g.span.end));
    const bool owner = g.span.end <= claim.cues.back().end &&
                       (rest.rfind("\xE2\x80\x99s ", 0) == 0 || rest.rfind("'s ", 0) == 0) &&
                       words_between(text, g.span.end, claim.cues.back().begin) <= 3;
    // "..., a Kremlin spokesman told reporters": a speaker after the claim's clause;
    // "Kim Jong-un said the drills had crossed ...": a speaker before "said".
    const bool speaker = g.span.begin > anchor_clause_end ||
                         (g.span.end < anchor->begin && text.substr(g.span.end, 6) == " said ");
    // "the threshold Beijing set in 2017": the actor right after the line.
    const bool right_after_line = g.span.begin >= claim.cues.back().end &&
                                  words_between(text, claim.cues.back().end, g.span.begin) <= 1 &&
                                  !after_preposition(text, g.span.begin, sentence.begin);
    bool introduces_clause = false;
    if (g.span.begin > anchor->end) {
      std::size_t stop = g.span.begin;
      while (stop > sentence.begin && text[stop - 1] == ' ') --stop;
      for (std::string_view word : {"that", "which", "by", "but"}) {
        introduces_clause = introduces_clause || (stop >= word.size() && text.substr(stop - word.size(), word.size()) == word);
      }
    }
    if (!first && !after_condition && !introduces_clause && !owner && !speaker && !right_after_line) continue;
    for (std::size_t a : without(g.actors, claim.targets)) {
      if (std::find(claim.warners.begin(), claim.warners.end(), a) == claim.warners.end()) claim.warners.push_back(a);
    }
  }
  // "If it crosses this red line, relations will be destroyed, he added": a speaker
  // named by a pronoun after the claim's clause.
  if (claim.warners.empty() && anchor_clause_end < sentence.end) {
    if (const auto speaker = find_reference(anchor_clause_end, sentence.end);
        speaker && (speaker->word == "he" || speaker->word == "she" || speaker->word == "they")) {
      const std::string_view verb = word_at(text, speaker->at + speaker->word.size(), sentence.end);
      if (verb == "added" || verb == "said" || verb == "warned" || verb == "says" || verb == "adds" ||
          verb == "stressed" || verb == "insisted" || verb == "declared") {
        claim.warners = resolve(speaker->at, speaker->word, claim.targets);
      }
    }
  }
}

// Roles of a warning, a threat noun or a set phrase: who warns, and who is warned.
void SentenceClaim::warning_roles() {
if (passive) {
  if (before != nullptr) claim.targets = before->actors;
  for (const ActorGroup& g : groups) {
    if (g.span.begin > anchor->end &&
        text.substr(anchor->end, g.span.begin - anchor->end).find(" by ") != std::string_view::npos) {
      claim.warners = g.actors;
      break;
    }
  }
} else if (kind == ClaimKind::kIdiom && (first_cue == "idiom.price" || first_cue == "idiom.regret")) {
  // "Seoul had to pay a price", "those who bet against China will regret it": the subject
  // is the target; the warner is whoever the sentence or the one before puts forward.
  claim.targets = near_before(8) != nullptr && after_preposition(text, before->span.begin, sentence.begin)
                      ? std::vector<std::size_t>{}  // "those who bet against China will regret it"
                      : subject(8);
  if (const auto reference = find_reference(sentence.begin, anchor->begin)) {
    claim.warners = resolve(reference->at, reference->word, claim.targets);
  }
  if (claim.warners.empty() && !groups.empty()) claim.warners = without(groups.front().actors, claim.targets);
} else {
  // Warn verbs, threat nouns and "teach ... a lesson".
  std::vector<std::size_t> owner;
  std::vector<std::size_t> inside;  // "Moscow’s threats", "teaching Seoul a lesson"
  for (const ActorGroup& g : groups) {
    if (g.span.begin >= anchor->begin && g.span.end <= anchor->end) inside = g.actors;
  }
  if (kind == ClaimKind::kNoun) owner = inside;
  // "South Koreans have heard Pyongyang’s threats", "Seoul faced threats of ... from
  // Beijing": whoever hears, faces or shrugs off the threats is the one threatened.
  const ActorGroup* receiver = nullptr;
  if (kind == ClaimKind::kNoun) {
    const std::vector<CueHit> receives = hits(text, sentence, "receive", Wanted::kFirst);
    if (!receives.empty() && receives.front().span.end <= anchor->begin &&
        words_between(text, receives.front().span.end, anchor->begin) <= 3) {
      for (const ActorGroup& g : groups) {
        if (g.span.end > receives.front().span.begin) break;
        if (!after_preposition(text, g.span.begin, sentence.begin) &&
            words_between(text, g.span.end, receives.front().span.begin) <= 3) {
          receiver = &g;
        }
      }
    }
  }
  const auto object_reference = find_reference(anchor->end, std::min(sentence.end, anchor->end + 24));
  if (!owner.empty()) {
    claim.warners = owner;
  } else if (object_reference && words_between(text, anchor->end, object_reference->at) == 0 &&
             kind == ClaimKind::kWarn && !groups.empty() && groups.front().span.end <= anchor->begin) {
    claim.warners = groups.front().actors;  // "Chinese blamed Seoul ... or warned it"
  } else if (kind == ClaimKind::kNoun && anchor->of(text).find_first_of("’'") == std::string_view::npos &&
             find_reference(anchor->begin, anchor->begin + 6)) {
    // "its threats aimed at Seoul": the subject of the sentence before the possessive.
    const ActorGroup* pick = nullptr;
    for (const ActorGroup& g : groups) {
      if (g.span.end > anchor->begin) break;
      const std::string_view next = word_at(text, g.span.end, sentence.end);
      if (!pick || next == "was" || next == "is" || next == "has" || next == "had" || next == "have" ||
          next == "were" || next == "will" || next == "would" || next == "appears") {
        pick = &g;
      }
    }
    if (pick != nullptr) claim.warners = pick->actors;
    else claim.warners = resolve(anchor->begin, "its", {});
  } else {
    claim.warners = subject(kind == ClaimKind::kNoun ? 3 : 8);
  }
  if (receiver != nullptr) {
    claim.warners = without(claim.warners, receiver->actors);
    if (claim.warners.empty()) {  // "... threats of economic retaliation from Beijing"
      const std::size_t from = text.substr(0, anchor_clause_end_of(anchor->end)).find(" from ", anchor->end);
      for (const ActorGroup& g : groups) {
        if (from != std::string_view::npos && g.span.begin == from + 6) claim.warners = g.actors;
      }
    }
    claim.targets = without(receiver->actors, claim.warners);
  }
  if (kind == ClaimKind::kIdiom) claim.targets = without(inside, claim.warners);
  if (const ActorGroup* g = near_after(4); g && claim.targets.empty()) claim.targets = without(g->actors, claim.warners);
  if (claim.targets.empty()) {  // "threatened a nuclear strike against the United States"
    const std::size_t against = text.substr(0, anchor_clause_end_of(anchor->end)).find(" against ", anchor->end);
    for (const ActorGroup& g : groups) {
      if (against != std::string_view::npos && g.span.begin > against &&
          words_between(text, against + 9, g.span.begin) <= 2) {
        claim.targets = without(g.actors, claim.warners);
        break;
      }
    }
  }
  if (claim.targets.empty() && object_reference) {
    claim.targets = resolve(object_reference->at, object_reference->word, claim.warners);
  }
  // An actor before the verb that is not its subject: "Blaming ... Seoul and Tokyo,
  // Chinese ... warned", "summoned the Japanese ambassador and threatened to ...". Not
  // for a warning that something is so ("criticizes the US mentality and warns that
  // history has proven ..."), which names no one it warns.
  const std::string_view opening_word = word_at(text, sentence.begin, sentence.end);
  const bool opening_participle = opening_word.size() > 4 && opening_word.substr(opening_word.size() - 3) == "ing";
  if (claim.targets.empty() && kind == ClaimKind::kWarn && (opening_participle || threaten)) {
    for (const ActorGroup& g : groups) {
      if (g.span.end <= anchor->begin && !after_preposition(text, g.span.begin, sentence.begin)) {
        for (std::size_t a : without(g.actors, claim.warners)) {
          if (std::find(claim.targets.begin(), claim.targets.end(), a) == claim.targets.end()) claim.targets.push_back(a);
        }
      }
    }
  }
}
}

bool SentenceClaim::find_roles() {
  // Roles.
  for (const ActorGroup& g : groups) {
    if (g.span.end <= anchor->begin) before = &g;
    if (after == nullptr && g.span.begin >= anchor->end) after = &g;
  }
  static constexpr std::string_view kAuxiliaries[] = {"was ", "were ", "been ", "being ", "is ", "are ", "be "};
  passive = kind == ClaimKind::kWarn &&
                       std::any_of(std::begin(kAuxiliaries), std::end(kAuxiliaries), [&](std::string_view aux) {
                         return anchor->begin >= sentence.begin + aux.size() &&
                                text.substr(anchor->begin - aux.size(), aux.size()) == aux;
                       });
  first_cue = claim.cue_rules.front();
  if (kind == ClaimKind::kLine) {
    line_roles();
  } else {
    warning_roles();
  }
  if (kind != ClaimKind::kLine && claim.warners.empty() && claim.targets.empty()) return false;  // "warned about the weather"
  // "If Tokyo sends troops to Taiwan, China will respond with force": the one warned is
  // the subject of the condition.
  if (claim.targets.empty() && claim.trigger && kind != ClaimKind::kLine) {
    for (const ActorGroup& g : groups) {
      if (claim.trigger->contains(g.span)) {
        claim.targets = without(g.actors, claim.warners);
        break;
      }
    }
  }

  return true;
}

bool SentenceClaim::find_trigger() {


  // Trigger: what would cross the line.
  if (!claim.trigger && kind != ClaimKind::kLine) {
    for (const CueHit& marker : hits(text, sentence, "trigger_marker")) {
      if (marker.span.begin < anchor->end || marker.cue->id == "trigger.if") continue;
      const std::size_t start = marker.span.begin + marker.span.of(text).find(' ') + 1;
      claim.trigger = trim_span(text, Span{start, clause_end(text, start, sentence.end)});
      break;
    }
    // "warned Japan that deploying US missiles would prompt countermeasures": the
    // that-clause's subject is the trigger and what follows its modal the consequence.
    const std::size_t that = text.substr(0, sentence.end).find(" that ", anchor->end);
    // "threatens action against South Korea, but that is mostly limited to ...": after a
    // conjunction, "that" opens a clause of its own instead of saying what was warned.
    const std::string_view before_that = that != std::string_view::npos ? word_before(text, that, sentence.begin)
                                                                        : std::string_view();
    const bool demonstrative = before_that == "but" || before_that == "and" || before_that == "yet" ||
                               before_that == "so" || before_that == "or";
    // "threatened consequences that would be severe": a relative clause on the noun
    // before it, not what was warned.
    const std::string_view after_that = that != std::string_view::npos ? word_at(text, that + 6, sentence.end)
                                                                       : std::string_view();
    const bool relative = is_modal(after_that) || after_that == "is" || after_that == "are";
    // "heard its threats so often that they barely register": "so ... that" says what
    // came of the threats, not what they were about.
    const bool result = that != std::string_view::npos &&
                        (text.substr(anchor->end, that - anchor->end + 1).find(" so ") != std::string_view::npos ||
                         text.substr(anchor->end, that - anchor->end + 1).find(" such ") != std::string_view::npos);
    if (!claim.trigger && that != std::string_view::npos && !demonstrative && !relative && !result &&
        words_between(text, anchor->end, that) <= 6) {
      const std::size_t clause_stop = clause_end(text, that + 6, sentence.end);
      auto [modal, modal_length] = earliest_of(text, {" would ", " will ", " could ", " might "}, that + 6, clause_stop);
      std::size_t start = that + 6;
      for (std::string_view obligation : {" should not ", " must not ", " should ", " must "}) {
        const std::size_t at = text.substr(0, clause_stop).find(obligation, that + 6);
        if (at != std::string_view::npos && words_between(text, that + 6, at) <= 1) {
          start = at + obligation.size();  // "that it should not join the alliance"
          modal = std::string_view::npos;
          break;
        }
      }
      const std::size_t stop = modal != std::string_view::npos ? modal : clause_stop;
      const std::string_view first = word_at(text, start, sentence.end);
      const bool pronoun = first == "it" || first == "they" || first == "he" || first == "she";
      // "warned that Japan would pay a price": an actor as the subject is the one warned.
      const Span candidate = trim_span(text, Span{start, stop});
      bool just_an_actor = false;
      for (const ActorGroup& g : groups) {
        if (g.span.begin <= candidate.begin && candidate.end <= g.span.end) {
          just_an_actor = true;
          if (claim.targets.empty()) claim.targets = without(g.actors, claim.warners);
        }
      }
      if (stop > start && !just_an_actor && !(pronoun && modal != std::string_view::npos)) claim.trigger = candidate;
      if (modal != std::string_view::npos) {
        claim.consequence = past_crossing(after_modal(modal, modal_length, clause_stop), clause_stop);
      }
    }
  }
  if (kind == ClaimKind::kLine) {
    // "Moscow’s red line on lethal arms": what the line is about is what would cross it.
    const Span& line_cue = claim.cues.back();
    if (text.substr(line_cue.end, 4) == " on ") {
      const Span about = trim_span(text, Span{line_cue.end + 4, clause_end(text, line_cue.end + 4, sentence.end)});
      if (claim.trigger && claim.status == "conditional" && claim.trigger->end <= line_cue.end) {
        claim.trigger = Span{claim.trigger->begin, about.end};
      } else if (!claim.trigger) {
        claim.trigger = about;
      }
    }
    // "By sending tanks to Ukraine, Berlin crossed a line": the fronted means.
    if (!claim.trigger && text.substr(sentence.begin, 3) == "By ") {
      claim.trigger = trim_span(text, Span{sentence.begin + 3, clause_end(text, sentence.begin + 3, sentence.end)});
    }
  }
  if (!claim.trigger && kind == ClaimKind::kLine && (claim.status == "crossed" || claim.status == "not_crossed")) {
    // "crossed a red line by flying drones over the capital", "... when it allowed ...",
    // "edging closer to Moscow's red line with every new sanctions package"
    for (std::string_view marker : {" by ", " when ", " with "}) {
      const std::size_t at = text.substr(0, sentence.end).find(marker, claim.cues.back().end);
      if (at != std::string_view::npos && at < clause_end(text, claim.cues.back().end, sentence.end) + 1) {
        claim.trigger = trim_span(text, Span{at + marker.size(), clause_end(text, at + marker.size(), sentence.end)});
        break;
      }
    }
  }
  if (!claim.trigger && kind == ClaimKind::kLine && (claim.status == "crossed" || hypothetical_crossing)) {
    // "North Korea’s satellite launch may have crossed ...", "the joint drills of
    // Washington and Seoul had crossed ...": a subject that is not just an actor.
    std::size_t start = anchor_clause_begin_of(anchor->begin);
    // Searched back within the clause only: back through the whole text, every crossed
    // line would cost time in proportion to the document.
    const std::string_view clause = text.substr(start, anchor->begin - start);
    if (const std::size_t that = clause.rfind(" that "); that != std::string_view::npos) start += that + 6;
    const std::string_view after_that = text.substr(start, anchor->begin - start);
    if (const std::size_t said = after_that.rfind(" said "); said != std::string_view::npos) start += said + 6;
    Span subject_phrase = trim(text, Span{start, anchor->begin});
    // "But what occurred on August 18 at Camp David crossed ...": past an opening
    // conjunction.
    for (std::string_view conjunction : {"But ", "And ", "Yet ", "So "}) {
      if (subject_phrase.of(text).rfind(conjunction, 0) == 0) subject_phrase.begin += conjunction.size();
    }
    // The subject ends where its verb begins: "the joint drills ... had crossed", "The
    // August 18 summit may be taken as the point of no return".
    subject_phrase.end = verb_group_start(text, subject_phrase);
    for (const ActorGroup& g : groups) {  // drop a leading possessive owner: "North Korea’s"
      if (g.span.begin == subject_phrase.begin) {
        const std::string_view rest = text.substr(g.span.end, 4);
        if (rest.rfind("\xE2\x80\x99s", 0) == 0 || rest.rfind("'s", 0) == 0) {
          subject_phrase.begin = g.span.end + (rest[0] == '\'' ? 2 : 4);
        } else if (g.span.end >= subject_phrase.end) {
          subject_phrase.begin = subject_phrase.end;  // the subject is just the actor
        }
      }
    }
    subject_phrase = trim_span(text, subject_phrase);
    // A noun phrase ("the joint drills of ...", "satellite launch"), not an actor with an
    // adverb ("Perhaps Tokyo has already").
    const std::string_view phrase = subject_phrase.of(text);
    const std::string_view first_word = phrase.substr(0, phrase.find(' '));
    const bool gerund = first_word.size() > 4 && first_word.substr(first_word.size() - 3) == "ing";  // "Sending warships"
    const bool noun_phrase = !phrase.empty() && (std::islower(static_cast<unsigned char>(phrase[0])) || gerund ||
                                                 phrase.rfind("The ", 0) == 0 || phrase.rfind("A ", 0) == 0);
    if (noun_phrase && words_between(text, subject_phrase.begin, subject_phrase.end) >= 2) claim.trigger = subject_phrase;
    // "Expanding the alliance ... and linking up with Tokyo, Seoul is crossing a line": an
    // opening participle clause says what crosses it when the subject is just the actor.
    const std::string_view opening = word_at(text, sentence.begin, sentence.end);
    const std::size_t comma = text.substr(0, anchor->begin).find(',', sentence.begin);
    if (!claim.trigger && opening.size() > 4 && opening.substr(opening.size() - 3) == "ing" &&
        comma != std::string_view::npos && comma < anchor->begin) {
      claim.trigger = trim_span(text, Span{sentence.begin, comma});
    }
  }
  if (!claim.trigger && kind == ClaimKind::kLine && claim.status == "crossed") {
    Span all = claim.cues.front();
    for (const Span& cue : claim.cues) all = Span{std::min(all.begin, cue.begin), std::max(all.end, cue.end)};
    claim.trigger = all;
  }

  return true;
}

// Under a condition, the main clause's verb phrase after its modal.
void SentenceClaim::conditional_consequence() {
  // "If Seoul crosses Moscow's red line on lethal arms, Russia may well sever ties with
  // it", "If Seoul sends shells, Russia will recall its ambassador, the Kremlin warned":
  // the main clause's verb phrase after its modal.
  if (condition == nullptr) return;
  if (kind != ClaimKind::kLine && (kind != ClaimKind::kWarn || condition->span.begin >= anchor->begin)) return;
  const std::size_t main_clause = clause_end(text, condition->span.end, sentence.end);
  const std::initializer_list<std::string_view> modals = {" would ", " will ", " may well ", " may ", " might ", " could "};
  auto [modal, modal_length] = earliest_of(text, modals, main_clause, sentence.end);
  std::size_t stop = modal != std::string_view::npos ? clause_end(text, modal + modal_length, sentence.end) : 0;
  if (modal == std::string_view::npos) {
    // "Seoul would lose its investments in Russia if it crossed a red line": the main
    // clause comes first, its last modal before the condition.
    const std::size_t clause_begin = anchor_clause_begin_of(condition->span.begin);
    for (std::size_t from = clause_begin;;) {
      const auto [at, length] = earliest_of(text, modals, from, condition->span.begin);
      if (at == std::string_view::npos) break;
      modal = at;
      modal_length = length;
      from = at + 1;
    }
    stop = condition->span.begin;
  }
  if (modal != std::string_view::npos) {
    // A bare verb says nothing of what would follow ("there is much Russia could do").
    std::optional<Span> phrase = after_modal(modal, modal_length, stop);
    // "relations will be destroyed": a passive says what befalls its subject, which is
    // part of the consequence unless it is an actor.
    if (phrase && modal > main_clause && word_at(text, modal + modal_length, sentence.end) == "be") {
      std::size_t subject_begin = main_clause;
      while (subject_begin < modal && (text[subject_begin] == ',' || text[subject_begin] == ' ')) ++subject_begin;
      const Span subject_words = trim_span(text, Span{subject_begin, modal});
      const bool actor = std::any_of(groups.begin(), groups.end(), [&](const ActorGroup& g) {
        return g.span.begin < subject_words.end && subject_words.begin < g.span.end;
      });
      if (!actor && !subject_words.empty() && words_between(text, subject_words.begin, subject_words.end) <= 3) {
        phrase = Span{subject_words.begin, phrase->end};
      }
    }
    if (phrase && words_between(text, phrase->begin, phrase->end) >= 2) claim.consequence = phrase;
  }
}

bool SentenceClaim::find_consequence() {
  // Consequence: the infinitive or object of "threatened" ("threatened to cut off
  // electricity to Iraq", "threatened a nuclear strike"), else a consequence word after the
  // anchor, else one before it ("Russia could nationalize ..., Moscow warned").
  std::string_view after_anchor = text.substr(anchor->end, sentence.end - anchor->end);
  // "threatened on Monday to sanction ...": time words may stand before the infinitive.
  std::size_t infinitive = std::string_view::npos;
  for (std::string_view filler_to : {" to ", " today to ", " again to ", " repeatedly to ", " publicly to ",
                                     " on Monday to ", " on Tuesday to ", " on Wednesday to ", " on Thursday to ",
                                     " on Friday to ", " on Saturday to ", " on Sunday to ", " this week to ",
                                     " last week to ", " yesterday to ", " once more to "}) {
    if (after_anchor.substr(0, filler_to.size()) == filler_to) infinitive = anchor->end + filler_to.size();
  }
  const auto consequence_end = [&](std::size_t start) { return annotate::consequence_end(text, start, sentence.end); };
  // "Seoul has been threatened by Moscow with the nationalization of ...": what follows
  // "with", past the one threatening.
  const std::size_t passive_with =
      passive && threaten ? text.substr(0, clause_end(text, anchor->end, sentence.end)).find(" with ", anchor->end)
                          : std::string_view::npos;
  // "China's warning to Seoul": "to" before an actor names the one warned, no infinitive;
  // nor does "to" before a noun phrase ("Pyongyang's threats to regional peace").
  if (infinitive != std::string_view::npos &&
      std::any_of(groups.begin(), groups.end(), [&](const ActorGroup& g) { return g.span.begin == infinitive; })) {
    infinitive = std::string_view::npos;
  }
  if (infinitive != std::string_view::npos) {
    const std::string_view next = word_at(text, infinitive, sentence.end);
    for (std::string_view noun_start : {"the", "a", "an", "its", "their", "his", "her", "our", "regional", "global",
                                        "international", "national", "world", "peace", "security", "stability"}) {
      if (next == noun_start) infinitive = std::string_view::npos;
    }
  }
  // "Beijing has said it will use force if ...": an anchor that ends in a modal leaves the
  // verb phrase after it as the consequence.
  if (is_modal(word_before(text, anchor->end, anchor->begin))) {
    claim.consequence = after_modal(anchor->end, 1, consequence_end(anchor->end));
  } else if ((kind == ClaimKind::kWarn || kind == ClaimKind::kNoun) && infinitive != std::string_view::npos) {
    // "threatened to ...", "vowed to ...", "Beijing's threats to halt ..."; after a noun the
    // phrase ends where the sentence's verb begins ("Moscow's threats to nationalize ...
    // are real").
    std::size_t stop = consequence_end(infinitive);
    if (kind == ClaimKind::kNoun) {
      stop = verb_group_start(text, Span{infinitive, stop});
      // Main verbs an auxiliary does not announce: "... to Japan drew little reaction".
      for (std::string_view verb : {" drew ", " went ", " came ", " grew ", " became ", " proved ", " seem ", " seemed ",
                                    " seems ", " appear ", " appeared ", " appears ", " remain ", " remained ",
                                    " remains ", " met ", " fell ", " failed ", " prompted ", " sparked "}) {
        stop = std::min(stop, std::min(text.substr(0, stop).find(verb, infinitive), stop));
      }
    }
    claim.consequence = trim_span(text, Span{infinitive, stop});
  } else if (passive_with != std::string_view::npos) {
    claim.consequence = trim_span(text, Span{passive_with + 6, consequence_end(passive_with + 6)});
  } else if (threaten && !after_anchor.empty() && near_after(0) == nullptr) {
    std::size_t stop = clause_end(text, anchor->end, sentence.end);
    for (std::string_view preposition : {" against ", " on ", " over ", " with ", " if ", " unless ", " for "}) {
      stop = std::min(stop, std::min(text.substr(0, stop).find(preposition, anchor->end), stop));
    }
    claim.consequence = trim_span(text, Span{anchor->end, stop});
  }
  if (!claim.consequence && kind == ClaimKind::kWarn) {
    // "warned Manila of serious consequences over ...", "threatened China with tariffs":
    // what the warning was of, right after the one warned.
    const std::size_t target_end = near_after(2) != nullptr ? near_after(2)->span.end : anchor->end;
    std::size_t of = text.substr(0, consequence_end(anchor->end) + 1).find(threaten ? " with " : " of ", target_end);
    if (of != std::string_view::npos && words_between(text, target_end, of) <= 1) {
      of += threaten ? 2 : 0;  // " with " is two bytes longer than " of "
      const Span phrase = trim_span(text, Span{of + 4, consequence_end(of + 4)});
      if (!phrase.empty() && phrase.size() < 80) claim.consequence = phrase;
    }
  }
  if (!claim.consequence && kind == ClaimKind::kWarn) {
    // "warned Seoul ... that it would sever ties if ...": the modal's phrase; after a
    // parenthetical "..., Moscow warned, it would respond militarily", the next clause's.
    std::size_t from = anchor->end;
    std::size_t stop = clause_end(text, from, sentence.end);
    if (stop == from && stop < sentence.end && text[stop] == ',') {
      from = stop + 1;
      stop = clause_end(text, from, sentence.end);
    }
    for (std::string_view word : {" would ", " will "}) {
      const std::size_t at = text.substr(0, stop).find(word, from);
      if (at == std::string_view::npos) continue;
      std::size_t end = stop;
      for (std::string_view marker : {" if ", " unless ", " should "}) {
        end = std::min(end, std::min(text.substr(0, end).find(marker, at), end));
      }
      claim.consequence = past_crossing(after_modal(at, word.size(), end), end);
      break;
    }
  }
  if (!claim.consequence) conditional_consequence();
  if (!claim.consequence) {
    const std::vector<CueHit> consequences = hits(text, sentence, "consequence");
    for (int pass = 0; pass < 2 && !claim.consequence; ++pass) {
      for (const CueHit& c : consequences) {
        const bool follows = c.span.begin >= anchor->end || kind == ClaimKind::kLine;
        if (follows != (pass == 0)) continue;
        if (claim.trigger && claim.trigger->contains(c.span)) continue;
        claim.consequence = trim_span(text, c.span);
        break;
      }
    }
  }
  // "warned it not only of deteriorating relations but also of what China might do":
  // what the one warned is warned of, when no consequence cue names it.
  if (!claim.consequence && kind == ClaimKind::kWarn) {
    const std::size_t stop = clause_end(text, anchor->end, sentence.end);
    const std::size_t of = text.substr(0, stop).find(" of ", anchor->end);
    if (of != std::string_view::npos) {
      std::size_t at = anchor->end;
      for (const ActorGroup& g : groups) {  // the one warned
        if (g.span.begin >= at && words_between(text, at, g.span.begin) == 0 && g.span.end <= of) at = g.span.end;
      }
      std::string_view between = trim_span(text, Span{at, of}).of(text);
      for (std::string_view word : {"it", "them", "him", "her", "us", "not only"}) {
        if (between.rfind(word, 0) == 0 && (between.size() == word.size() || between[word.size()] == ' ')) {
          between.remove_prefix(std::min(between.size(), word.size() + 1));
        }
      }
      if (between.empty() || between == "not only") {
        const Span phrase = trim_span(text, Span{of + 4, stop});
        if (!phrase.empty()) claim.consequence = phrase;
      }
    }
  }
  if (kind == ClaimKind::kIdiom && (first_cue == "idiom.retaliate" || !claim.consequence)) {
    // "will respond with force": the phrase without its modal is the consequence.
    Span phrase = *anchor;
    const std::size_t space = text.substr(0, anchor->end).find(' ', anchor->begin);
    if (first_cue == "idiom.retaliate" && space != std::string_view::npos) phrase.begin = space + 1;
    claim.consequence = phrase;
  }
  return true;
}

bool SentenceClaim::settle_trigger_and_targets() {
  // "threatened to seize the assets of Western companies that leave Russia", "visa bans on
  // officials who visit Taipei", "contractors involved in arms sales to Taiwan", "drones
  // flying over its positions": what the threatened ones do is the trigger, and the
  // consequence stops before it (also when the "that" was read as the warning's own).
  if (kind != ClaimKind::kLine && claim.consequence && (!claim.trigger || claim.consequence->contains(*claim.trigger))) {
    const std::size_t base = claim.consequence->begin;
    const std::string_view region = text.substr(base, clause_end(text, base, sentence.end) - base);
    std::size_t cut = std::string_view::npos;
    std::size_t trigger_at = 0;
    for (std::string_view marker : {" that ", " who ", " which ", " involved in "}) {
      const std::size_t at = region.find(marker);
      // "consequences that would be severe" describes the consequence, not a trigger.
      const std::string_view verb = at != std::string_view::npos ? word_at(region, at + marker.size(), region.size())
                                                                 : std::string_view();
      if (is_modal(verb) || verb == "is" || verb == "are" || verb == "was" || verb == "were") {
        continue;
      }
      // "threats of annihilation so often that they barely register": a result, no trigger.
      if (at != std::string_view::npos && marker == " that " &&
          (region.substr(0, at + 1).find(" so ") != std::string_view::npos ||
           region.substr(0, at + 1).find(" such ") != std::string_view::npos)) {
        continue;
      }
      if (at != std::string_view::npos && at < cut) {
        cut = at;
        trigger_at = at + marker.size();
      }
    }
    // A plural noun, then a participle with a place after it: "drones flying over".
    for (std::size_t at = region.find("s "); at != std::string_view::npos && at < cut; at = region.find("s ", at + 1)) {
      const std::size_t verb = at + 2;
      const std::size_t verb_end = std::min(region.find(' ', verb), region.size());
      const std::string_view participle = region.substr(verb, verb_end - verb);
      const std::string_view next = region.substr(std::min(verb_end + 1, region.size()));
      if (participle.size() > 4 && participle.substr(participle.size() - 3) == "ing" &&
          (next.rfind("over ", 0) == 0 || next.rfind("into ", 0) == 0 || next.rfind("near ", 0) == 0 ||
           next.rfind("across ", 0) == 0 || next.rfind("through ", 0) == 0)) {
        cut = at + 1;
        trigger_at = verb;
        break;
      }
    }
    // Inside the consequence, or a few words after it ("visa bans on Lithuanian officials
    // who ...").
    const bool near = cut != std::string_view::npos &&
                      (base + cut < claim.consequence->end || words_between(text, claim.consequence->end, base + cut) <= 4);
    if (near && trigger_at < region.size()) {
      const Span trigger = trim_span(text, Span{base + trigger_at, base + region.size()});
      const Span consequence = trim_span(text, Span{base, std::min(base + cut, claim.consequence->end)});
      if (!trigger.empty() && !consequence.empty()) {
        claim.trigger = trigger;
        claim.consequence = consequence;
      }
    }
  }
  // "vowed to retaliate with overwhelming force against any South Korean drone
  // incursion": an act after "against" is the trigger (an actor there is the target).
  if (!claim.trigger && kind != ClaimKind::kLine) {
    const std::size_t from = claim.consequence ? std::max(claim.consequence->end, anchor->end) : anchor->end;
    const std::size_t stop = clause_end(text, from, sentence.end);
    const std::size_t at = text.substr(0, stop).find(" against ", from);
    if (at != std::string_view::npos) {
      const Span phrase = trim_span(text, Span{at + 9, stop});
      const bool ends_in_actor = std::any_of(groups.begin(), groups.end(), [&](const ActorGroup& g) {
        return g.span.end >= phrase.end && g.span.begin < phrase.end;
      });
      if (!phrase.empty() && !ends_in_actor) claim.trigger = phrase;
    }
  }
  // News style: "threatened ... over unpaid gas bills", "... after the Speaker's visit".
  if (!claim.trigger && kind != ClaimKind::kLine) {
    const std::size_t from = claim.consequence ? std::max(claim.consequence->end, anchor->end) : anchor->end;
    auto [best, length] =
        earliest_of(text, {" over ", " after ", " as ", " because of ", " in response to ", " for "}, from, sentence.end);
    // "as credible as the ones it receives" compares; it gives no reason.
    if (best != std::string_view::npos && length == 4 && word_before(text, best, sentence.begin) != "as" &&
        text.substr(best + 4 + word_at(text, best + 4, sentence.end).size(), 4) == " as ") {
      best = std::string_view::npos;
    }
    if (best != std::string_view::npos && best < clause_end(text, from, sentence.end)) {
      claim.trigger = trim_span(text, Span{best + length, clause_end(text, best + length, sentence.end)});
    }
  }
  // "South Korea would regret joining a bloc aimed at China": what one would regret doing.
  if (!claim.trigger && kind == ClaimKind::kIdiom && first_cue == "idiom.regret") {
    const std::string_view next = word_at(text, anchor->end, sentence.end);
    if (next.size() > 4 && next.substr(next.size() - 3) == "ing") {
      const std::size_t start = text.substr(0, sentence.end).find(next, anchor->end);
      claim.trigger = trim_span(text, Span{start, clause_end(text, start, sentence.end)});
    }
  }
  // "any provocation by the United States would be answered ...": who would act.
  if (claim.targets.empty() && claim.trigger) {
    const std::size_t by = claim.trigger->of(text).find(" by ");
    for (const ActorGroup& g : groups) {
      if (by == std::string_view::npos || !claim.trigger->contains(g.span)) continue;
      const std::size_t after_by = claim.trigger->begin + by + 4;
      if (g.span.begin == after_by || (g.span.begin == after_by + 4 && text.substr(after_by, 4) == "the ")) {
        claim.targets = without(g.actors, claim.warners);
      }
    }
  }
  // "threatened to cut off electricity to Iraq": the one threatened is in the consequence.
  if (claim.targets.empty() && claim.consequence) {
    for (const ActorGroup& g : groups) {
      if (claim.consequence->contains(g.span)) {
        claim.targets = without(g.actors, claim.warners);
        break;
      }
    }
  }
  if (kind == ClaimKind::kNoun && !claim.consequence) {
    const std::string_view noun = anchor->of(text);
    const std::size_t to = noun.rfind(" to");
    if (to != std::string_view::npos && to + 3 == noun.size()) {
      claim.consequence = trim_span(text, Span{anchor->end + 1, clause_end(text, anchor->end, sentence.end)});
    }
  }
  if (claim.consequence && claim.consequence->empty()) claim.consequence.reset();
  if (claim.trigger && claim.trigger->empty()) claim.trigger.reset();

  // "avoided crossing the line that would invite Chinese economic retaliation": whoever
  // would retaliate drew the line.
  if (kind == ClaimKind::kLine && claim.consequence) {
    for (const ActorGroup& g : groups) {
      // Inside it, or the word just before it ("Chinese economic retaliation").
      const bool adjacent = g.span.end < claim.consequence->begin && words_between(text, g.span.end, claim.consequence->begin) == 0;
      if (!claim.consequence->contains(g.span) && !adjacent) continue;
      for (std::size_t a : without(g.actors, claim.targets)) {
        if (std::find(claim.warners.begin(), claim.warners.end(), a) == claim.warners.end()) claim.warners.push_back(a);
      }
    }
  }
  return true;
}

bool SentenceClaim::finish() {
  // "their dire warnings ahead of the summit" names no one warned and nothing threatened;
  // "Cyber threats to Japanese utilities" names no one threatening.
  const bool aimed = anchor->of(text).find("against") != std::string_view::npos ||
                     anchor->of(text).find("aimed") != std::string_view::npos;
  if (kind == ClaimKind::kNoun && ((claim.targets.empty() && !claim.consequence && !aimed) || claim.warners.empty())) return false;
  // "South Korean voters will punish him" (President Yoon): warners and targets of one
  // state are domestic politics, not a line drawn between states.
  if (!claim.warners.empty() && !claim.targets.empty() && !state_of(claim.warners.front()).empty()) {
    const std::string_view state = state_of(claim.warners.front());
    const auto same = [&](std::size_t a) { return state_of(a) == state; };
    if (std::all_of(claim.warners.begin(), claim.warners.end(), same) &&
        std::all_of(claim.targets.begin(), claim.targets.end(), same)) {
      return false;
    }
  }
  // Which cues occur in the consequence, from one pass of the cue set: the warning check
  // and the CAMEO code below both read it.
  const RedlineCues::Presence cues_in_consequence =
      claim.consequence ? cues.present_in(claim.consequence->of(text)) : cues.none_present();
  // "Officials in Tokyo warned about the weather": nobody warned, nothing threatened;
  // "Economists in Seoul warned that growth would slow": no one warned, and what would
  // follow is no measure anyone takes (no consequence or CAMEO cue in it). A threat
  // ("threatened to expel journalists who ...") is one whatever it threatens.
  const auto threat_like = [&] {
    for (std::size_t c = 0; c < cues.size(); ++c) {
      const std::string& cue_kind = cues[c].kind;
      if (cues_in_consequence[c] && (cue_kind == "consequence" || cue_kind.rfind("cameo_", 0) == 0)) return true;
    }
    return false;
  };
  if (kind == ClaimKind::kWarn && claim.targets.empty() && (!claim.consequence || (!threaten && !threat_like()))) {
    return false;
  }
  // What the anchor cue asks for (data/redline_cues.tsv, CueNeeds): "Seoul said it would
  // resume talks if Pyongyang agreed" is no threat, nor is "vowed to deepen cooperation".
  if (anchor_needs == CueNeeds::kCondition && (condition == nullptr || !claim.consequence || !threat_like())) {
    return false;
  }
  if (anchor_needs == CueNeeds::kThreat && !hypothetical_crossing && (!claim.consequence || !threat_like())) {
    return false;
  }
  // "South Korea's opposition warned the ruling party that it would boycott the vote": no
  // one else in the sentence and nothing a state would do to another is domestic politics.
  // (A threat is one whatever it threatens: "Tehran threatened to seize tankers that ...".)
  if (kind != ClaimKind::kLine && !threaten && claim.targets.empty() && !claim.warners.empty() &&
      !(claim.consequence && threat_like())) {
    const std::string_view state = state_of(claim.warners.front());
    const bool one_state = !state.empty() && std::all_of(groups.begin(), groups.end(), [&](const ActorGroup& g) {
      return std::all_of(g.actors.begin(), g.actors.end(), [&](std::size_t a) { return state_of(a) == state; });
    });
    if (one_state) return false;
  }
  // "Economists warned that Japan's exports would fall", "Indian voters were warned by
  // election officials that polling stations would close": with no actor warning, a
  // warning is a claim only when it names what someone would do to someone.
  if (kind == ClaimKind::kWarn && !threaten && claim.warners.empty() && !(claim.consequence && threat_like())) {
    return false;
  }

  // CAMEO from the consequence (only the cues the set found in it are searched); hedges
  // anywhere in the sentence but the trigger.
  if (claim.consequence) {
    constexpr std::string_view kCameoKinds[] = {"cameo_138", "cameo_1313", "cameo_1312", "cameo_131"};
    for (const std::string_view cameo_kind : kCameoKinds) {
      if (!cues.find(text, *claim.consequence, cameo_kind, &cues_in_consequence, Wanted::kFirst).empty()) {
        claim.cameo = std::string(cameo_kind.substr(std::string_view("cameo_").size()));
        break;
      }
    }
  }
  // A footnote callout glued to the end of a trigger or consequence ("... with
  // Washington.2", "... bound to follow.*") belongs to the sentence, not to the claim.
  const auto without_callout = [&](std::optional<Span>& span) {
    if (!span) return;
    const auto callout = std::lower_bound(doc.callouts.begin(), doc.callouts.end(), span->end,
                                          [](const Callout& c, std::size_t end) { return c.span.end < end; });
    if (callout != doc.callouts.end() && callout->span.end == span->end && callout->span.begin > span->begin) {
      span = trim_span(text, Span{span->begin, callout->span.begin});
    }
  };
  without_callout(claim.trigger);
  without_callout(claim.consequence);
  // A hedge governs the claim when it stands in the anchor's clause or in the consequence
  // ("Russia could nationalize ..., Moscow warned"), not in an aside ("in what may have
  // been its sharpest statement") or in the trigger.
  std::size_t anchor_clause_begin = anchor->begin;
  while (anchor_clause_begin > sentence.begin && text[anchor_clause_begin - 1] != ',' &&
         text[anchor_clause_begin - 1] != ';') {
    --anchor_clause_begin;
  }
  const std::size_t anchor_clause_stop = clause_end(text, anchor->end, sentence.end);
  for (const CueHit& h : hits(text, sentence, "hedge")) {
    if (claim.trigger && claim.trigger->contains(h.span)) continue;
    const bool in_clause = h.span.begin >= anchor_clause_begin && h.span.end <= anchor_clause_stop;
    const bool in_consequence = claim.consequence && h.span.begin + 40 >= claim.consequence->begin &&
                                h.span.end <= claim.consequence->end;
    if (in_clause || in_consequence) claim.modality = "hedged";
  }
  claim.date = sentence_date;
  claim.rule_id = std::string("redline.") + name_of(kind);
  return true;
}

std::optional<RedLine> SentenceClaim::read() {
  if (!find_anchor()) return std::nullopt;
  if (!find_condition() || !find_roles() || !find_trigger() || !find_consequence() || !settle_trigger_and_targets() ||
      !finish()) {
    return std::nullopt;
  }
  return std::move(claim);
}

RedlineTagger RedlineTagger::parse(std::string_view content, const std::string& name) {
  return RedlineTagger(RedlineCues::parse(content, name));
}

RedlineTagger RedlineTagger::load(const std::optional<std::string>& dir) {
  return RedlineTagger(RedlineCues::load(dir));
}

void RedlineTagger::tag(Document& doc, const CueHits* screened) const {
  const std::string_view text = doc.text;
  // The mentions of the last three sentences that named actors, nearest last: their groups
  // are made only for a claim that resolves a reference past its own sentence.
  using MentionRange = EarlierGroups::MentionRange;
  std::vector<MentionRange> recent;
  // Mentions and dates are in text order, so one cursor each walks them with the sentences.
  std::size_t next_mention = 0;
  std::size_t next_date = 0;
  // The sentences where an anchor cue may occur; the cue set below decides.
  const std::vector<bool> may_anchor = screened != nullptr ? std::vector<bool>() : cues_.anchor_flags(doc);
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span sentence = doc.sentences[s].span;
    const ParagraphKind paragraph_kind = doc.paragraphs[doc.sentences[s].paragraph].kind;
    const std::size_t first_mention = next_mention;
    while (next_mention < doc.mentions.size() && doc.mentions[next_mention].sentence == s) ++next_mention;
    std::optional<std::size_t> sentence_date;
    while (next_date < doc.dates.size() && doc.dates[next_date].sentence < s) ++next_date;
    if (next_date < doc.dates.size() && doc.dates[next_date].sentence == s) sentence_date = next_date;
    // Keeps the last three sentences that named actors, on every path, once the sentence is
    // done with them.
    struct Remember {
      std::vector<MentionRange>& recent;
      MentionRange current;
      ~Remember() {
        if (current.first == current.last) return;
        recent.push_back(current);
        if (recent.size() > 3) recent.erase(recent.begin());
      }
    } remember{recent, MentionRange{first_mention, next_mention}};
    if (paragraph_kind != ParagraphKind::kBody) continue;
    if (screened != nullptr ? !screened->any(s) : !may_anchor[s]) continue;
    const RedlineCues::Presence present = cues_.present_in(sentence.of(text));
    bool anchored = false;
    for (std::size_t c = 0; c < cues_.size(); ++c) anchored = anchored || (present[c] && cues_[c].anchor);
    if (!anchored) continue;
    const std::vector<ActorGroup> groups =
        actor_groups(doc, doc.mentions.data() + first_mention, doc.mentions.data() + next_mention);
    const EarlierGroups history(doc, recent);
    if (std::optional<RedLine> claim =
            SentenceClaim(doc, cues_, s, sentence_date, present, groups, history).read()) {
      doc.red_lines.push_back(std::move(*claim));
    }
  }
}

}  // namespace annotate
