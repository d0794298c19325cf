// SPDX-License-Identifier: MIT
// A rule-based splitter in one forward pass. Commentary sentences end in . ? ! followed by
// closing quotes and often a glued footnote number ("summit.1 He"); the number stays with
// the sentence it closes.
#include "annotate/sentence_splitter.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "annotate/unicode.hpp"

namespace annotate {

namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True at a space character (ASCII white space or U+00A0).
std::size_t space_length(std::string_view text, std::size_t i) {
  if (is_space_byte(text[i])) return 1;
  if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
  return 0;
}

// The word that ends with the period at text[period], without opening marks: "(e.g." -> "e.g.".
std::string_view word_ending_at(std::string_view text, std::size_t begin, std::size_t period) {
  constexpr std::size_t kMaxWordBytes = 24;  // longer than any abbreviation
  std::size_t start = period;
  while (start > begin && !is_space_byte(text[start - 1])) {
    if (period - start >= kMaxWordBytes) return {};  // too long to be an abbreviation
    --start;
  }
  while (start < period) {
    std::size_t length = 0;
    if (!is_opening_mark(decode_at(text, start, &length))) break;
    start += length;
  }
  return text.substr(start, period + 1 - start);
}

// "S." in "John S. Smith": one capital letter and a period.
bool is_initial(std::string_view word) {
  return word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z';
}

// True when the code point at text[i] may open a sentence.
bool opens_sentence(std::string_view text, std::size_t i) {
  std::size_t length = 0;
  const char32_t c = decode_at(text, i, &length);
  return starts_sentence_letter(c) || is_ascii_digit(c) || is_opening_mark(c);
}

// "1." or "12." opening a line: a list number, not a sentence of its own.
bool is_list_marker(std::string_view sentence) {
  if (sentence.size() < 2 || sentence.size() > 4) return false;
  for (std::size_t i = 0; i + 1 < sentence.size(); ++i) {
    if (sentence[i] < '0' || sentence[i] > '9') return false;
  }
  return true;
}

bool is_terminal(char c) { return c == '.' || c == '?' || c == '!'; }

// The first . ? or ! in [p, stop), or stop: sixteen bytes at a time where SSE2 is there,
// since sentences run for a hundred bytes and more between their ends.
const char* find_terminal(const char* p, const char* const stop) {
#ifdef __SSE2__
  const __m128i period = _mm_set1_epi8('.');
  const __m128i question = _mm_set1_epi8('?');
  const __m128i exclamation = _mm_set1_epi8('!');
  for (; stop - p >= 16; p += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i found = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, period), _mm_cmpeq_epi8(bytes, question)),
                                       _mm_cmpeq_epi8(bytes, exclamation));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(found));
    if (mask != 0) return p + __builtin_ctz(mask);
  }
#endif
  while (p < stop && !is_terminal(*p)) ++p;
  return p;
}

}  // namespace

std::size_t glued_callout_length(std::string_view text, std::size_t i, std::size_t end) {
  if (i >= end) return 0;
  std::size_t j = i;
  // Digits: one to three, then the end of the paragraph, a space or a dash.
  while (j < end && j - i < 4 && text[j] >= '0' && text[j] <= '9') ++j;
  if (j > i) {
    if (j - i > 3) return 0;
    if (j == end || space_length(text, j) > 0) return j - i;
    std::size_t length = 0;
    const char32_t next = decode_at(text, j, &length);
    return next == U'\u2014' || next == U'\u2013' ? j - i : 0;
  }
  // "[12]"
  if (text[i] == '[') {
    j = i + 1;
    while (j < end && j - i <= 3 && text[j] >= '0' && text[j] <= '9') ++j;
    return j > i + 1 && j < end && text[j] == ']' ? j + 1 - i : 0;
  }
  // Superscript digits and footnote symbols.
  while (j < end) {
    std::size_t length = 0;
    const char32_t c = decode_at(text, j, &length);
    if (superscript_digit_value(c) < 0 && c != U'*' && c != U'\u2020' && c != U'\u2021') break;
    j += length;
  }
  return j - i;
}

std::vector<Span> split_sentence_spans(std::string_view text, Span paragraph,
                                       const Rules& rules) {
  std::vector<Span> sentences;
  const std::size_t end = paragraph.end;
  std::size_t start = paragraph.begin;
  std::size_t i = paragraph.begin;
  const char* const data = text.data();
  while (i < end) {
    i = static_cast<std::size_t>(find_terminal(data + i, data + end) - data);
    if (i == end) break;
    const std::size_t terminal = i;
    std::size_t j = i + 1;
    while (j < end && is_terminal(text[j])) ++j;
    while (j < end) {
      std::size_t length = 0;
      if (!is_closing_mark(decode_at(text, j, &length))) break;
      j += length;
    }
    j += glued_callout_length(text, j, end);
    std::size_t k = j;
    while (k < end && space_length(text, k) > 0) k += space_length(text, k);
    i = std::max(k, terminal + 1);
    if (k == j || k >= end) continue;  // no space after, or the paragraph ends anyway
    if (!opens_sentence(text, k)) continue;
    if (text[terminal] == '.' && j == terminal + 1) {
      const std::string_view word = word_ending_at(text, start, terminal);
      if (rules.is_abbreviation(word) || is_initial(word)) continue;
      if (is_list_marker(text.substr(start, terminal + 1 - start))) continue;
    }
    sentences.push_back(trim(text, Span{start, j}));
    start = k;
  }
  const Span last = trim(text, Span{start, end});
  if (!last.empty()) sentences.push_back(last);
  return sentences;
}

void split_sentences(Document& doc, const Rules& rules) {
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& paragraph = doc.paragraphs[p];
    if (paragraph.kind != ParagraphKind::kBody) {
      doc.sentences.push_back(Sentence{p, paragraph.span});
      continue;
    }
    for (const Span& span : split_sentence_spans(doc.text, paragraph.span, rules)) {
      doc.sentences.push_back(Sentence{p, span});
    }
  }
}

}  // namespace annotate
