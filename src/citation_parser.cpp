// SPDX-License-Identifier: MIT
// Endnote parsing tuned to commentary footnotes: the quoted title is the anchor, what
// precedes it is the author list, what follows it the container, numbers and date. Quotes
// left unbalanced by the source (an opening quote never closed, or the reverse) are common
// in notes with Chinese titles, so each case has its own step.
#include "annotate/citation_parser.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "annotate/data_file.hpp"
#include "annotate/error.hpp"
#include "annotate/sentence_search.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

namespace {

// Title quotes, opening and closing: “ ”, « », 《 》, and straight double quotes.
constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
    {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xC2\xAB", "\xC2\xBB"}, {"\xE3\x80\x8A", "\xE3\x80\x8B"}, {"\"", "\""}};

// Words that may stand lowercase in names, titles and containers ("Council on Foreign
// Relations"); three other lowercase words in one field make it prose.
bool is_small_word(std::string_view word) {
  static const std::set<std::string_view> kSmall = {"of", "the", "and", "for", "on", "in", "a", "an", "at", "to",
                                                    "de", "v", "i", "y", "und", "der", "van", "von", "no.", "vol.",
                                                    "p.", "pp.", "et", "al.", "ed.", "eds.", "with", "from", "by"};
  return kSmall.count(word) > 0;
}

// True when some comma-free stretch of text[span] reads as a clause rather than a field.
bool reads_as_prose(std::string_view text, Span span) {
  int lowercase = 0;
  for (std::size_t i = span.begin; i < span.end;) {
    std::size_t stop = i;
    while (stop < span.end && text[stop] != ' ' && text[stop] != ',' && text[stop] != ';') ++stop;
    const std::string_view word = text.substr(i, stop - i);
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z' && !is_small_word(word)) ++lowercase;
    if (lowercase >= 3) return true;
    if (stop < span.end && (text[stop] == ',' || text[stop] == ';')) lowercase = 0;
    i = stop + 1;
  }
  return false;
}

// Narrows `span` past spaces and the punctuation that separates citation fields.
Span trim_fields(std::string_view text, Span span) {
  auto separator = [](char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == ' '; };
  span = trim(text, span);
  while (span.begin < span.end && (separator(text[span.begin]))) span = trim(text, Span{span.begin + 1, span.end});
  while (span.end > span.begin && separator(text[span.end - 1])) span = trim(text, Span{span.begin, span.end - 1});
  return span;
}

std::size_t find_in(std::string_view text, Span span, std::string_view needle, std::size_t from) {
  const std::size_t at = text.substr(0, span.end).find(needle, std::max(from, span.begin));
  return at == std::string_view::npos ? span.end : at;
}

std::size_t rfind_in(std::string_view text, Span span, std::string_view needle, std::size_t before) {
  if (before <= span.begin) return std::string_view::npos;
  const std::size_t at = text.substr(0, before).rfind(needle);
  return at == std::string_view::npos || at < span.begin ? std::string_view::npos : at;
}

bool is_iso_date(std::string_view value) {
  if (value.size() != 4 && value.size() != 7 && value.size() != 10) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? value[i] != '-' : (value[i] < '0' || value[i] > '9')) return false;
  }
  return true;
}

// A date, or a range of two ("2023-07/2023-08" for "July/August 2023").
bool is_iso_date_or_range(std::string_view value) {
  const std::size_t slash = value.find('/');
  if (slash == std::string_view::npos) return is_iso_date(value);
  return is_iso_date(value.substr(0, slash)) && is_iso_date(value.substr(slash + 1));
}

void set_field(Reference& reference, std::optional<Span>& field, Span span, const char* name,
               const std::string& rule) {
  field = span;
  reference.rules.emplace_back(name, rule);
}

}  // namespace

