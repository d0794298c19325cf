// SPDX-License-Identifier: MIT
// Token scan for people named next to cues. Tokens are split at spaces with clause
// punctuation kept apart, so "said," and "Xiaohe," still match their words while a comma
// still stops a name.
#include "annotate/person_finder.hpp"

#include <algorithm>

#include "annotate/unicode.hpp"

namespace annotate {

namespace {

struct Token {
  std::string_view word;
  bool comma_after = false;  ///< a , ; : or . follows: a name cannot run past it
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t stop = i;
    while (stop < text.size() && text[stop] != ' ') ++stop;
    std::string_view word = text.substr(i, stop - i);
    bool comma = false;
    // Trailing punctuation, quotes and callouts, but keep the period of an initial ("D.J.").
    while (!word.empty()) {
      const char last = word.back();
      const bool initial_period = last == '.' && word.size() >= 2 && word[word.size() - 2] >= 'A' &&
                                  word[word.size() - 2] <= 'Z' && (word.size() == 2 || word[word.size() - 3] == '.');
      if ((last == ',' || last == ';' || last == ':' || last == '.' || last == ')' || last == '"') && !initial_period) {
        comma = comma || last != '"';
        word.remove_suffix(1);
        continue;
      }
      // Closing quotes, and a superscript callout glued to a name ("Xi Jinping³").
      std::size_t length = 0;
      if (static_cast<unsigned char>(last) >= 0x80) {
        const char32_t c = decode_before(word, word.size(), &length);
        if (is_closing_mark(c) || superscript_digit_value(c) >= 0) {
          word.remove_suffix(length);
          continue;
        }
      }
      break;
    }
    if (!word.empty()) tokens.push_back(Token{word, comma});
    i = stop;
  }
  return tokens;
}

// "Xiaohe", "Seong-whun", "LaCamera", "O’Brien": a capital, then a lowercase letter later.
bool is_name_word(std::string_view word) {
  if (word.empty()) return false;
  std::size_t length = 0;
  const char32_t first = decode_at(word, 0, &length);
  if (!(first >= U'A' && first <= U'Z') && !(first >= 0xC0 && first <= 0xDE) && !(first >= 0x410 && first <= 0x42F)) {
    return false;
  }
  for (std::size_t i = length; i < word.size(); ++i) {
    if (word[i] >= 'a' && word[i] <= 'z') return true;
  }
  return false;
}

bool is_initials(std::string_view word) {  // "S." or "D.J."
  if (word.size() < 2 || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'A' || word[i] > 'Z' || word[i + 1] != '.') return false;
  }
  return true;
}

std::string_view without_possessive(std::string_view word) {
  for (std::string_view s : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")}) {
    if (word.size() > s.size() && word.substr(word.size() - s.size()) == s) return word.substr(0, word.size() - s.size());
  }
  return word;
}

// A cheap hash of a (non-empty) word into the bits of PhraseIndex::first_words: its
// length, first two and last bytes, which set common words apart from verbs and titles.
std::size_t first_word_hash(std::string_view word) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(word[k])); };
  const std::uint32_t key = static_cast<std::uint32_t>(word.size() & 31) | byte(0) << 5 |
                            (word.size() > 1 ? byte(1) : 0u) << 13 | byte(word.size() - 1) << 21;
  return (key * 2654435761u >> 16) % (64 * PersonFinder::kFirstWordWords);
}

}  // namespace

std::vector<std::string_view> split_words(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < phrase.size()) {
    std::size_t stop = phrase.find(' ', start);
    if (stop == std::string_view::npos) stop = phrase.size();
    if (stop > start) words.push_back(phrase.substr(start, stop - start));
    start = stop + 1;
  }
  return words;
}

PersonFinder::PersonFinder(std::vector<std::string> verbs, std::vector<std::string> titles,
                           std::set<std::string, std::less<>> not_name)
    : not_name_(std::move(not_name)) {
  auto owned = [](std::string_view phrase) {
    std::vector<std::string> words;
    for (std::string_view word : split_words(phrase)) words.emplace_back(word);
    return words;
  };
  for (const std::string& verb : verbs) verbs_.push_back(owned(verb));
  for (const std::string& title : titles) {
    titles_.push_back(owned(title));
    title_words_.insert(titles_.back().back());
  }
  // Longest phrases first, so that "Prime Minister" wins over "Minister".
  auto longer = [](const auto& a, const auto& b) { return a.size() > b.size(); };
  std::stable_sort(verbs_.begin(), verbs_.end(), longer);
  std::stable_sort(titles_.begin(), titles_.end(), longer);
  verbs_by_first_word_ = index_of(verbs_);
  titles_by_first_word_ = index_of(titles_);
}

