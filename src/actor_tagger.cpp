// SPDX-License-Identifier: MIT
// Actor tagging in three passes over the sentences: people named in context cues are
// collected first, so that a later pass in text order can match them together with the
// lexicon, longest match first, and resolve surnames to the full names seen before them;
// regional aliases ("the North") are settled last, once the document's subject is known.
#include "annotate/actor_tagger.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "annotate/data_file.hpp"
#include "annotate/error.hpp"
#include "annotate/person_finder.hpp"
#include "annotate/sentence_search.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

namespace {

constexpr const char* kCuesFile = "actor_cues.tsv";

// ASCII letters and digits, and every byte of a non-ASCII character: a table, since the
// tagger asks it of nearly every byte of the text.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (std::size_t u = 0; u < 256; ++u) {
    table[u] = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
  }
  return table;
}();

bool is_word_byte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

// True at the start of a word: the previous code point is no letter or digit.
bool word_starts_at(std::string_view text, std::size_t i, std::size_t begin) {
  if (!is_word_byte(text[i])) return false;
  if (i == begin) return true;
  const auto previous = static_cast<unsigned char>(text[i - 1]);
  if (previous < 0x80) return !is_word_byte(static_cast<char>(previous));
  std::size_t length = 0;
  const char32_t before = decode_before(text, i, &length);
  if (before < 0x80) return !is_word_byte(static_cast<char>(before));
  return (before >= 0x2000 && before <= 0x206F) || before == 0xA0 || before == 0xAB || before == 0xBB;
}

// The places in text[begin, end) where a word may start, in order: a word byte after a
// byte that is no ASCII letter or digit (or at `begin`). A superset of word_starts_at(),
// which settles the bytes after a non-ASCII character. Found 64 bytes at a time, so that
// the letters inside words and the spaces between them cost no step of their own.
class WordStartCandidates {
 public:
  WordStartCandidates(std::string_view text, std::size_t begin, std::size_t end)
      : text_(text), begin_(begin), end_(end) {}

  /// The first candidate at or after `from`, or `end`.
  std::size_t next(std::size_t from) {
    if (from >= end_) return end_;
    std::size_t block = begin_ + (from - begin_) / 64 * 64;
    if (block != block_) load(block);
    std::uint64_t mask = candidates_ & (~std::uint64_t{0} << (from - block));
    while (mask == 0) {
      block += 64;
      if (block >= end_) return end_;
      load(block);
      mask = candidates_;
    }
    return block + static_cast<std::size_t>(__builtin_ctzll(mask));
  }

 private:
  void load(std::size_t block) {
    std::uint64_t word = 0;   // bit k: text[block + k] is a word byte
    std::uint64_t alnum = 0;  // bit k: an ASCII letter or digit
    const std::size_t count = std::min<std::size_t>(64, end_ - block);
    std::size_t k = 0;
#ifdef __SSE2__
    const auto in_range = [](__m128i bytes, char low, char high) {
      return _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(bytes, _mm_set1_epi8(low)), bytes),
                           _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(high)), bytes));
    };
    // Sixteen at a time while the text (not only the block) has them.
    for (; k + 16 <= 64 && k < count && block + k + 16 <= text_.size(); k += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + block + k));
      const __m128i letters = in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 'z');
      const auto alnum16 = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letters, in_range(bytes, '0', '9'))));
      const auto high16 = static_cast<unsigned>(_mm_movemask_epi8(bytes));  // non-ASCII bytes
      alnum |= std::uint64_t{alnum16} << k;
      word |= std::uint64_t{alnum16 | high16} << k;
    }