std::vector<std::string> scripts_of(std::string_view text) {
  bool latin = false, han = false, cyrillic = false, hangul = false, kana = false, arabic = false, greek = false;
  for (std::size_t i = 0; i < text.size();) {
    // ASCII, most of a note, is Latin or nothing: decoded only where it is not.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      const char a = static_cast<char>(text[i++] | 0x20);
      latin |= a >= 'a' && a <= 'z';
      continue;
    }
    std::size_t length = 0;
    const char32_t c = decode_at(text, i, &length);
    i += length;
    latin |= (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
             (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
    han |= (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    cyrillic |= c >= 0x400 && c <= 0x4FF;
    hangul |= (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
    kana |= c >= 0x3040 && c <= 0x30FF;
    arabic |= c >= 0x600 && c <= 0x6FF;
    greek |= c >= 0x370 && c <= 0x3FF;
  }
  std::vector<std::string> scripts;
  const std::pair<bool, const char*> order[] = {{latin, "Latin"},   {han, "Han"},       {cyrillic, "Cyrillic"},
                                                {hangul, "Hangul"}, {kana, "Kana"},     {arabic, "Arabic"},
                                                {greek, "Greek"}};
  for (const auto& [present, name] : order) {
    if (present) scripts.emplace_back(name);
  }
  return scripts;
}

CitationParser CitationParser::parse(std::string_view rules, const std::string& rules_name,
                                     std::string_view words, const std::string& words_name) {
  static const std::set<std::string, std::less<>> kKinds = {
      "remark", "book_parens", "book_period", "doi", "url", "volume", "issue", "page", "ibid", "inline_ref",
      "lead_in"};
  CitationParser parser;
  for_each_data_line(rules, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(rules_name, line_number, "");
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 3) throw Error(where + "expected 3 tab-separated fields (id, kind, pattern)");
    if (kKinds.count(fields[1]) == 0) throw Error(where + "unknown kind '" + std::string(fields[1]) + "'");
    auto regex = compile_pattern(fields[2], RE2::Options(), where);
    if (fields[1] == "inline_ref") parser.inline_screens_.emplace_back(regex);
    parser.patterns_.push_back(Pattern{std::string(fields[0]), std::string(fields[1]), std::move(regex)});
  });
  std::vector<std::string> patterns;
  std::vector<std::string> labels;
  for (const Pattern& pattern : parser.patterns_) {
    patterns.push_back(pattern.regex->pattern());
    labels.push_back(rules_name + ": rule " + pattern.id);
  }
  // With the options of each pattern's own.
  parser.pattern_set_ = PatternSet(patterns, labels, RE2::UNANCHORED, RE2::Options(), rules_name);
  for_each_data_line(words, [&](std::size_t line_number, std::string_view line) {
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 2 || fields[1].empty()) {
      throw Error(located_message(words_name, line_number, "expected 2 tab-separated fields (class, word)"));
    }
    parser.words_[std::string(fields[0])].emplace(fields[1]);
  });
  return parser;
}

CitationParser CitationParser::load(const std::optional<std::string>& dir) {
  const DataText rules = read_data_file(dir, kRulesFile);
  const DataText words = read_data_file(dir, kWordsFile);
  return parse(rules.content, rules.name, words.content, words.name);
}

const CitationParser::Pattern* CitationParser::find(std::string_view kind, std::string_view text, Span span,
                                                    std::vector<Span>* groups, SpanScreen& screen) const {
  // The span alone is the text searched, so that ^ and $ mean its ends.
  const re2::StringPiece piece(text.data() + span.begin, span.size());
  if (screen.span != span) {
    screen.span = span;
    pattern_set_.match(span.of(text), &screen.hits);
  }
  std::vector<re2::StringPiece> pieces;
  for (const int hit : screen.hits) {
    const Pattern& pattern = patterns_[static_cast<std::size_t>(hit)];
    if (pattern.kind != kind) continue;
    const int count = pattern.regex->NumberOfCapturingGroups();
    pieces.assign(static_cast<std::size_t>(count) + 1, re2::StringPiece());
    if (!pattern.regex->Match(piece, 0, piece.size(), RE2::UNANCHORED, pieces.data(), count + 1)) continue;
    groups->clear();
    for (const re2::StringPiece& p : pieces) {
      const auto begin = p.data() ? static_cast<std::size_t>(p.data() - text.data()) : span.end;
      groups->push_back(Span{begin, begin + p.size()});
    }
    return &pattern;
  }
  return nullptr;
}

