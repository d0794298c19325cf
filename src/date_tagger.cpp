// SPDX-License-Identifier: MIT
// Date tagging in two steps: matching, which needs no reference date, then evaluation,
// which does. The reference date itself comes from the matches (the notes' latest full
// date), so every sentence is matched once and evaluated once.
#include "annotate/date_tagger.hpp"

#include <algorithm>
#include <optional>

#include "annotate/error.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

struct DateTagger::Match {
  std::size_t rule = 0;
  Span full;  ///< the whole match: what competes with other matches
  Span span;  ///< what the annotation covers (the group "span" when the rule has one)
  std::size_t sentence = 0;
  std::size_t first_group = 0;  ///< its groups in Scratch::groups
  std::size_t group_count = 0;
};

// Buffers reused from sentence to sentence of a document: a date rule matches a few times
// in every other sentence, and fresh vectors for each would cost more than the matching.
struct DateTagger::Scratch {
  std::vector<Match> candidates;
  std::vector<re2::StringPiece> submatches;
  std::vector<std::string_view> groups;  ///< every candidate's groups, candidates in order
  MatchGroups groups_of(const Match& match) const { return MatchGroups(groups.data() + match.first_group, match.group_count); }
};

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

// The word after `end`, skipping spaces: "troops" in "1500 troops".
std::string_view next_word(std::string_view text, std::size_t end, std::size_t limit) {
  std::size_t start = end;
  while (start < limit && is_space(text[start])) ++start;
  std::size_t stop = start;
  while (stop < limit && !is_space(text[stop]) && text[stop] != ',' && text[stop] != '.' &&
         text[stop] != ';' && text[stop] != ')') {
    ++stop;
  }
  return text.substr(start, stop - start);
}

// The word before `begin`, skipping spaces: "No." in "No. 2023".
std::string_view previous_word(std::string_view text, std::size_t begin, std::size_t limit) {
  std::size_t stop = begin;
  while (stop > limit && is_space(text[stop - 1])) --stop;
  std::size_t start = stop;
  while (start > limit && !is_space(text[start - 1]) && stop - start < 16) --start;
  return text.substr(start, stop - start);
}

bool all_digits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), is_digit);
}

// The largest four-digit year that opens `value` or follows a '/' ("2013/2014").
int max_year_in(std::string_view value) {
  int best = 0;
  for (std::size_t i = 0; i + 4 <= value.size(); ++i) {
    if (i != 0 && value[i - 1] != '/') continue;
    int year = 0;
    for (std::size_t k = i; k < i + 4 && year >= 0; ++k) year = is_digit(value[k]) ? year * 10 + (value[k] - '0') : -1;
    best = std::max(best, year);
  }
  return best;
}

bool is_full_date(std::string_view value) {
  return value.size() == 10 && value[4] == '-' && value[7] == '-' && all_digits(value.substr(0, 4)) &&
         all_digits(value.substr(5, 2)) && all_digits(value.substr(8, 2));
}

// YYYY-MM-DD as a day of the calendar, or nothing ("2022-11-31", "2023-02-29" are none).
std::optional<ReferenceDate> calendar_date(std::string_view text) {
  if (!is_full_date(text)) return std::nullopt;
  ReferenceDate date;
  date.year = std::stoi(std::string(text.substr(0, 4)));
  date.month = std::stoi(std::string(text.substr(5, 2)));
  date.day = std::stoi(std::string(text.substr(8, 2)));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  if (date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > kDays[date.month - 1] || (date.month == 2 && !leap && date.day > 28)) {
    return std::nullopt;
  }
  return date;
}

}  // namespace

ReferenceDate parse_reference_date(std::string_view text) {
  if (const std::optional<ReferenceDate> date = calendar_date(text)) return *date;
  throw Error("--reference-date must be a date as YYYY-MM-DD, not '" + std::string(text) + "'");
}

DateTagger::DateTagger(DateRules rules) : rules_(std::move(rules)) {
  std::vector<std::string> labels;
  for (const DateRule& rule : rules_.rules()) labels.push_back("date rule " + rule.id);
  rule_set_ = PatternSet(screen_patterns(), labels, RE2::UNANCHORED, RE2::Options(), "date rules");
}