#endif
    for (; k < count; ++k) {
      const auto byte = static_cast<unsigned char>(text_[block + k]);
      const bool is_alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
      alnum |= std::uint64_t{is_alnum} << k;
      word |= std::uint64_t{is_alnum || byte >= 0x80} << k;
    }
    const auto alnum_before = [&](std::size_t at) {
      const auto byte = static_cast<unsigned char>(text_[at - 1]);
      return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
    };
    const std::uint64_t previous = (alnum << 1) | (block > begin_ && alnum_before(block) ? 1u : 0u);
    const std::uint64_t in_block = count == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
    candidates_ = word & ~previous & in_block;
    block_ = block;
  }

  std::string_view text_;
  std::size_t begin_;
  std::size_t end_;
  std::size_t block_ = static_cast<std::size_t>(-1);
  std::uint64_t candidates_ = 0;
};

std::string alternation(const std::vector<std::string>& words) {
  std::vector<std::string> sorted;
  for (const std::string& word : words) sorted.push_back(RE2::QuoteMeta(word));
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (std::size_t i = 0; i < sorted.size(); ++i) out += (i ? "|" : "") + sorted[i];
  return out + ")";
}


}  // namespace

std::string person_slug(std::string_view name) {
  std::string slug;
  bool dash = false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      if (dash && !slug.empty()) slug += '-';
      slug += c;
      dash = false;
    } else if (u >= 'A' && u <= 'Z') {
      if (dash && !slug.empty()) slug += '-';
      slug += static_cast<char>(u - 'A' + 'a');
      dash = false;
    } else if (c == ' ' || c == '-') {
      dash = true;
    }
  }
  return slug;
}

ActorCues ActorCues::load(const std::optional<std::string>& dir) {
  ActorCues cues;
  const DataText file = read_data_file(dir, kCuesFile);
  std::vector<std::string> verbs;
  std::vector<std::string> titles;
  for_each_data_line(file.content, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(file.name, line_number, "");
    const std::vector<std::string_view> fields = split_tabs(line);
    const std::string_view kind = fields[0];
    auto need = [&](std::size_t count) {
      if (fields.size() != count) throw Error(where + "a " + std::string(kind) + " row has " + std::to_string(count) + " fields");
    };
    if (kind == "verb") {
      need(2);
      verbs.emplace_back(fields[1]);
    } else if (kind == "title") {
      need(2);
      titles.emplace_back(fields[1]);
      cues.titles.emplace_back(fields[1]);
    } else if (kind == "not_name") {
      need(2);
      cues.not_name.emplace(fields[1]);
    } else if (kind == "not_surname") {
      need(2);
      cues.not_surname.emplace(fields[1]);
    } else if (kind == "antecedent_surname") {
      need(2);
      cues.antecedent_surnames.emplace(fields[1]);
    } else if (kind == "short_surname") {
      need(2);
      cues.short_surname = static_cast<std::size_t>(std::stoul(std::string(fields[1])));
    } else if (kind == "not_after") {
      need(3);
      cues.not_after[std::string(fields[1])].emplace(fields[2]);
      if (fields[1].size() < 64) cues.not_after_lengths |= std::uint64_t{1} << fields[1].size();
    } else if (kind == "alias") {
      need(4);
      Alias alias{std::string(fields[1]), std::string(fields[2]), {}};
      for (std::string_view id : split_words(fields[3])) alias.region.emplace_back(id);
      if (alias.surface.empty()) throw Error(where + "an alias needs a surface");
      for (const char c : {alias.surface[0], static_cast<char>(alias.surface[0] ^ 0x20)}) {
        cues.alias_starts[static_cast<unsigned char>(c)] = true;  // "the" and "The"
      }
      cues.aliases.push_back(std::move(alias));
    } else {
      throw Error(where + "unknown kind '" + std::string(kind) + "'");
    }
  });
  std::sort(cues.titles.begin(), cues.titles.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  cues.person_finder = std::make_shared<const PersonFinder>(verbs, titles, cues.not_name);
  // A sentence without any verb or title cue skips the person finder.
  RE2::Options filter_options;
  filter_options.set_log_errors(false);
  cues.person_filter = SentenceScreen(std::make_shared<const RE2>(
      "\\b(?:" + alternation(verbs) + "|" + alternation(titles) + ")\\b", filter_options));
  const DataText words = read_data_file(dir, "citation_words.tsv");
  for_each_data_line(words.content, [&](std::size_t, std::string_view line) {
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() == 2 && fields[0] == "family_first") cues.family_first.emplace(fields[1]);
  });
  return cues;
}