Name CitationParser::parse_name(std::string_view text, Span span) const {
  std::vector<Span> tokens;
  for (std::size_t i = span.begin; i < span.end;) {
    const std::size_t stop = std::min(find_in(text, span, " ", i), span.end);
    if (stop > i) tokens.push_back(Span{i, stop});
    i = stop + 1;
  }
  Name name;
  const auto& family_first = words_.at("family_first");
  const bool east_asian = tokens.size() >= 2 && tokens.size() <= 3 && family_first.count(tokens[0].of(text)) > 0;
  if (tokens.size() < 2 || tokens.size() > 4 || east_asian) {
    name.literal = span;
    return name;
  }
  // The family name starts at the first particle after the given names, else the last word.
  std::size_t family = tokens.size() - 1;
  const auto& particles = words_.at("particle");
  for (std::size_t t = 1; t + 1 < tokens.size(); ++t) {
    if (particles.count(tokens[t].of(text)) > 0) {
      family = t;
      break;
    }
  }
  name.family = Span{tokens[family].begin, span.end};
  name.given = Span{span.begin, tokens[family - 1].end};
  return name;
}

std::vector<Name> CitationParser::parse_authors(std::string_view text, Span span) const {
  std::vector<Name> authors;
  span = trim_fields(text, span);
  if (span.empty()) return authors;
  const auto& org_words = words_.at("org_word");
  for (std::size_t i = span.begin; i < span.end;) {
    std::size_t stop = i;
    while (stop < span.end && text[stop] != ' ') ++stop;
    if (org_words.count(trim_fields(text, Span{i, stop}).of(text)) > 0) {
      authors.push_back(Name{span, std::nullopt, std::nullopt});  // an organisation, kept whole
      return authors;
    }
    i = stop + 1;
  }
  // "A, B, and C", "A and B", "A & B"
  std::size_t start = span.begin;
  while (start < span.end) {
    std::size_t stop = span.end;
    std::size_t next = span.end;
    for (std::string_view separator : {", and ", " and ", " & ", ", "}) {
      const std::size_t at = find_in(text, Span{start, span.end}, separator, start);
      if (at < stop) {
        stop = at;
        next = at + separator.size();
      }
    }
    const Span part = trim_fields(text, Span{start, stop});
    if (!part.empty()) authors.push_back(parse_name(text, part));
    start = next;
  }
  return authors;
}

void CitationParser::parse_source_details(std::string_view text, Span span, const std::vector<DateMention>& dates,
                                          Reference& reference) const {
  std::size_t container_end = span.end;
  std::vector<Span> groups;
  SpanScreen screen;
  // The last date of the span that is a calendar date by itself: not "August 18", whose
  // year came from the reference date. The dates are the document's, in text order.
  const auto first = std::lower_bound(dates.begin(), dates.end(), span.begin,
                                      [](const DateMention& date, std::size_t at) { return date.span.begin < at; });
  const DateMention* issued = nullptr;
  for (auto it = first; it != dates.end() && it->span.end <= span.end; ++it) {
    if (it->type == "DATE" && !it->needs_reference && is_iso_date_or_range(it->value)) issued = &*it;
  }
  if (issued != nullptr) {
    reference.issued = issued->value;
    reference.rules.emplace_back("issued", issued->rule_id);
    container_end = std::min(container_end, issued->span.begin);
  }
  const std::pair<const char*, std::optional<Span> Reference::*> numbers[] = {
      {"volume", &Reference::volume}, {"issue", &Reference::issue}, {"page", &Reference::page}};
  for (const auto& [kind, field] : numbers) {
    if (const Pattern* pattern = find(kind, text, span, &groups, screen)) {
      set_field(reference, reference.*field, groups[1], kind, pattern->id);
      container_end = std::min(container_end, groups[0].begin);
    }
  }
  // The container is the first field: up to the first comma or the numbers and date.
  const std::size_t comma = find_in(text, span, ", ", span.begin);
  const Span container = trim_fields(text, Span{span.begin, std::min(comma, container_end)});
  if (!container.empty()) set_field(reference, reference.container_title, container, "container-title", "field.first");
}

