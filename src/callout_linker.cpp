// SPDX-License-Identifier: MIT
// Callout detection is deliberately narrow: a number counts only when it is glued to the
// punctuation that ends a clause, so years, counts, "COVID-19" and "No. 2" never qualify.
#include "annotate/callout_linker.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "annotate/sentence_splitter.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

namespace {

bool is_clause_punctuation(char32_t c) {
  return c == U'.' || c == U',' || c == U';' || c == U':' || c == U'?' || c == U'!';
}

bool is_symbol(char32_t c) { return c == U'*' || c == U'\u2020' || c == U'\u2021'; }

// Longer than any abbreviation; bounds the look-back so that a line without spaces stays
// linear.
constexpr std::size_t kMaxAbbreviationBytes = 24;

// The word ending at `end` (exclusive), back to white space: "No." in "see No.2".
std::string_view word_before(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t start = end;
  while (start > begin && end - start < kMaxAbbreviationBytes && text[start - 1] != ' ' &&
         text[start - 1] != '\t') {
    --start;
  }
  return text.substr(start, end - start);
}

// A glued number "summit.1" or "limit it.”8". `i` is at the first digit.
bool is_glued_number(std::string_view text, Span paragraph, std::size_t i, std::size_t length,
                     const Rules& rules) {
  if (i == paragraph.begin) return false;
  std::size_t before_length = 0;
  const char32_t before = decode_before(text, i, &before_length);
  const std::size_t mark = i - before_length;
  if (is_closing_mark(before)) {
    // A closing quote glued to the clause it closes ("“historic,”1"); not "(2023)4", and not
    // an opening apostrophe ("’90 was").
    if (before == U')' || before == U']' || mark == paragraph.begin) return false;
    return text[mark - 1] != ' ' && text[mark - 1] != '\t';
  }
  if (!is_clause_punctuation(before) || mark == paragraph.begin) return false;
  if (rules.is_abbreviation(word_before(text, paragraph.begin, i))) return false;  // "No.2"
  std::size_t prior_length = 0;
  const char32_t prior = decode_before(text, mark, &prior_length);
  if (!is_ascii_digit(prior)) return true;
  // "3.5 percent" and "1,000" are numbers; "in 2023.4 The" is a year and a callout: a digit
  // before the period is allowed only when a sentence plainly starts after the callout.
  if (before != U'.') return false;
  std::size_t k = i + length;
  if (k >= paragraph.end) return true;
  while (k < paragraph.end && (text[k] == ' ' || text[k] == '\t')) ++k;
  if (k >= paragraph.end) return true;
  std::size_t next_length = 0;
  const char32_t next = decode_at(text, k, &next_length);
  return starts_sentence_letter(next) || is_opening_mark(next);
}

}  // namespace