ActorTagger::ActorTagger(Lexicon lexicon, ActorCues cues)
    : lexicon_(std::move(lexicon)), cues_(std::move(cues)), start_pairs_(lexicon_.start_pairs()) {
  // "the North" and "The North": an alias's first byte in either case.
  for (const ActorCues::Alias& alias : cues_.aliases) Lexicon::add_pairs(start_pairs_, alias.surface, true);
}

namespace {

// A person found from context, not in the lexicon.
struct LocalPerson {
  std::string name;
  std::string surname;
  std::string_view rule_id;  ///< a literal of PersonFinder
  bool surname_usable = true;  ///< false for "He" (of "He Yue") or a surname two people share
  bool seen = false;           ///< named in full so far
};

constexpr std::size_t kNoActor = static_cast<std::size_t>(-1);

// What the tagger knows of each lexicon entity while it tags one document, by the entity's
// index: tables as long as the lexicon, cheaper than hashing at every mention. Filling and
// freeing them (7 KB) for every document cost more than tagging a short one, so each
// thread keeps its tables, and the entries a document set are reset when it is done.
class EntityTables {
 public:
  explicit EntityTables(std::size_t entities) : tables_(of_this_thread()) {
    if (tables_.actor.size() < entities) {
      tables_.actor.resize(entities, kNoActor);
      tables_.full_name_seen.resize(entities, false);
    }
  }
  ~EntityTables() {
    for (const std::size_t entity : tables_.touched) {
      tables_.actor[entity] = kNoActor;
      tables_.full_name_seen[entity] = false;
    }
    tables_.touched.clear();
  }
  EntityTables(const EntityTables&) = delete;
  EntityTables& operator=(const EntityTables&) = delete;

  /// The entity's index in Document::actors, or kNoActor.
  std::size_t actor(std::size_t entity) const { return tables_.actor[entity]; }
  void set_actor(std::size_t entity, std::size_t index) {
    tables_.touched.push_back(entity);
    tables_.actor[entity] = index;
  }
  /// True once a person has been named in full in the document.
  bool full_name_seen(std::size_t entity) const { return tables_.full_name_seen[entity]; }
  void see_full_name(std::size_t entity) {
    if (tables_.full_name_seen[entity]) return;
    tables_.touched.push_back(entity);
    tables_.full_name_seen[entity] = true;
  }

 private:
  struct Tables {
    std::vector<std::size_t> actor;
    std::vector<bool> full_name_seen;
    std::vector<std::size_t> touched;
  };
  static Tables& of_this_thread() {
    thread_local Tables tables;
    return tables;
  }
  Tables& tables_;
};

// The document's actors as they are first mentioned. Lexicon entities are found by their
// index, people found from context by their slug.
class ActorList {
 public:
  ActorList(Document& doc, const Lexicon& lexicon, EntityTables& entities)
      : doc_(doc), lexicon_(lexicon), entities_(entities) {}

  std::size_t of_entity(std::size_t entity, const std::string& rule_id) {
    std::size_t index = entities_.actor(entity);
    if (index == kNoActor) {
      const Entity& e = lexicon_.entities()[entity];
      index = add(e.id, e.type, e.name, e.affiliation, rule_id);
      entities_.set_actor(entity, index);
    }
    return index;
  }
  std::size_t of_local(const std::string& id, const std::string& name, const std::string& rule_id) {
    // A slug that is also a lexicon id names the same actor.
    if (const auto entity = lexicon_.entity_index(id)) {
      std::size_t index = entities_.actor(*entity);
      if (index == kNoActor) {
        index = add(id, ActorType::kPerson, name, "", rule_id);
        entities_.set_actor(*entity, index);
      }
      return index;
    }
    const auto it = local_.find(id);
    if (it != local_.end()) return it->second;
    const std::size_t index = add(id, ActorType::kPerson, name, "", rule_id);
    local_.emplace(id, index);
    return index;
  }
  bool mentioned(std::size_t entity) const { return entities_.actor(entity) != kNoActor; }

