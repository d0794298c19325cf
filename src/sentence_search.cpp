// SPDX-License-Identifier: MIT
#include "annotate/sentence_search.hpp"

#include <algorithm>
#include <limits>

#include "annotate/error.hpp"

namespace annotate {

SentenceScreen::SentenceScreen(std::shared_ptr<const re2::RE2> pattern)
    : pattern_(std::move(pattern)),
      // Against the whole text, ^ and $ would mean its ends, not a sentence's: such a
      // pattern screens nothing out.
      screens_(pattern_ != nullptr && !may_anchor_to_ends(pattern_->pattern())) {}

std::vector<bool> SentenceScreen::flags(const Document& doc) const {
  const std::string_view text = doc.text;
  const std::vector<Sentence>& sentences = doc.sentences;
  if (!screens_) return std::vector<bool>(sentences.size(), true);
  const re2::RE2& pattern = *pattern_;
  std::vector<bool> found(sentences.size());
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece match;
  std::size_t s = 0;
  for (std::size_t from = 0; from < text.size() && s < sentences.size();) {
    if (!pattern.Match(whole, from, text.size(), RE2::UNANCHORED, &match, 1)) break;
    const auto at = static_cast<std::size_t>(match.data() - text.data());
    while (s < sentences.size() && sentences[s].span.end <= at) ++s;
    if (s == sentences.size()) break;
    if (sentences[s].span.begin > at) {  // between sentences: resume at the next one
      from = sentences[s].span.begin;
      continue;
    }
    found[s] = true;
    from = sentences[s].span.end;
  }
  return found;
}

SentenceCueSet::SentenceCueSet(const std::vector<std::vector<std::string>>& lists,
                               const std::vector<std::string>& names) {
  std::vector<std::string> patterns;
  std::vector<std::string> labels;
  list_starts_.push_back(0);
  for (std::size_t l = 0; l < lists.size(); ++l) {
    for (const std::string& pattern : lists[l]) {
      patterns.push_back(pattern);
      labels.push_back(names[l] + ": a screening pattern does not compile");
    }
    list_starts_.push_back(list_starts_.back() + lists[l].size());
  }
  if (list_starts_.back() > std::numeric_limits<std::uint16_t>::max()) throw Error("too many screening patterns");
  RE2::Options options;
  // Room for the automaton of several stages' patterns together: RE2's default budget
  // (8 MB) would make it give up on long sentences.
  options.set_max_mem(std::int64_t{64} << 20);
  set_ = PatternSet(patterns, labels, RE2::UNANCHORED, options, "the screening patterns");
}

std::vector<CueHits> SentenceCueSet::find(const Document& doc) const {
  const std::size_t lists = list_starts_.size() - 1;
  std::vector<CueHits> out(lists);
  for (CueHits& hits : out) hits.starts_.reserve(doc.sentences.size() + 1);
  const auto add = [&](const std::vector<int>& matched, const std::vector<std::size_t>& search_ends) {
    std::size_t list = 0;
    for (const int index : matched) {
      const auto at = static_cast<std::size_t>(index);
      while (at >= list_starts_[list + 1]) ++list;
      out[list].hits_.push_back(static_cast<std::uint16_t>(at - list_starts_[list]));
      // (A sentence is far shorter than 4 GB: the reader's limit on a document.)
      out[list].search_ends_.push_back(static_cast<std::uint32_t>(
          std::min<std::size_t>(search_ends[at], std::numeric_limits<std::uint32_t>::max())));
    }
    for (CueHits& hits : out) hits.starts_.push_back(static_cast<std::uint32_t>(hits.hits_.size()));
  };
  // Two sentences at a time: the automaton walks them side by side.
  std::vector<int> matched[2];
  std::vector<std::size_t> search_ends[2];
  const std::vector<Sentence>& sentences = doc.sentences;
  std::size_t s = 0;
  for (; s + 1 < sentences.size(); s += 2) {
    set_.match_pair(sentences[s].span.of(doc.text), &matched[0], &search_ends[0], sentences[s + 1].span.of(doc.text),
                    &matched[1], &search_ends[1]);
    add(matched[0], search_ends[0]);
    add(matched[1], search_ends[1]);
  }
  if (s < sentences.size()) {
    set_.match(sentences[s].span.of(doc.text), &matched[0], &search_ends[0]);
    add(matched[0], search_ends[0]);
  }
  return out;
}

bool may_anchor_to_ends(std::string_view pattern) {
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return true;
      const char escaped = pattern[++i];
      if (!in_class && (escaped == 'A' || escaped == 'z' || escaped == 'Z')) return true;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      // A ']' right after '[' or '[^' is a literal member, not the end of the class.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
      continue;
    }
    if (c == '^' || c == '$') return true;
  }
  return in_class;
}

}  // namespace annotate