std::optional<Reference> CitationParser::parse_reference(std::string_view text, Span span,
                                                         const std::vector<DateMention>& dates) const {
  Reference reference;
  std::vector<Span> groups;
  SpanScreen screen;
  span = trim_fields(text, span);
  if (const Pattern* p = find("remark", text, span, &groups, screen)) {
    set_field(reference, reference.note, groups[1], "note", p->id);
    span = trim_fields(text, Span{span.begin, groups[0].begin});
  }
  if (const Pattern* p = find("doi", text, span, &groups, screen)) {
    set_field(reference, reference.doi, groups[1], "DOI", p->id);
    if (trim_fields(text, Span{groups[0].end, span.end}).empty()) span = trim_fields(text, Span{span.begin, groups[0].begin});
  }
  if (const Pattern* p = find("url", text, span, &groups, screen)) {
    set_field(reference, reference.url, groups[0], "URL", p->id);
    if (trim_fields(text, Span{groups[0].end, span.end}).empty()) span = trim_fields(text, Span{span.begin, groups[0].begin});
  }
  if (find("lead_in", text, span, &groups, screen)) span = trim_fields(text, Span{groups[0].end, span.end});
  if (find("ibid", text, span, &groups, screen) && groups[0].begin == span.begin) {
    if (const Pattern* p = find("page", text, span, &groups, screen)) {
      set_field(reference, reference.page, groups[1], "page", p->id);
      return reference;
    }
    return std::nullopt;
  }
  // "..., 2019), p. 88.": a page after a book's imprint.
  if (const Pattern* p = find("page", text, span, &groups, screen);
      p && trim_fields(text, Span{groups[0].end, span.end}).empty() && groups[0].begin > span.begin &&
      text[groups[0].begin - 1] == ',') {
    set_field(reference, reference.page, groups[1], "page", p->id);
    span = trim_fields(text, Span{span.begin, groups[0].begin});
  }
  for (const char* kind : {"book_parens", "book_period"}) {
    if (const Pattern* p = find(kind, text, span, &groups, screen)) {
      set_field(reference, reference.publisher_place, trim_fields(text, groups[1]), "publisher-place", p->id);
      set_field(reference, reference.publisher, trim_fields(text, groups[2]), "publisher", p->id);
      reference.issued = std::string(groups[3].of(text));
      reference.rules.emplace_back("issued", p->id);
      const Span head = trim_fields(text, Span{span.begin, groups[0].begin});
      const std::size_t comma = find_in(text, head, ", ", head.begin);
      if (comma < head.end) {
        reference.authors = parse_authors(text, Span{head.begin, comma});
        set_field(reference, reference.title, trim_fields(text, Span{comma, head.end}), "title", "title.after_author");
      } else {
        set_field(reference, reference.title, head, "title", "title.whole");
      }
      return reference;
    }
  }

  // The title: quoted, or with one of its quotes missing.
  std::size_t open = span.end;
  std::string_view open_quote;
  std::string_view close_quote = kQuotes[0].second;
  for (const auto& [opening, closing] : kQuotes) {
    const std::size_t at = find_in(text, span, opening, span.begin);
    if (at < open) {
      open = at;
      open_quote = opening;
      close_quote = closing;
    }
  }
  const std::size_t close =
      find_in(text, span, close_quote, open < span.end ? open + open_quote.size() : span.begin);
  Span before{span.begin, span.begin};
  Span title{span.begin, span.begin};
  Span after{span.end, span.end};
  std::string rule;
  if (open < span.end && close < span.end) {
    before = Span{span.begin, open};
    title = Span{open + open_quote.size(), close};
    after = Span{close + close_quote.size(), span.end};
    rule = "title.quoted";
  } else if (open < span.end) {  // “Title, Container, ...
    const std::size_t comma = find_in(text, span, ", ", open);
    before = Span{span.begin, open};
    title = Span{open + open_quote.size(), comma};
    after = Span{std::min(comma + 1, span.end), span.end};
    rule = "title.unclosed_quote";
  } else if (close < span.end) {  // Authors, Title,” Container, ...
    const std::size_t comma = rfind_in(text, span, ", ", close);
    const std::size_t title_begin = comma == std::string_view::npos ? span.begin : comma + 2;
    before = Span{span.begin, title_begin};
    title = Span{title_begin, close};
    after = Span{close + close_quote.size(), span.end};
    rule = "title.unopened_quote";
  }
  if (!rule.empty() && (reads_as_prose(text, before) || reads_as_prose(text, after))) return std::nullopt;
  if (rule.empty()) {
    // No quotes: a reference needs at least a date, a URL or a DOI to be told from prose.
    Reference probe = reference;
    parse_source_details(text, span, dates, probe);
    if (probe.issued.empty() && !reference.url && !reference.doi) return std::nullopt;
    if (reads_as_prose(text, span)) return std::nullopt;
    const std::size_t comma = find_in(text, span, ", ", span.begin);
    if (comma < span.end) {
      reference.authors = parse_authors(text, Span{span.begin, comma});
      parse_source_details(text, Span{comma + 2, span.end}, dates, reference);
    } else {
      parse_source_details(text, span, dates, reference);
    }
    return reference;
  }
  set_field(reference, reference.title, trim_fields(text, title), "title", rule);
  reference.authors = parse_authors(text, before);
  parse_source_details(text, trim_fields(text, after), dates, reference);
  return reference;
}