 private:
  std::size_t add(const std::string& id, ActorType type, const std::string& name, const std::string& affiliation,
                  const std::string& rule_id) {
    doc_.actors.push_back(Actor{id, type, name, affiliation, "", 0, rule_id});
    return doc_.actors.size() - 1;
  }

  Document& doc_;
  const Lexicon& lexicon_;
  EntityTables& entities_;
  std::map<std::string, std::size_t> local_;
};

}  // namespace

void ActorTagger::tag(Document& doc, const CueHits* screened) const {
  const std::string_view text = doc.text;

  // Pass 1: people named in context cues who are not in the lexicon.
  std::vector<LocalPerson> local;
  const std::vector<bool> has_cue = screened != nullptr ? std::vector<bool>() : cues_.person_filter.flags(doc);
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    const bool may_name = screened != nullptr ? screened->any(s) : has_cue[s];
    if (!may_name || doc.paragraphs[sentence.paragraph].kind == ParagraphKind::kNote) continue;
    for (FoundName& found : cues_.person_finder->find(sentence.span.of(text))) {
      std::string name = std::move(found.name);
          const std::vector<std::string_view> words = split_words(name);
          if (words.size() < 2 || cues_.not_name.count(words.front()) || cues_.not_name.count(words.back())) continue;
          // Not a lexicon actor, nor one that starts with a state or organisation ("South
          // Korea Today"); a lexicon surname at the start is fine ("Zhu" of Zhu Rongji).
          const LexiconMatch known = lexicon_.longest_match(name, 0, name.size());
          if (known.length == name.size()) continue;
          if (known.length > 0 &&
              lexicon_.entities()[lexicon_.forms()[known.forms.front()].entity].type != ActorType::kPerson) {
            continue;
          }
          // Family name first: a known East Asian family name, or a hyphenated given name
          // after it ("Cheon Seong-whun").
          const bool east_asian = cues_.family_first.count(words.front()) > 0 ||
                                  (words.size() == 2 && words.back().find('-') != std::string_view::npos);
          const std::string surname(east_asian ? words.front() : words.back());
          if (std::none_of(local.begin(), local.end(), [&](const LocalPerson& p) { return p.name == name; })) {
            local.push_back(LocalPerson{name, surname, found.rule_id});
          }
    }
  }

  for (LocalPerson& person : local) {
    const auto shared = std::count_if(local.begin(), local.end(), [&](const LocalPerson& other) {
      return other.surname == person.surname;
    });
    person.surname_usable = person.surname.size() >= 2 && shared == 1 &&
                            cues_.not_surname.count(person.surname) == 0 &&
                            lexicon_.longest_match(person.surname, 0, person.surname.size()).length == 0;
  }

  // Commentary names an actor about every 60 bytes; room for one every 40 avoids the
  // reallocations that would briefly hold the mentions twice.
  doc.mentions.reserve(doc.text.size() / 40);

  // Pass 2: the lexicon and the local people, in text order.
  EntityTables entities(lexicon_.entities().size());
  ActorList actors(doc, lexicon_, entities);
  // The bytes that start a local person's name or surname, and those that start anything
  // at all (a lexicon surface, an alias, a local person): most words start none.
  std::array<bool, 256> local_starts{};
  for (const LocalPerson& person : local) {
    for (const std::string* surface : {&person.name, &person.surname}) {
      if (!surface->empty()) local_starts[static_cast<unsigned char>((*surface)[0])] = true;
    }
  }
  std::array<bool, 256> other_starts = cues_.alias_starts;  // a local person or an alias
  for (std::size_t byte = 0; byte < 256; ++byte) other_starts[byte] = other_starts[byte] || local_starts[byte];
  struct AliasHit {
    const ActorCues::Alias* alias;
    Span span;
    std::size_t sentence;
  };
  std::vector<AliasHit> alias_hits;

  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span sentence = doc.sentences[s].span;
    // From one word start to the next: no word starts inside a run of ASCII letters and
    // digits, so a word that starts nothing is passed by going on one byte.
    WordStartCandidates starts(text, sentence.begin, sentence.end);
    for (std::size_t i = sentence.begin; (i = starts.next(i)) < sentence.end;) {
      if (!word_starts_at(text, i, sentence.begin)) {
        ++i;
        continue;
      }
      // No surface starts here, nor a local person or an alias: skip the word. The first
      // two bytes say so for most words ("and", "which"), the hash of the first run for
      // most of the others ("the", "this").
      const auto first = static_cast<unsigned char>(text[i]);
      const auto second = i + 1 < sentence.end ? static_cast<unsigned char>(text[i + 1]) : 0;
      const bool local_may_start = local_starts[first];
      const std::size_t next_start = i + 1;
      const bool pair_may_start = Lexicon::has_pair(start_pairs_, first, second);
      if (!pair_may_start && !local_may_start) {
        i = next_start;
        continue;
      }
      const bool lexicon_may_start =
          pair_may_start && lexicon_.may_start(text, i, Lexicon::first_run_end(text, i, sentence.end));
      if (!lexicon_may_start && !other_starts[first]) {
        i = next_start;
        continue;
      }
      const LexiconMatch match = lexicon_may_start ? lexicon_.longest_match(text, i, sentence.end) : LexiconMatch{};
      // Local people: full names, then their surnames once the full name has been seen.
      const LocalPerson* person = nullptr;
      std::size_t person_length = 0;
      bool person_full = false;
      for (const LocalPerson& candidate : local) {
        if (!local_may_start) break;
        for (const bool full : {true, false}) {
          const std::string& surface = full ? candidate.name : candidate.surname;
          if (!full && (!candidate.seen || !candidate.surname_usable)) continue;
          if (surface.size() > person_length && text[i] == surface[0] && text.compare(i, surface.size(), surface) == 0 &&
              word_ends_at(text, i + surface.size(), sentence.end)) {
            person = &candidate;
            person_length = surface.size();
            person_full = full;
          }
        }
      }
      if (person != nullptr && person_length >= match.length) {
        if (person_full) local[static_cast<std::size_t>(person - local.data())].seen = true;
        const std::size_t actor = actors.of_local(person_slug(person->name), person->name, std::string(person->rule_id));
        doc.mentions.push_back(Mention{actor, Span{i, i + person_length}, s, person_full ? "name" : "surname",
                                       person_full ? person->rule_id : "coreference.surname"});
        i += person_length;
        continue;
      }
      if (match.length == 0) {
        for (const ActorCues::Alias& alias : cues_.aliases) {
          const std::string_view surface = alias.surface;
          const std::size_t end = i + surface.size();
          // "The South" opening a sentence is "the South". The last byte first: "the" and
          // "The" start a tenth of the words.
          const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; };
          if (end > sentence.end || (surface.size() > 1 && text[end - 1] != surface.back())) continue;
          const bool same = lower(text[i]) == lower(surface[0]) && text.substr(i + 1, surface.size() - 1) == surface.substr(1);
          if (same && word_ends_at(text, end, sentence.end)) {
            // "the North Korean threat" is no alias: a capitalised word must not follow.
            std::size_t next = end;
            while (next < sentence.end && text[next] == ' ') ++next;
            if (next < sentence.end && next > end && text[next] >= 'A' && text[next] <= 'Z') continue;
            alias_hits.push_back(AliasHit{&alias, Span{i, end}, s});
          }
        }
        i = next_start;
        continue;
      }
      // "Asian NATO", "Mini-NATO": a modifier that makes the surface part of another name.
      if (const auto modifiers = match.length >= 64 || ((cues_.not_after_lengths >> match.length) & 1u) != 0
                                     ? cues_.not_after.find(text.substr(i, match.length))
                                     : cues_.not_after.end();
          modifiers != cues_.not_after.end()) {
        std::size_t start = i;
        while (start > sentence.begin && text[start - 1] == ' ') --start;
        const std::size_t word_end = start;
        auto after_opening_quote = [&](std::size_t at) {
          return text[at - 1] == '"' || (at >= sentence.begin + 3 && (text.compare(at - 3, 3, "\xE2\x80\x9C") == 0 ||
                                                                     text.compare(at - 3, 3, "\xE2\x80\x98") == 0));
        };
        while (start > sentence.begin && text[start - 1] != ' ' && !after_opening_quote(start)) --start;
        if (word_end > start && modifiers->second.count(text.substr(start, word_end - start)) > 0) {
          i += match.length;
          continue;
        }
      }
      // Among several readings of one surface, prefer an actor already mentioned.
      std::size_t chosen = match.forms.front();
      for (std::size_t f : match.forms) {
        if (actors.mentioned(lexicon_.forms()[f].entity)) {
          chosen = f;
          break;
        }
      }
      const Form& form = lexicon_.forms()[chosen];
      const Entity& entity = lexicon_.entities()[form.entity];
      bool counts_here = entity.type != ActorType::kPlace;
      if (entity.type == ActorType::kPerson) {
        if (form.form == "surname") {
          const bool needs_antecedent = form.surface.size() < cues_.short_surname ||
                                        cues_.antecedent_surnames.count(form.surface) > 0;
          counts_here = !needs_antecedent || entities.full_name_seen(form.entity);
        } else {
          entities.see_full_name(form.entity);
        }
      }
      if (counts_here) {
        const std::size_t actor = actors.of_entity(form.entity, form.rule_id);
        doc.mentions.push_back(Mention{actor, Span{i, i + match.length}, s, form.form, form.rule_id});
      }
      i += match.length;
    }
  }

  // Pass 3: "the North" and "the South", in a document about the Koreas. The alias hits are
  // in text order, like the mentions, so one merge from the back puts them in place
  // without a second buffer as large as the mentions.
  std::vector<Mention> aliases;
  if (!alias_hits.empty()) {
    for (const Mention& mention : doc.mentions) ++doc.actors[mention.actor].mention_count;
  }
  for (const AliasHit& hit : alias_hits) {
    std::size_t regional = 0;
    for (const std::string& id : hit.alias->region) {
      const auto entity = lexicon_.entity_index(id);
      if (entity && actors.mentioned(*entity)) regional += doc.actors[actors.of_entity(*entity, "")].mention_count;
    }
    const auto entity = lexicon_.entity_index(hit.alias->actor);
    if (regional < 2 || !entity) continue;
    const std::size_t actor = actors.of_entity(*entity, "alias.regional");
    aliases.push_back(Mention{actor, hit.span, hit.sentence, "alias", "alias.regional"});
  }
  if (!aliases.empty()) {
    std::size_t from = doc.mentions.size();
    doc.mentions.resize(doc.mentions.size() + aliases.size());
    for (std::size_t to = doc.mentions.size(), a = aliases.size(); a > 0;) {
      if (from > 0 && doc.mentions[from - 1].span.begin > aliases[a - 1].span.begin) {
        doc.mentions[--to] = doc.mentions[--from];
      } else {
        doc.mentions[--to] = aliases[--a];
      }
    }
  }

  for (Actor& actor : doc.actors) actor.mention_count = 0;
  for (const Mention& mention : doc.mentions) ++doc.actors[mention.actor].mention_count;
  for (Actor& actor : doc.actors) {
    if (actor.type != ActorType::kPerson) continue;
    const auto entity = lexicon_.entity_index(actor.id);
    if (!entity) continue;
    if (const Role* role = lexicon_.role_on(*entity, doc.reference_date.value)) actor.role = role->role;
  }
}

}  // namespace annotate