bool DateTagger::passes_guards(std::string_view text, Span sentence, const DateRule& rule, Span match,
                               const std::vector<std::size_t>& callout_starts) const {
  // Never part of a longer number: "12023", "1,2023", "2023-555", "3.2023".
  if (match.begin > sentence.begin) {
    const char before = text[match.begin - 1];
    if (is_digit(before)) return false;
    if ((before == '.' || before == ',' || before == '/' || before == '-') && match.begin - 1 > sentence.begin &&
        is_digit(text[match.begin - 2])) {
      return false;
    }
  }
  if (match.end < sentence.end) {
    const char after = text[match.end];
    if (is_digit(after) || after == '%') return false;
    const bool callout_follows = std::binary_search(callout_starts.begin(), callout_starts.end(), match.end + 1);
    if ((after == '.' || after == ',' || after == '/' || after == '-') && match.end + 1 < sentence.end &&
        is_digit(text[match.end + 1]) && !callout_follows) {
      return false;
    }
  }
  if (!rule.number_guard) return true;
  const std::string_view next = next_word(text, match.end, sentence.end);
  const std::string_view previous = previous_word(text, match.begin, sentence.begin);
  if (rules_.is_count_noun(next)) return false;                                // "1500 troops"
  if (rules_.has_word("number_prefix", previous)) return false;                // "No. 2023"
  if (all_digits(previous) || all_digits(next)) return false;                  // "2 2100 7000"
  return true;
}

std::vector<std::string> DateTagger::screen_patterns() const {
  std::vector<std::string> patterns;
  for (const DateRule& rule : rules_.rules()) patterns.push_back(rule.pattern->pattern());
  return patterns;
}

std::vector<int> DateTagger::screen(std::string_view text, Span sentence) const {
  return rule_set_.match(sentence.of(text));
}

template <typename Candidates>
void DateTagger::match_sentence(std::string_view text, Span sentence, const Candidates& hits,
                                const std::uint32_t* search_ends, const std::vector<std::size_t>& callout_starts,
                                Scratch& scratch, std::vector<Match>& chosen) const {
  // The rules are searched in the document's text, where \b and \B at the sentence's
  // edges read the bytes beside it; the set read the sentence alone, as if non-word bytes
  // were there. Where they are, its search ends hold here too (^ and $ hold in fewer
  // places in the document: its matches are fewer, never more).
  const auto word_byte = [&](std::size_t at) { return is_regex_word_byte(static_cast<unsigned char>(text[at])); };
  const bool ends_hold = search_ends != nullptr && (sentence.begin == 0 || !word_byte(sentence.begin - 1)) &&
                         (sentence.end == text.size() || !word_byte(sentence.end));
  std::size_t k = 0;
  std::vector<Match>& candidates = scratch.candidates;
  std::vector<re2::StringPiece>& submatches = scratch.submatches;
  candidates.clear();
  for (const auto hit : hits) {
    const auto index = static_cast<std::size_t>(hit);
    const DateRule& rule = rules_.rules()[index];
    const int group_count = rule.pattern->NumberOfCapturingGroups();
    submatches.assign(static_cast<std::size_t>(group_count) + 1, re2::StringPiece());
    // next_match skips to the bytes the rule's matches may start with (MatchStart), and
    // runs no search when there is none left in the sentence, nor past its last match.
    const std::size_t search_end = ends_hold ? sentence.begin + search_ends[k] : sentence.end + 1;
    ++k;
    std::size_t position = sentence.begin;
    while (position < search_end &&
           next_match(*rule.pattern, rule.start, text, sentence.end, &position, submatches.data(), group_count + 1)) {
      const auto offset = [&](const re2::StringPiece& p) { return static_cast<std::size_t>(p.data() - text.data()); };
      Match match;
      match.rule = index;
      match.full = Span{offset(submatches[0]), offset(submatches[0]) + submatches[0].size()};
      match.span = match.full;
      if (rule.span_group >= 0 && submatches[static_cast<std::size_t>(rule.span_group)].data()) {
        const re2::StringPiece& s = submatches[static_cast<std::size_t>(rule.span_group)];
        match.span = Span{offset(s), offset(s) + s.size()};
      }
      if (!match.span.empty() && passes_guards(text, sentence, rule, match.span, callout_starts)) {
        match.first_group = scratch.groups.size();
        match.group_count = submatches.size();
        for (const re2::StringPiece& s : submatches) {
          scratch.groups.push_back(s.data() ? std::string_view(s.data(), s.size()) : std::string_view());
        }
        candidates.push_back(match);
      }
    }
  }
  // Longest first (the whole match, then the covered part: "On August 18" is a day, not
  // "On August"), then earliest, then the rule listed first; keep what does not overlap.
  std::sort(candidates.begin(), candidates.end(), [](const Match& a, const Match& b) {
    if (a.full.size() != b.full.size()) return a.full.size() > b.full.size();
    if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
    if (a.full.begin != b.full.begin) return a.full.begin < b.full.begin;
    return a.rule < b.rule;
  });
  const std::size_t first_chosen = chosen.size();
  for (const Match& candidate : candidates) {
    const bool overlaps = std::any_of(chosen.begin() + static_cast<std::ptrdiff_t>(first_chosen), chosen.end(),
                                      [&](const Match& m) {
                                        return candidate.full.begin < m.full.end && m.full.begin < candidate.full.end;
                                      });
    if (!overlaps) chosen.push_back(candidate);
  }
  std::sort(chosen.begin() + static_cast<std::ptrdiff_t>(first_chosen), chosen.end(),
            [](const Match& a, const Match& b) { return a.full.begin < b.full.begin; });
}