std::optional<Reference> CitationParser::parse_inline(std::string_view text, Span span, const std::vector<DateMention>& dates) const {
  Reference reference;
  span = trim_fields(text, span);
  const bool quoted_first = text.compare(span.begin, kQuotes[0].first.size(), kQuotes[0].first) == 0;
  if (quoted_first) return parse_reference(text, span, dates);
  parse_source_details(text, span, dates, reference);
  if (reference.issued.empty()) {  // "(See Putin’s “Turn to the East” in the Xi Jinping Era)": a title
    reference = Reference{};
    set_field(reference, reference.title, span, "title", "title.whole");
  }
  return reference;
}

void CitationParser::parse_notes(Document& doc) const {
  const std::vector<DateMention>& dates = doc.dates;
  for (Note& note : doc.notes) {
    note.scripts = scripts_of(doc.view(note.span));
    if (note.kind == NoteKind::kIbid) {
      note.reference = parse_reference(doc.text, note.span, dates);
      continue;
    }
    // Several works in one note: "A, “X,” ...; B, “Y,” ..." when each part is a reference.
    std::vector<Span> parts;
    for (std::size_t start = note.span.begin; start < note.span.end;) {
      const std::size_t semicolon = find_in(doc.text, note.span, "; ", start);
      parts.push_back(Span{start, semicolon});
      start = std::min(semicolon + 2, note.span.end);
      if (semicolon >= note.span.end) break;
    }
    std::vector<Reference> references;
    for (const Span& part : parts) {
      if (auto reference = parse_reference(doc.text, part, dates)) references.push_back(std::move(*reference));
    }
    if (parts.size() > 1 && references.size() != parts.size()) {
      references.clear();  // a semicolon inside one reference, or inside prose
      if (auto reference = parse_reference(doc.text, note.span, dates)) references.push_back(std::move(*reference));
    }
    if (references.empty()) {
      note.kind = NoteKind::kComment;
      continue;
    }
    note.reference = references.front();
    if (references.size() > 1) note.references = std::move(references);
  }

  // The sentences an inline reference may be in, from one search of the whole document
  // per pattern.
  std::vector<bool> may_cite(doc.sentences.size(), false);
  for (const SentenceScreen& screen : inline_screens_) {
    const std::vector<bool> found = screen.flags(doc);
    for (std::size_t s = 0; s < found.size(); ++s) may_cite[s] = may_cite[s] || found[s];
  }
  std::vector<Span> groups;
  SpanScreen screen;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (!may_cite[s] || doc.paragraphs[sentence.paragraph].kind == ParagraphKind::kNote) continue;
    for (Span rest = sentence.span; const Pattern* p = find("inline_ref", doc.text, rest, &groups, screen);) {
      (void)p;
      doc.inline_refs.push_back(InlineRef{groups[0], s, parse_inline(doc.text, groups[1], dates)});
      rest = Span{groups[0].end, rest.end};
    }
  }
}

}  // namespace annotate