std::vector<CalloutCandidate> find_callouts(std::string_view text, Span paragraph,
                                            const Rules& rules) {
  std::vector<CalloutCandidate> found;
  std::size_t i = paragraph.begin;
  // Most bytes are ASCII that can start no callout: only a digit, "[", "*" or a non-ASCII
  // byte (superscripts, daggers) can.
  static const std::array<bool, 256> kMayStart = [] {
    std::array<bool, 256> table{};
    for (std::size_t b = 0; b < 256; ++b) table[b] = b >= 0x80 || (b >= '0' && b <= '9') || b == '[' || b == '*';
    return table;
  }();
  const char* const data = text.data();
  while (i < paragraph.end) {
    {
      const char* p = data + i;
      const char* const stop = data + paragraph.end;
#ifdef __SSE2__
      // Sixteen bytes at a time: the bytes with the top bit set come straight from the
      // movemask, the digits from a range test.
      const auto candidates = [](__m128i bytes) {
        const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(_mm_sub_epi8(bytes, _mm_set1_epi8('0')), _mm_set1_epi8(9)),
                                             _mm_sub_epi8(bytes, _mm_set1_epi8('0')));
        const __m128i mark =
            _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('[')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('*')));
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(bytes, _mm_or_si128(digit, mark))));
      };
      for (; stop - p >= 16; p += 16) {
        const unsigned mask = candidates(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
        if (mask != 0) {
          p += __builtin_ctz(mask);
          break;
        }
      }
#endif
      while (p < stop && !kMayStart[static_cast<unsigned char>(*p)]) ++p;
      i = static_cast<std::size_t>(p - data);
      if (p == stop) break;
    }
    std::size_t length = 0;
    const char32_t c = decode_at(text, i, &length);
    const bool glued_to_text = i > paragraph.begin && text[i - 1] != ' ' && text[i - 1] != '\t';
    if (is_ascii_digit(c)) {
      // Only the start of a run of digits can be a callout.
      const bool run_start = i == paragraph.begin || !is_ascii_digit(static_cast<unsigned char>(text[i - 1]));
      const std::size_t n = run_start ? glued_callout_length(text, i, paragraph.end) : 0;
      if (n > 0 && is_glued_number(text, paragraph, i, n, rules)) {
        found.push_back({Span{i, i + n}, std::string(text.substr(i, n)), CalloutStyle::kGlued,
                         "callout.glued"});
        i += n;
        continue;
      }
      while (i < paragraph.end && is_ascii_digit(static_cast<unsigned char>(text[i]))) ++i;
      continue;
    }
    if (c == U'[' && i > paragraph.begin) {
      const std::size_t n = glued_callout_length(text, i, paragraph.end);
      if (n > 0) {
        found.push_back({Span{i, i + n}, std::string(text.substr(i + 1, n - 2)),
                         CalloutStyle::kBracket, "callout.bracket"});
        i += n;
        continue;
      }
    }
    if (superscript_digit_value(c) >= 0 && glued_to_text) {
      std::string marker;
      std::size_t j = i;
      while (j < paragraph.end) {
        std::size_t l = 0;
        const int digit = superscript_digit_value(decode_at(text, j, &l));
        if (digit < 0) break;
        marker.push_back(static_cast<char>('0' + digit));
        j += l;
      }
      found.push_back({Span{i, j}, marker, CalloutStyle::kSuperscript, "callout.superscript"});
      i = j;
      continue;
    }
    if (is_symbol(c) && glued_to_text) {
      // One symbol, possibly doubled ("**" for a second appendix), then a space or the end.
      std::size_t j = i + length;
      while (j < paragraph.end && text.compare(j, length, text.substr(i, length)) == 0) j += length;
      if (j == paragraph.end || text[j] == ' ' || text[j] == '\t') {
        found.push_back({Span{i, j}, std::string(text.substr(i, j - i)), CalloutStyle::kSymbol,
                         "callout.symbol"});
      }
      i = j;
      continue;
    }
    i += length;
  }
  return found;
}

void link_callouts(Document& doc, const Rules& rules) {
  // Targets by marker, built once: the first note with each number, the first appendix
  // with each symbol.
  std::unordered_map<std::string, std::size_t> note_by_marker;
  for (std::size_t n = 0; n < doc.notes.size(); ++n) {
    note_by_marker.emplace(std::to_string(doc.notes[n].n), n);
  }
  std::unordered_map<std::string, std::size_t> appendix_by_symbol;
  for (std::size_t s = 0; s < doc.sections.size(); ++s) {
    if (doc.sections[s].kind == SectionKind::kAppendix && !doc.sections[s].symbol.empty()) {
      appendix_by_symbol.emplace(doc.sections[s].symbol, s);
    }
  }
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& paragraph = doc.paragraphs[p];
    if (paragraph.kind == ParagraphKind::kNote) continue;
    for (CalloutCandidate& candidate : find_callouts(doc.text, paragraph.span, rules)) {
      Callout callout;
      callout.marker = std::move(candidate.marker);
      callout.style = candidate.style;
      callout.span = candidate.span;
      callout.rule_id = std::move(candidate.rule_id);
      // The sentence is the last one that starts at or before the callout.
      auto after = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), callout.span.begin,
                                    [](std::size_t at, const Sentence& s) { return at < s.span.begin; });
      callout.sentence = static_cast<std::size_t>(after - doc.sentences.begin()) - 1;
      if (callout.style == CalloutStyle::kSymbol) {
        if (auto it = appendix_by_symbol.find(callout.marker); it != appendix_by_symbol.end()) {
          callout.target_section = it->second;
        }
      } else if (auto it = note_by_marker.find(callout.marker); it != note_by_marker.end()) {
        callout.target_note = it->second;
        doc.notes[it->second].cited_by.push_back(doc.callouts.size());
      }
      if (!callout.target_note && !callout.target_section) {
        const bool symbol = callout.style == CalloutStyle::kSymbol;
        doc.diagnostics.push_back(Diagnostic{
            Severity::kWarning, symbol ? "symbol_without_target" : "callout_without_note",
            symbol ? "callout '" + callout.marker + "' matches no appendix heading starting with it"
                   : "callout " + callout.marker + " matches no endnote",
            callout.span});
      }
      doc.callouts.push_back(std::move(callout));
    }
  }
  for (const Note& note : doc.notes) {
    if (note.cited_by.empty()) {
      doc.diagnostics.push_back(Diagnostic{Severity::kInfo, "note_not_cited",
                                           "note " + std::to_string(note.n) + " is never cited in the text",
                                           note.span});
    }
  }
}

}  // namespace annotate