void DateTagger::tag(Document& doc, const std::optional<ReferenceDate>& option, const CueHits* screened) const {
  std::vector<std::size_t> callout_starts;
  for (const Callout& callout : doc.callouts) callout_starts.push_back(callout.span.begin);
  std::sort(callout_starts.begin(), callout_starts.end());

  std::vector<Match> matches;
  Scratch scratch;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Span sentence = doc.sentences[s].span;
    if (screened != nullptr && screened->in(s).empty()) continue;
    const std::size_t first = matches.size();
    if (screened != nullptr) {
      match_sentence(doc.text, sentence, screened->in(s), screened->search_ends(s), callout_starts, scratch, matches);
    } else {
      match_sentence(doc.text, sentence, screen(doc.text, sentence), nullptr, callout_starts, scratch, matches);
    }
    for (std::size_t m = first; m < matches.size(); ++m) matches[m].sentence = s;
  }

  // The reference date: the option, else the latest full date in the notes, else the latest
  // year anywhere. Values that need no reference are the same whatever it is.
  ReferenceDate reference;
  const ReferenceDate none;
  // Values that need no reference, kept from the search for it: the same whatever it is.
  std::vector<std::optional<DateValue>> without_reference(matches.size());
  if (option) {
    reference = *option;
    doc.reference_date.source = "option";
  } else {
    std::string latest_note_date;
    int latest_year = 0;
    for (std::size_t m = 0; m < matches.size(); ++m) {
      const Match& match = matches[m];
      const DateRule& rule = rules_.rules()[match.rule];
      if (rule.type != "DATE") continue;
      const DateValue& value = without_reference[m].emplace(rules_.evaluate(rule, scratch.groups_of(match), none));
      if (value.needs_reference) continue;
      const bool in_note = doc.paragraphs[doc.sentences[match.sentence].paragraph].kind == ParagraphKind::kNote;
      // (A day the calendar lacks, "2022-11-31" in a note, is written as found but dates nothing.)
      if (in_note && calendar_date(value.value)) latest_note_date = std::max(latest_note_date, value.value);
      latest_year = std::max(latest_year, max_year_in(value.value));
    }
    if (!latest_note_date.empty()) {
      reference = *calendar_date(latest_note_date);
      doc.reference_date.source = "notes";
    } else if (latest_year > 0) {
      reference.year = latest_year;
      doc.reference_date.source = "text";
    }
  }
  if (reference.year > 0) {
    char buffer[48];
    if (reference.month > 0) {
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", reference.year, reference.month, reference.day);
    } else {
      std::snprintf(buffer, sizeof buffer, "%04d", reference.year);
    }
    doc.reference_date.value = buffer;
  }

  doc.dates.reserve(doc.dates.size() + matches.size());
  for (std::size_t m = 0; m < matches.size(); ++m) {
    const Match& match = matches[m];
    const DateRule& rule = rules_.rules()[match.rule];
    DateValue value = without_reference[m] && !without_reference[m]->needs_reference
                          ? std::move(*without_reference[m])
                          : rules_.evaluate(rule, scratch.groups_of(match), reference);
    if (!value.anchored) {
      doc.diagnostics.push_back(Diagnostic{Severity::kWarning, "date_without_anchor",
                                           "'" + std::string(doc.view(match.span)) +
                                               "' needs a reference date; give --reference-date",
                                           match.span});
    }
    doc.dates.push_back(DateMention{match.span, match.sentence, rule.type, std::move(value.value),
                                    std::move(value.mod), rule.id, value.needs_reference});
  }
}

std::vector<DateMention> DateTagger::tag_span(std::string_view text, Span span,
                                              const ReferenceDate& reference) const {
  std::vector<DateMention> out;
  Scratch scratch;
  std::vector<Match> matches;
  match_sentence(text, span, screen(text, span), nullptr, {}, scratch, matches);
  for (const Match& match : matches) {
    const DateRule& rule = rules_.rules()[match.rule];
    DateValue value = rules_.evaluate(rule, scratch.groups_of(match), reference);
    out.push_back(DateMention{match.span, 0, rule.type, std::move(value.value), std::move(value.mod), rule.id,
                              value.needs_reference});
  }
  return out;
}

}  // namespace annotate
