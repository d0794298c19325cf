// SPDX-License-Identifier: MIT
#include "annotate/clause_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace annotate {

std::size_t verb_group_start(std::string_view text, Span span) {
  // Auxiliaries and modals, and the hedges that stand where they would ("appears to have
  // crossed", "probably crossed").
  static constexpr std::string_view kVerbStarts[] = {
      "may",  "might", "could", "would", "will",    "shall",   "should",   "must",     "can",     "has",
      "have", "had",   "is",    "was",   "are",     "were",    "be",       "been",     "does",    "did",
      "appears", "appear", "appeared", "seems", "seem", "seemed", "likely", "probably", "perhaps", "reportedly"};
  std::size_t at = span.begin;
  while (at < span.end && text[at] != ' ') ++at;  // past the first word
  while (at < span.end) {
    while (at < span.end && text[at] == ' ') ++at;
    std::size_t stop = at;
    while (stop < span.end && text[stop] != ' ') ++stop;
    const std::string_view word = text.substr(at, stop - at);
    if (std::find(std::begin(kVerbStarts), std::end(kVerbStarts), word) != std::end(kVerbStarts)) {
      std::size_t end = at;
      while (end > span.begin && text[end - 1] == ' ') --end;
      return end;
    }
    at = stop;
  }
  return span.end;
}

std::size_t words_between(std::string_view text, std::size_t from, std::size_t to) {
  if (to <= from) return 0;
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = from; i < to; ++i) {
    const bool space = text[i] == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

namespace {

// True when a clause ends at text[i]: a comma, semicolon, colon or bracket, an em dash, or
// a full stop at the end or before a space.
bool ends_clause(std::string_view text, std::size_t i, std::size_t end) {
  const char c = text[i];
  if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
  if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\x94") == 0) return true;  // em dash
  return c == '.' && (i + 1 == end || text[i + 1] == ' ');
}

}  // namespace

std::size_t clause_end(std::string_view text, std::size_t from, std::size_t end) {
  std::size_t i = from;
#ifdef __SSE2__
  // The red-line tagger asks this some thirty times a claim: sixteen bytes at a time, and
  // only the bytes that may end a clause are looked at.
  const auto equal = [](__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  for (; end - i >= 16 && i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i marks = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(equal(bytes, ','), equal(bytes, ';')), _mm_or_si128(equal(bytes, ':'), equal(bytes, '('))),
        _mm_or_si128(_mm_or_si128(equal(bytes, ')'), equal(bytes, '.')), equal(bytes, '\xE2')));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(marks)); mask != 0; mask &= mask - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
      if (ends_clause(text, at, end)) return at;
    }
  }
#endif
  for (; i < end; ++i) {
    if (ends_clause(text, i, end)) return i;
  }
  return end;
}

Span trim_span(std::string_view text, Span span) {
  span = trim(text, span);
  while (span.end > span.begin && (text[span.end - 1] == '.' || text[span.end - 1] == ',')) --span.end;
  span = trim(text, span);
  // "nationalize Japanese assets in": a preposition cut from its object is dropped.
  for (std::string_view word : {" in", " of", " on", " at", " to", " for", " the", " a", " and", " by"}) {
    if (span.size() > word.size() && text.substr(span.end - word.size(), word.size()) == word) {
      span.end -= word.size();
      break;
    }
  }
  return span;
}

std::pair<std::size_t, std::size_t> earliest_of(std::string_view text, std::initializer_list<std::string_view> words,
                                                std::size_t from, std::size_t stop) {
  std::pair<std::size_t, std::size_t> best{std::string_view::npos, 0};
  for (std::string_view word : words) {
    const std::size_t at = text.substr(0, stop).find(word, from);
    if (at != std::string_view::npos && at < best.first) best = {at, word.size()};
  }
  return best;
}

std::string_view word_before(std::string_view text, std::size_t end, std::size_t limit) {
  while (end > limit && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > limit && text[start - 1] != ' ') --start;
  return text.substr(start, end - start);
}

std::string_view word_at(std::string_view text, std::size_t from, std::size_t end) {
  while (from < end && text[from] == ' ') ++from;
  std::size_t stop = from;
  while (stop < end && text[stop] != ' ' && text[stop] != ',' && text[stop] != '.' && text[stop] != ';') ++stop;
  return text.substr(from, stop - from);
}

bool is_modal(std::string_view word) {
  return word == "would" || word == "will" || word == "could" || word == "might" || word == "may";
}

bool after_preposition(std::string_view text, std::size_t at, std::size_t begin) {
  std::size_t end = at;
  while (end > begin && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > begin && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
  const std::string_view word = text.substr(start, end - start);
  for (std::string_view preposition : {"from", "with", "than", "against", "of", "in", "at", "by", "on", "into",
                                       "toward", "towards", "between", "among", "about", "over", "for"}) {
    if (word == preposition) return true;
  }
  return false;
}

// One pass over the clause's spaces finds where each word first occurs; they are then
// taken in order, each only where it ends before the stop the ones before it set, as
// searches one after another would.
std::size_t consequence_end(std::string_view text, std::size_t start, std::size_t end) {
  static constexpr std::string_view kMarkers[] = {" over ", " after ", " if ",   " unless ", " should ",
                                                  " as ",   " because ", " in response to ",
                                                  " for ",  " from ",  " during ", " since ", " until "};
  constexpr std::size_t kNone = std::string_view::npos;
  const std::size_t clause = clause_end(text, start, end);
  const std::string_view within = text.substr(0, clause);  // no search past the clause
  std::array<std::size_t, std::size(kMarkers)> first;
  first.fill(kNone);
  std::size_t year_in = kNone;  // the first " in " before a digit
  for (std::size_t at = within.find(' ', start); at != kNone && at + 1 < clause; at = within.find(' ', at + 1)) {
    const char next = within[at + 1];
    for (std::size_t k = 0; k < first.size(); ++k) {
      const std::string_view marker = kMarkers[k];
      if (first[k] == kNone && marker[1] == next && within.compare(at, marker.size(), marker) == 0) first[k] = at;
    }
    if (year_in == kNone && at + 4 < clause && within.compare(at, 4, " in ") == 0 && within[at + 4] >= '0' &&
        within[at + 4] <= '9') {
      year_in = at;
    }
  }
  std::size_t stop = clause;
  for (std::size_t k = 0; k < first.size(); ++k) {
    if (first[k] != kNone && first[k] + kMarkers[k].size() <= stop) stop = first[k];
  }
  if (year_in != kNone && year_in + 4 < stop) stop = year_in;
  return stop;
}

}  // namespace annotate