PersonFinder::PhraseIndex PersonFinder::index_of(const Phrases& phrases) {
  PhraseIndex index;
  for (const std::vector<std::string>& phrase : phrases) {
    if (phrase.empty() || phrase.front().empty()) continue;
    index.by_first_word[phrase.front()].push_back(&phrase);
    const std::size_t bit = first_word_hash(phrase.front());
    index.first_words[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  return index;
}

std::vector<FoundName> PersonFinder::find(std::string_view sentence) const {
  const std::vector<Token> tokens = tokenize(sentence);
  auto phrase_at = [&](std::size_t at, const PhraseIndex& phrases) -> std::size_t {
    const std::string_view first = tokens[at].word;
    const std::size_t bit = first_word_hash(first);
    if (((phrases.first_words[bit / 64] >> (bit % 64)) & 1u) == 0) return 0;
    const auto candidates = phrases.by_first_word.find(first);
    if (candidates == phrases.by_first_word.end()) return 0;
    for (const std::vector<std::string>* phrase : candidates->second) {
      if (at + phrase->size() > tokens.size()) continue;
      bool same = true;
      for (std::size_t w = 1; w < phrase->size() && same; ++w) same = tokens[at + w].word == (*phrase)[w];
      if (same) return phrase->size();
    }
    return 0;
  };
  // The name ending at token `last` (inclusive), walking back over 2-3 name words and one
  // group of initials; leading words such as "As" or "The" are dropped.
  auto name_ending_at = [&](std::size_t last, std::size_t* first_out) -> std::string {
    std::vector<std::size_t> words;
    bool initials = false;
    for (std::size_t k = last + 1; k-- > 0;) {
      const std::string_view word = tokens[k].word;
      if (k != last && tokens[k].comma_after) break;
      if (is_initials(word) && !initials && !words.empty() && k > 0) {
        initials = true;
        words.push_back(k);
        continue;
      }
      if (!is_name_word(word) || words.size() >= 4 || title_words_.count(word)) break;  // "Ambassador"
      words.push_back(k);
    }
    while (!words.empty() && not_name_.count(tokens[words.back()].word)) words.pop_back();  // leading
    std::reverse(words.begin(), words.end());
    std::size_t names = 0;
    for (std::size_t k : words) names += !is_initials(tokens[k].word);
    if (names < 2 || names > 3) return {};
    *first_out = words.front();
    const char* begin = tokens[words.front()].word.data();
    const std::string_view last_word = without_possessive(tokens[words.back()].word);
    return std::string(begin, static_cast<std::size_t>(last_word.data() + last_word.size() - begin));
  };
  // The name starting at token `first`: 2-3 name words, initials allowed after the first.
  auto name_starting_at = [&](std::size_t first) -> std::string {
    std::size_t k = first;
    std::size_t names = 0;
    bool initials = false;
    while (k < tokens.size() && names < 3) {
      if (is_name_word(tokens[k].word)) {
        ++names;
      } else if (is_initials(tokens[k].word) && names == 1 && !initials) {
        initials = true;
      } else {
        break;
      }
      if (tokens[k++].comma_after) break;
    }
    if (names < 2) return {};
    const char* begin = tokens[first].word.data();
    const std::string_view last_word = without_possessive(tokens[k - 1].word);
    return std::string(begin, static_cast<std::size_t>(last_word.data() + last_word.size() - begin));
  };

  std::vector<FoundName> found;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (const std::size_t title = phrase_at(t, titles_by_first_word_); title > 0 && t + title < tokens.size() &&
                                                         !tokens[t + title - 1].comma_after) {
      std::string name = name_starting_at(t + title);
      if (!name.empty()) found.push_back(FoundName{std::move(name), "person.title"});
    }
    if (phrase_at(t, verbs_by_first_word_) == 0 || t == 0) continue;
    // Back from the verb: an adverb ("pointedly observed"), or a short phrase opened by "in"
    // ("Wang Fudong in early 2023 wrote").
    std::size_t end = t - 1;
    const std::string_view before = tokens[end].word;
    if (end > 0 && before.size() > 3 && before.substr(before.size() - 2) == "ly" && !is_name_word(before)) --end;
    if (!is_name_word(tokens[end].word)) {
      std::size_t k = end;
      bool opened_by_in = false;
      for (std::size_t back = 0; back < 4 && k > 0 && !tokens[k].comma_after; ++back, --k) {
        if (tokens[k].word == "in") {
          opened_by_in = true;
          break;
        }
        if (is_name_word(tokens[k].word)) break;
      }
      if (!opened_by_in || k == 0) continue;
      end = k - 1;
    }
    if (tokens[end].comma_after) continue;
    std::size_t first = 0;
    std::string name = name_ending_at(end, &first);
    if (name.empty()) continue;
    // "Zhu Jiejin and He Yue write": a second name before "and".
    if (first >= 2 && tokens[first - 1].word == "and") {
      std::size_t other_first = 0;
      std::string other = name_ending_at(first - 2, &other_first);
      if (!other.empty()) found.push_back(FoundName{std::move(other), "person.verb"});
    }
    found.push_back(FoundName{std::move(name), "person.verb"});
  }
  return found;
}

}  // namespace annotate
